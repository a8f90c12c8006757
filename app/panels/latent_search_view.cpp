// The "find z" view: target | G(z) from one small atlas uploaded per answer, the L1 curve, how
// close it got, and buttons that start a search and put the found z into the explorer's path.
#include "app/panels/latent_search_view.hpp"

#include <imgui.h>

#include <algorithm>
#include <string>
#include <vector>

#include "app/gl/image_atlas.hpp"
#include "app/i18n/strings.hpp"
#include "app/scenes/latent_explorer_scene.hpp"
#include "app/scenes/palette.hpp"
#include "app/state/latent_explorer_file.hpp"
#include "core/api/telemetry/image_frame.hpp"

namespace ganscope {
namespace {

/// The atlas's cells: the target in cell 0, G(z) in cell 1 (the explorer's atlas layout).
std::vector<uint8_t> searchImages(const LatentSearch& search) {
  std::vector<uint8_t> bytes(size_t(kExplorerAtlasSide) * kExplorerAtlasSide * kImagePixels, 0);
  const auto put = [&](int cell, const std::vector<float>& values) {
    if (values.size() != size_t(kImagePixels)) return;
    for (int p = 0; p < kImagePixels; ++p)
      bytes[size_t(cell) * kImagePixels + p] = pixelByte(values[p]);
  };
  put(0, search.target());
  if (const FoundLatent* found = search.answer()) put(1, found->sample);
  return bytes;
}

bool button(PanelContext& ctx, const char* key, const char* id) {
  const bool pressed = ImGui::SmallButton((std::string(i18n::tr(key)) + "###" + id).c_str());
  const ImVec2 a = ImGui::GetItemRectMin(), b = ImGui::GetItemRectMax();
  ctx.ui.fields.rects[std::string("search.") + id] = {
      a.x, a.y, b.x, b.y, (a.x + b.x) / 2, (a.y + b.y) / 2};
  return pressed;
}

/// The target and G(z) side by side, each `side` pixels, captioned.
void drawPictures(const LatentSearch& search, float side) {
  ExplorerTexture texture;
  if (search.atlas) {
    texture = {search.atlas->texture(), ImVec2(static_cast<float>(search.atlas->width()),
                                               static_cast<float>(search.atlas->height()))};
  }
  // Each caption wraps within its picture's width, so two pictures fit a narrow column.
  const auto caption = [side](const std::string& text) {
    ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + side);
    ImGui::TextUnformatted(text.c_str());
    ImGui::PopTextWrapPos();
  };
  ImGui::BeginGroup();
  caption(i18n::trf("search.target", search.targetIndex()));
  drawExplorerImage(texture, 0, side);
  ImGui::EndGroup();
  ImGui::SameLine();
  ImGui::BeginGroup();
  caption(i18n::tr("search.found"));
  if (search.answer() && !search.answer()->sample.empty()) {
    drawExplorerImage(texture, 1, side);
  } else {
    ImGui::Dummy(ImVec2(side, side));
  }
  ImGui::EndGroup();
}

void drawReadout(const FoundLatent& found, std::optional<float> start) {
  ImGui::PushTextWrapPos(0);
  ImGui::TextUnformatted(i18n::trf(found.done ? "search.done" : "search.progress", found.iteration,
                                   found.iterations, found.seconds)
                             .c_str());
  ImGui::TextUnformatted(
      i18n::trf("search.l1", static_cast<double>(found.l1), static_cast<double>(start.value_or(0)))
          .c_str());
  hint(i18n::tr("search.l1_hint"));
  ImGui::TextUnformatted(i18n::trf("search.norm", static_cast<double>(found.norm),
                                   static_cast<double>(found.typical),
                                   static_cast<long long>(found.step))
                             .c_str());
  hint(i18n::tr("search.norm_hint"));
  ImGui::PopTextWrapPos();
  if (!found.l1_curve.empty()) {
    const float top = *std::max_element(found.l1_curve.begin(), found.l1_curve.end());
    ImGui::PlotLines("##l1_curve", found.l1_curve.data(), static_cast<int>(found.l1_curve.size()),
                     0, i18n::tr("search.curve"), 0, top,
                     ImVec2(ImGui::GetContentRegionAvail().x, ImGui::GetFontSize() * 3.5f));
  }
}

/// The view under its header: the buttons, then the target, G(z) and the readout.
void drawSearchBody(PanelContext& ctx, const LatentConfig& latent, LatentSearch& search,
                    const ImageFrame& frame, int chosen) {
  ImGui::BeginDisabled(chosen < 0);
  if (button(ctx, "search.find", "find")) {
    try {
      ctx.run.session().send(search.start(frame, chosen));
    } catch (const std::exception& error) {
      ctx.ui.error = error.what();
    }
  }
  ImGui::EndDisabled();
  const FoundLatent* answer = search.answer();
  const bool usable = answer && !answer->z.empty() && answer->z.size() == size_t(latent.dim);
  ImGui::BeginDisabled(!usable);
  sameLineIfFits(i18n::tr("search.use_a"));
  if (button(ctx, "search.use_a", "use_a")) useFreeLatent(ctx.ui.explorer, kAnchorA, answer->z);
  hint(i18n::tr("search.use_hint"));
  sameLineIfFits(i18n::tr("search.use_b"));
  if (button(ctx, "search.use_b", "use_b")) useFreeLatent(ctx.ui.explorer, kAnchorB, answer->z);
  hint(i18n::tr("search.use_hint"));
  ImGui::EndDisabled();
  if (search.targetIndex() < 0) {
    ImGui::PushTextWrapPos(0);
    ImGui::TextDisabled("%s", i18n::tr(chosen < 0 ? "search.choose" : "search.ready"));
    ImGui::PopTextWrapPos();
    return;
  }
  if (answer && !answer->error.empty()) {
    ImGui::PushTextWrapPos(0);
    ImGui::TextColored(palette::kError, "%s", answer->error.c_str());
    ImGui::PopTextWrapPos();
    return;
  }
  drawPictures(search,
               std::min(ImGui::GetFontSize() * 6,
                        (ImGui::GetContentRegionAvail().x - ImGui::GetStyle().ItemSpacing.x) / 2));
  if (answer) {
    drawReadout(*answer, search.startL1());
  } else {
    ImGui::TextDisabled("%s", i18n::tr("search.waiting"));
  }
}

}  // namespace

void drawLatentSearch(PanelContext& ctx, const LatentConfig& latent) {
  const ImageFrame* frame = ctx.run.store.frame<ImageFrame>();
  if (!frame) return;  // image runs only
  LatentSearch& search = ctx.run.latent_search;
  search.follow(ctx.run.status.generation);
  FoundLatent found;
  while (ctx.run.session().pollFoundLatent(found)) search.receive(found);
  if (search.running()) ctx.ui.animating = true;  // draw on until the final answer shows
  if (!search.atlas && ctx.run.texture_error.empty()) {
    try {
      search.atlas = std::make_unique<gl::ImageAtlas>();
    } catch (const std::exception&) {
      // No GL: grey boxes (the run's texture error says why).
    }
  }
  if (search.atlas) {
    const gl::GridKey key{ctx.run.status.generation, search.version(), kExplorerAtlasSide};
    if (search.atlas_key != key) {
      search.atlas->show(searchImages(search), key, kExplorerAtlasGap);
      search.atlas_key = key;
    }
  }

  // The view sits at the bottom of a column that may scroll: it is opened and scrolled into
  // view once when a real image is chosen and once when a search's first answer comes.
  const int chosen = ctx.ui.samples.chosen_real;
  ImGuiStorage* storage = ImGui::GetStateStorage();
  const ImGuiID chosen_key = ImGui::GetID("##search_chosen");
  const ImGuiID answered_key = ImGui::GetID("##search_answered");
  const bool chosen_now = chosen >= 0 && storage->GetInt(chosen_key, -1) != chosen;
  const bool answered_now = search.answer() && !storage->GetBool(answered_key, false);
  storage->SetInt(chosen_key, chosen);
  storage->SetBool(answered_key, search.answer() != nullptr);
  const bool reveal = chosen_now || answered_now;
  const float top = ImGui::GetCursorPosY();  // in the column's content, whatever its scroll
  ImGui::Separator();
  if (reveal) ImGui::SetNextItemOpen(true);
  const bool open =
      ImGui::CollapsingHeader((std::string(i18n::tr("search.title")) + "###search").c_str(),
                              ImGuiTreeNodeFlags_DefaultOpen);
  hint(i18n::tr("search.title_hint"));
  if (!open) return;
  drawSearchBody(ctx, latent, search, *frame, chosen);
  if (!reveal) return;
  // Its end at the column's bottom, or its top at the column's top when it is taller.
  if (ImGui::GetCursorPosY() - top <= ImGui::GetWindowHeight()) {
    ImGui::SetScrollHereY(1.0f);
  } else {
    ImGui::SetScrollFromPosY(top - ImGui::GetScrollY(), 0.0f);
  }
}

}  // namespace ganscope
