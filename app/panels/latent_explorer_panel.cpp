// The latent explorer panel: endpoints (pinned samples, random or typed latent seeds), the
// slider t with G(z(t)) large, the strip and D's score along the path, live as G trains;
// truncation, per-dimension and GANSpace direction sliders, the square of four anchors with its
// random walk; PNG, GIF (the strip, the walk) and JSON exports. Also the tab that shares a slot
// between the explorer and another panel.
#include <imgui.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <stdexcept>
#include <string>

#include "app/gl/image_atlas.hpp"
#include "app/i18n/strings.hpp"
#include "app/panels/latent_class_map_view.hpp"
#include "app/panels/latent_search_view.hpp"
#include "app/panels/panels.hpp"
#include "app/scenes/latent_explorer_scene.hpp"
#include "app/scenes/palette.hpp"
#include "app/state/latent_explorer_file.hpp"
#include "app/state/latent_explorer_walk.hpp"
#include "common/png_file.hpp"
#include "core/api/latent.hpp"
#include "core/api/telemetry/image_frame.hpp"

namespace ganscope {

namespace {

constexpr int kExportScale = 8;            ///< the PNGs' magnification of G's 28 x 28 pixels
constexpr int kGifDelayCentiseconds = 12;  ///< the GIF's time per frame

std::string label(const char* key, const char* id) {
  return std::string(i18n::tr(key)) + "###" + id;
}

/// Remembers where the item just drawn is, for scripted clicks (--input-script click NAME).
void placeItem(PanelContext& ctx, const std::string& name) {
  const ImVec2 a = ImGui::GetItemRectMin(), b = ImGui::GetItemRectMax();
  ctx.ui.fields.rects[name] = {a.x, a.y, b.x, b.y, (a.x + b.x) / 2, (a.y + b.y) / 2};
}

/// The width that leaves room for `key`'s label right of the next item (at least 4 fonts).
void widthBeside(const char* key) {
  const float label_w = ImGui::CalcTextSize(i18n::tr(key)).x + ImGui::GetStyle().ItemInnerSpacing.x;
  ImGui::SetNextItemWidth(
      std::max(ImGui::GetFontSize() * 4, ImGui::GetContentRegionAvail().x - label_w));
}

bool button(PanelContext& ctx, const char* key, const char* id) {
  const bool pressed = ImGui::SmallButton(label(key, id).c_str());
  placeItem(ctx, std::string("explorer.") + id);
  return pressed;
}

const char* anchorName(int i) {
  static const char* const kNames[] = {"A", "B", "C", "D"};
  return kNames[i];
}

/// One anchor's row: its seed (typed), a pinned sample, or a random one.
void drawAnchor(PanelContext& ctx, int i) {
  LatentExplorerState& state = ctx.ui.explorer;
  ImGui::PushID(i);
  ImGui::AlignTextToFramePadding();
  ImGui::TextUnformatted(anchorName(i));
  ImGui::SameLine();
  NumberSpec seed_spec;
  seed_spec.lo = 0;
  seed_spec.hi = static_cast<double>(kMaxTypedSeed);
  seed_spec.handle_lo = 0;
  seed_spec.handle_hi = kGridImages - 1;
  ImGui::SetNextItemWidth(ImGui::GetFontSize() * 7);
  numberField(ctx.ui.fields, "##seed", std::string("explorer.seed_") + anchorName(i), seed_spec,
              state.anchors[i]);
  hint(i18n::tr("explorer.seed_hint"));
  sameLineIfFits(i18n::tr("explorer.from_pin"));
  const std::vector<int>& pinned = ctx.ui.samples.pinned;
  if (ImGui::SmallButton(label("explorer.from_pin", "pin").c_str())) ImGui::OpenPopup("pins");
  hint(i18n::tr("explorer.from_pin_hint"));
  if (ImGui::BeginPopup("pins")) {
    if (pinned.empty()) ImGui::TextDisabled("%s", i18n::tr("explorer.no_pins"));
    for (const int index : pinned) {
      if (ImGui::Selectable(i18n::trf("explorer.pin_item", index).c_str())) {
        state.anchors[i] = static_cast<uint64_t>(index);
      }
    }
    ImGui::EndPopup();
  }
  sameLineIfFits(i18n::tr("explorer.random"));
  if (button(ctx, "explorer.random", (std::string("random_") + anchorName(i)).c_str())) {
    state.anchors[i] = rollSeed(state);
  }
  hint(i18n::tr("explorer.random_hint"));
  ImGui::PopID();
}

void drawEndpoints(PanelContext& ctx) {
  LatentExplorerState& state = ctx.ui.explorer;
  int mode = static_cast<int>(state.mode);
  ImGui::RadioButton(label("explorer.line", "line").c_str(), &mode, 0);
  sameLineIfFits(i18n::tr("explorer.square"), ImGui::GetFrameHeight());
  ImGui::RadioButton(label("explorer.square", "square").c_str(), &mode, 1);
  placeItem(ctx, "explorer.square");
  hint(i18n::tr("explorer.square_hint"));
  state.mode = static_cast<ExplorerMode>(mode);
  const int anchors = state.mode == ExplorerMode::Square ? 4 : 2;
  for (int i = 0; i < anchors; ++i) drawAnchor(ctx, i);
  if (button(ctx, "explorer.swap", "swap")) std::swap(state.anchors[0], state.anchors[1]);
  sameLineIfFits(i18n::tr("explorer.reroll"));
  if (button(ctx, "explorer.reroll", "reroll")) {
    for (int i = 0; i < anchors; ++i) state.anchors[i] = rollSeed(state);
  }
  if (ctx.ui.samples.pinned.size() >= 2) {
    sameLineIfFits(i18n::tr("explorer.first_pins"));
    if (button(ctx, "explorer.first_pins", "first_pins")) {
      for (int i = 0; i < anchors && i < static_cast<int>(ctx.ui.samples.pinned.size()); ++i) {
        state.anchors[i] = static_cast<uint64_t>(ctx.ui.samples.pinned[i]);
      }
    }
  }
}

void drawPathControls(PanelContext& ctx, const LatentConfig& latent,
                      const LatentExplorerRenders& renders) {
  LatentExplorerState& state = ctx.ui.explorer;
  const float width = ImGui::GetContentRegionAvail().x;
  if (state.mode == ExplorerMode::Line) {
    float t = static_cast<float>(state.t);
    ImGui::SetNextItemWidth(width * 0.55f);
    if (ImGui::SliderFloat("##t_slider", &t, 0, 1, "t = %.3f", ImGuiSliderFlags_AlwaysClamp)) {
      state.t = t;
    }
    ImGui::SameLine();
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 4);
    numberField(ctx.ui.fields, "##t", "explorer.t", {.lo = 0, .hi = 1}, state.t);
    ImGui::Checkbox(label("explorer.spherical", "spherical").c_str(), &state.spherical);
    hint(i18n::tr("explorer.spherical_hint"));
  } else {
    ImGui::Checkbox(label("explorer.walk", "walk").c_str(), &state.walk);
    placeItem(ctx, "explorer.walk");
    hint(i18n::tr("explorer.walk_hint"));
    ImGui::SameLine();
    float speed = static_cast<float>(state.walk_speed);
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 6);
    if (ImGui::SliderFloat(label("explorer.speed", "speed").c_str(), &speed, 0.02f, 2.0f, "%.2f/s",
                           ImGuiSliderFlags_Logarithmic | ImGuiSliderFlags_AlwaysClamp)) {
      state.walk_speed = speed;
    }
    hint(i18n::tr("explorer.speed_hint"));
    // A drag on the square takes over from the walk.
    if (drawAnchorSquare("##square", state.u, state.v, ImGui::GetFontSize() * 6))
      state.walk = false;
  }
  // |z(t)| against the prior's typical distance from its centre.
  if (const ExplorerPicture* picture = renders.picture(); picture && !picture->z.empty()) {
    ImGui::PushTextWrapPos(0);
    ImGui::TextUnformatted(
        i18n::trf("explorer.norm", normFromCentre(latent, picture->z), typicalNorm(latent))
            .c_str());
    ImGui::PopTextWrapPos();
    hint(i18n::tr("explorer.norm_hint"));
  }
  float psi = static_cast<float>(state.psi);
  widthBeside("explorer.psi");
  if (ImGui::SliderFloat(label("explorer.psi", "psi").c_str(), &psi, 0, 1, "%.2f",
                         ImGuiSliderFlags_AlwaysClamp)) {
    state.psi = psi;
  }
  hint(i18n::tr("explorer.psi_hint"));
  widthBeside("explorer.frames");
  ImGui::SliderInt(label("explorer.frames", "frames").c_str(), &state.frames, kMinStripFrames,
                   kMaxStripFrames, "%d", ImGuiSliderFlags_AlwaysClamp);
  ImGui::Checkbox(label("explorer.live", "live").c_str(), &state.live);
  hint(i18n::tr("explorer.live_hint"));
  sameLineIfFits(i18n::tr("explorer.smooth"), ImGui::GetFrameHeight());
  ImGui::Checkbox(label("explorer.smooth", "smooth").c_str(), &state.linear_filter);
  ImGui::Checkbox(label("explorer.history", "history").c_str(), &state.history);
  placeItem(ctx, "explorer.history");
  hint(i18n::tr("explorer.history_hint"));
}

/// Per-dimension sliders: a field picks a coordinate, each chosen one gets a slider.
void drawDimensionSliders(PanelContext& ctx, const LatentConfig& latent,
                          const LatentExplorerRenders& renders) {
  LatentExplorerState& state = ctx.ui.explorer;
  // Folded at first (the rarest tool; a shorter column): the header counts the sliders in use.
  std::string title = i18n::tr("explorer.dims");
  if (!state.sliders.empty()) title += " (" + std::to_string(state.sliders.size()) + ")";
  const bool open = ImGui::CollapsingHeader((title + "###dims").c_str());
  placeItem(ctx, "explorer.dims");
  hint(i18n::tr("explorer.dims_hint"));
  if (!open) return;
  ImGui::SetNextItemWidth(ImGui::GetFontSize() * 4);
  NumberSpec spec;
  spec.lo = 0;
  spec.hi = std::max(0, latent.dim - 1);
  numberField(ctx.ui.fields, "##dim", "explorer.dim", spec, state.add_dimension);
  ImGui::SameLine();
  const bool full = static_cast<int>(state.sliders.size()) >= kMaxDimensionSliders;
  ImGui::BeginDisabled(full);
  if (button(ctx, "explorer.add_dim", "add_dim")) {
    const int index = std::clamp(state.add_dimension, 0, latent.dim - 1);
    const bool taken = std::any_of(state.sliders.begin(), state.sliders.end(),
                                   [&](const DimensionSlider& s) { return s.index == index; });
    if (!taken) {
      // It starts where the path has it now, so adding a slider changes nothing yet.
      const ExplorerPicture* picture = renders.picture();
      const float value = picture && index < static_cast<int>(picture->z.size())
                              ? picture->z[index]
                              : priorCentre(latent.kind);
      state.sliders.push_back({index, value});
    }
  }
  ImGui::EndDisabled();
  const DimensionRange range = dimensionRange(latent.kind);
  for (size_t i = 0; i < state.sliders.size(); ++i) {
    ImGui::PushID(static_cast<int>(i));
    DimensionSlider& slider = state.sliders[i];
    ImGui::SetNextItemWidth(ImGui::GetContentRegionAvail().x * 0.6f);
    const std::string name = "z[" + std::to_string(slider.index) + "]";
    ImGui::SliderFloat(name.c_str(), &slider.value, range.lo, range.hi, "%.2f",
                       ImGuiSliderFlags_AlwaysClamp);
    ImGui::SameLine();
    const bool remove = ImGui::SmallButton("x");
    hint(i18n::tr("explorer.remove_dim"));
    ImGui::PopID();
    if (remove) {
      state.sliders.erase(state.sliders.begin() + static_cast<std::ptrdiff_t>(i));
      break;
    }
  }
}

/// GANSpace directions: the switch (and how many), when the set was computed, and a slider per
/// slot in its standard deviations with its variance share, a slot that turned flagged.
void drawDirections(PanelContext& ctx, ExplorerDirections& directions) {
  LatentExplorerState& state = ctx.ui.explorer;
  ImGui::Checkbox(label("explorer.directions", "directions").c_str(), &state.directions);
  placeItem(ctx, "explorer.directions");
  hint(i18n::tr("explorer.directions_hint"));
  // The count beside the switch when the field and its handle fit there, else below it.
  const float count_w = ImGui::GetFontSize() * 3 + ImGui::GetFrameHeight() * 2;
  const float right = ImGui::GetWindowPos().x + ImGui::GetWindowContentRegionMax().x;
  if (ImGui::GetItemRectMax().x + ImGui::GetStyle().ItemSpacing.x + count_w <= right) {
    ImGui::SameLine();
  }
  ImGui::SetNextItemWidth(ImGui::GetFontSize() * 3);
  numberField(ctx.ui.fields, "##direction_count", "explorer.direction_count",
              {.lo = 1, .hi = kMaxDirections}, state.direction_count);
  hint(i18n::tr("explorer.direction_count_hint"));
  if (!state.loaded_offset.empty()) {  // a loaded path's offset moves every z until cleared
    double norm = 0;
    for (const float x : state.loaded_offset) norm += static_cast<double>(x) * x;
    ImGui::AlignTextToFramePadding();
    ImGui::TextColored(palette::kNote, "%s",
                       i18n::trf("explorer.loaded_offset", std::sqrt(norm)).c_str());
    hint(i18n::tr("explorer.loaded_offset_hint"));
    sameLineIfFits(i18n::tr("explorer.loaded_offset_clear"));
    if (button(ctx, "explorer.loaded_offset_clear", "loaded_offset_clear")) {
      state.loaded_offset.clear();
    }
  }
  if (!state.directions) return;
  const LatentDirections* set = directions.set();
  if (!set) {
    ImGui::TextDisabled("%s", i18n::tr("explorer.directions_waiting"));
    return;
  }
  ImGui::PushTextWrapPos(0);
  ImGui::TextDisabled("%s", i18n::trf("explorer.directions_when", static_cast<long long>(set->step),
                                      static_cast<long long>(set->computation) + 1,
                                      static_cast<double>(set->milliseconds))
                                .c_str());
  ImGui::PopTextWrapPos();
  hint(i18n::tr("explorer.directions_when_hint"));
  std::vector<float>& values = directions.values();
  const float font = ImGui::GetFontSize();
  for (int i = 0; i < static_cast<int>(values.size()); ++i) {
    ImGui::PushID(i);
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted(
        i18n::trf("explorer.direction_slot", i + 1, 100.0 * set->variance_share[i]).c_str());
    hint(i18n::trf("explorer.direction_slot_hint", i + 1, set->component[i] + 1,
                   100.0 * set->variance_share[i], static_cast<double>(set->similarity[i]))
             .c_str());
    ImGui::SameLine(font * 4.5f);
    const bool turned = set->similarity[i] < kTurnedSimilarity;
    const float turned_w = turned ? ImGui::CalcTextSize(i18n::tr("explorer.direction_turned")).x +
                                        ImGui::GetStyle().ItemSpacing.x
                                  : 0;
    ImGui::SetNextItemWidth(std::max(font * 4, ImGui::GetContentRegionAvail().x - turned_w));
    ImGui::SliderFloat("##direction", &values[i], -kDirectionSliderRange, kDirectionSliderRange,
                       "%+.2f", ImGuiSliderFlags_AlwaysClamp);
    placeItem(ctx, "explorer.direction_" + std::to_string(i));
    hint(i18n::tr("explorer.direction_hint"));
    if (turned) {
      ImGui::SameLine();
      ImGui::TextColored(palette::kNote, "%s", i18n::tr("explorer.direction_turned"));
      hint(i18n::trf("explorer.direction_turned_hint", static_cast<double>(set->similarity[i]),
                     static_cast<double>(kTurnedSimilarity))
               .c_str());
    }
    ImGui::PopID();
  }
  if (button(ctx, "explorer.directions_zero", "directions_zero")) {
    std::fill(values.begin(), values.end(), 0.0f);
  }
}

/// Takes the run's newest directions and tells the run how many to compute when the switch or
/// the count changed (off: 0); sets arriving while off are dropped.
void followDirections(PanelContext& ctx, ExplorerDirections& directions) {
  const LatentExplorerState& state = ctx.ui.explorer;
  LatentDirections set;
  while (ctx.run.session().pollDirections(set)) {
    if (state.directions) directions.receive(set);
  }
  const int want = state.directions ? state.direction_count : 0;
  if (!state.directions && directions.set()) directions.clear();  // off: the plain path
  if (want == directions.sent_count || (want == 0 && directions.sent_count < 0)) return;
  if (ctx.run.session().send(SetLatentDirections{.count = want})) directions.sent_count = want;
}

void setMessage(LatentExplorerState& state, std::string text, bool error) {
  state.message = std::move(text);
  state.message_error = error;
}

void drawExports(PanelContext& ctx, const LatentConfig& latent, LatentExplorerRenders& renders) {
  LatentExplorerState& state = ctx.ui.explorer;
  char file[512];
  std::snprintf(file, sizeof(file), "%s", state.file.c_str());
  widthBeside("explorer.file");
  if (ImGui::InputText(label("explorer.file", "file").c_str(), file, sizeof(file),
                       ImGuiInputTextFlags_AutoSelectAll)) {
    state.file = file;
  }
  placeItem(ctx, "explorer.file");
  hint(i18n::tr("explorer.file_hint"));
  const ExplorerPicture* picture = renders.picture();
  const ExplorerPath* path = renders.path();
  const bool images = picture && picture->dims == kImagePixels;
  ImGui::BeginDisabled(!images || !path);
  if (button(ctx, "explorer.save_png", "save_png")) {
    const std::string frame = state.file + ".png", strip = state.file + "-strip.png";
    try {
      writePngFile(frame, explorerImages(picture->sample, 1, kExportScale, 0));
      writePngFile(strip, explorerImages(path->strip, path->frames, kExportScale / 2, 1));
      setMessage(state, i18n::trf("explorer.saved_png", frame.c_str(), strip.c_str()), false);
    } catch (const std::exception& error) {
      setMessage(state, i18n::trf("explorer.not_saved", error.what()), true);
    }
  }
  sameLineIfFits(i18n::tr("explorer.save_gif"));
  if (button(ctx, "explorer.save_gif", "save_gif")) {
    const std::string gif = state.file + ".gif";
    try {
      saveStripGif(gif, path->strip, path->frames, kExportScale / 2, kGifDelayCentiseconds);
      setMessage(state, i18n::trf("explorer.saved_path", gif.c_str()), false);
    } catch (const std::exception& error) {
      setMessage(state, i18n::trf("explorer.not_saved", error.what()), true);
    }
  }
  hint(i18n::tr("explorer.save_gif_hint"));
  ImGui::EndDisabled();
  // The square's random walk: one request for its frames; the GIF is written when they come.
  ImGui::BeginDisabled(!images || state.mode != ExplorerMode::Square || renders.walkRequest());
  sameLineIfFits(i18n::tr("explorer.save_walk"));
  if (button(ctx, "explorer.save_walk", "save_walk")) {
    try {
      ctx.run.session().send(renders.requestWalk(latent, state, ImGui::GetTime()));
      setMessage(state, i18n::trf("explorer.walk_asked", kWalkGifFrames), false);
    } catch (const std::exception& error) {
      setMessage(state, i18n::trf("explorer.not_saved", error.what()), true);
    }
  }
  hint(i18n::trf("explorer.save_walk_hint", kWalkGifFrames).c_str());
  ImGui::EndDisabled();
  sameLineIfFits(i18n::tr("explorer.save_path"));
  if (button(ctx, "explorer.save_path", "save_path")) {
    const std::string json = state.file + ".json";
    try {
      savePathFile(json, latent, state, renders.directions.offset(latent.dim));
      setMessage(state, i18n::trf("explorer.saved_path", json.c_str()), false);
    } catch (const std::exception& error) {
      setMessage(state, i18n::trf("explorer.not_saved", error.what()), true);
    }
  }
  sameLineIfFits(i18n::tr("explorer.load_path"));
  if (button(ctx, "explorer.load_path", "load_path")) {
    const std::string json = state.file + ".json";
    try {
      loadPathFile(json, latent, state);
      // The file's z rows include its offset: this run's direction sliders start at 0.
      std::fill(renders.directions.values().begin(), renders.directions.values().end(), 0.0f);
      setMessage(state, i18n::trf("explorer.loaded_path", json.c_str()), false);
    } catch (const std::exception& error) {
      setMessage(state, i18n::trf("explorer.not_loaded", error.what()), true);
    }
  }
  if (!state.message.empty()) {
    ImGui::PushTextWrapPos(0);
    if (state.message_error) {
      ImGui::TextColored(palette::kError, "%s", state.message.c_str());
    } else {
      ImGui::TextDisabled("%s", state.message.c_str());
    }
    ImGui::PopTextWrapPos();
  }
}

/// Writes the walk's GIF from its answer: there and back (a loop without a jump), as the strip's.
void saveWalkGif(LatentExplorerState& state, const LatentPicture& answer) {
  const std::string gif = state.file + "-walk.gif";
  try {
    if (!answer.error.empty()) throw std::runtime_error(answer.error);
    saveStripGif(gif, answer.samples, answer.count, kExportScale / 2, kWalkGifCentiseconds);
    setMessage(state, i18n::trf("explorer.saved_path", gif.c_str()), false);
  } catch (const std::exception& error) {
    setMessage(state, i18n::trf("explorer.not_saved", error.what()), true);
  }
}

/// The pictures: G(z(t)) large, D's score plot beside it, the strip below, the change readout.
void drawPictures(PanelContext& ctx, const LatentExplorerRenders& renders, bool probability) {
  LatentExplorerState& state = ctx.ui.explorer;
  const ExplorerPicture* picture = renders.picture();
  const ExplorerPath* path = renders.path();
  if (!renders.error().empty()) ImGui::TextColored(palette::kError, "%s", renders.error().c_str());
  if (!picture) {
    ImGui::TextUnformatted(i18n::tr("panel.waiting"));
    return;
  }
  if (drawLatentClassMap(ctx)) return;  // the class map, when on, in place of the pictures
  ExplorerTexture texture;
  if (renders.atlas) {
    texture = {renders.atlas->texture(), ImVec2(static_cast<float>(renders.atlas->width()),
                                                static_cast<float>(renders.atlas->height()))};
  }
  const double s = pictureParameter(state);
  const ImVec2 avail = ImGui::GetContentRegionAvail();
  const float font = ImGui::GetFontSize();
  const bool images = picture->dims == kImagePixels;
  // The headline: which step's G drew it and D's score of the big picture.
  ImGui::TextUnformatted(i18n::trf("explorer.headline", static_cast<long long>(picture->step),
                                   static_cast<double>(picture->d_score))
                             .c_str());
  if (const std::optional<PathChange> change = renders.change()) {
    ImGui::TextColored(
        palette::kNote, "%s",
        i18n::trf("explorer.change", change->rms, static_cast<long long>(change->steps)).c_str());
    hint(i18n::tr("explorer.change_hint"));
  }
  // The big picture, then the strip across the width, then D's score along the path.
  const int frames = path ? path->frames : state.frames;
  const float spacing = ImGui::GetStyle().ItemSpacing.y;
  const float strip_h = (avail.x - 3 * (frames - 1)) / frames + font * 0.8f;
  const float plot_h = std::max(font * 6, ImGui::GetContentRegionAvail().y * 0.22f);
  const float rest_h =
      ImGui::GetContentRegionAvail().y - (images ? strip_h : 0) - plot_h - spacing * 3;
  if (images) {
    const float side = std::max(font * 4, std::min(rest_h, avail.x));
    ImGui::SetCursorPosX(ImGui::GetCursorPosX() + (avail.x - side) / 2);  // centred
    drawExplorerImage(texture, 0, side);
    hint(i18n::trf("explorer.picture_hint", s).c_str());
    if (path) {
      const int clicked = drawExplorerStrip(texture, *path, s, avail.x);
      hint(i18n::tr("explorer.strip_hint"));
      if (clicked >= 0) {
        const double at = stripParameters(path->frames)[clicked];
        (state.mode == ExplorerMode::Square ? state.u : state.t) = at;
      }
      if (state.history) {
        ImGui::TextWrapped("%s", i18n::tr("explorer.history_title"));
        drawExplorerHistory(texture, *path, avail.x, ImGui::GetContentRegionAvail().y);
      } else {
        drawPathScores(ctx.views.latent_scores, *path, s, probability,
                       ImVec2(avail.x, ImGui::GetContentRegionAvail().y));
      }
    }
    return;
  }
  // Points (2-D, 1-D): G(z(t)) as numbers; the plane or Figure 1 shows where it is.
  std::string where;
  for (int i = 0; i < picture->dims; ++i) {
    char value[32];
    std::snprintf(value, sizeof(value), "%s%.3f", i ? ", " : "",
                  static_cast<double>(picture->sample[i]));
    where += value;
  }
  ImGui::TextUnformatted(i18n::trf("explorer.point", where.c_str()).c_str());
  if (path) {
    drawPathScores(ctx.views.latent_scores, *path, s, probability,
                   ImVec2(avail.x, ImGui::GetContentRegionAvail().y));
  }
}

class LatentExplorerPanel final : public Panel {
 protected:
  const char* title() const override { return i18n::tr("explorer.title"); }
  void drawContent(PanelContext& ctx) override;
};

void LatentExplorerPanel::drawContent(PanelContext& ctx) {
  LatentExplorerState& state = ctx.ui.explorer;
  LatentExplorerRenders& renders = ctx.run.explorer;
  const LatentConfig latent = ctx.run.session().config().latent;
  fitToLatent(state, latent);
  if (state.mode == ExplorerMode::Square && state.walk) {
    stepWalk(state, ImGui::GetIO().DeltaTime);
    ctx.ui.animating = true;
  }
  // Every answer waiting first (the newest is kept), then what to ask for.
  LatentPicture answer;
  while (ctx.run.session().pollLatent(answer)) {
    if (answer.request == renders.walkRequest() && answer.request != 0) {
      saveWalkGif(state, answer);
      renders.walkAnswered();
    } else {
      renders.receive(answer);
    }
  }
  followDirections(ctx, renders.directions);
  if (state.directions && !renders.directions.set()) ctx.ui.animating = true;  // until it comes
  try {
    if (std::optional<RenderLatent> request = renders.next(
            latent, state, ctx.run.status.step, ctx.run.status.generation, ImGui::GetTime())) {
      ctx.run.session().send(std::move(*request));
    }
  } catch (const std::exception& error) {
    ctx.ui.error = error.what();
  }
  if (renders.waiting()) ctx.ui.animating = true;  // draw on until the answer shows
  if (!renders.atlas && ctx.run.texture_error.empty()) {
    try {
      renders.atlas = std::make_unique<gl::ImageAtlas>();
    } catch (const std::exception&) {
      // No GL: the pictures stay grey boxes (the run's texture error says why).
    }
  }
  if (renders.atlas) {
    renders.atlas->setLinear(state.linear_filter);
    // Tiled and uploaded once per answer received, not on every frame drawn.
    const gl::GridKey key{ctx.run.status.generation, renders.version(), kExplorerAtlasSide};
    if (renders.atlas_key != key) {
      renders.atlas->show(explorerAtlasImages(renders.picture(), renders.path()), key,
                          kExplorerAtlasGap);
      renders.atlas_key = key;
    }
  }
  const FrameHeader* header = ctx.run.store.newestHeader();
  const bool probability = !header || outputIsProbability(header->loss);

  const float controls_w =
      std::min(ImGui::GetContentRegionAvail().x * 0.48f, ImGui::GetFontSize() * 19);
  ImGui::BeginChild("##explorer_controls", ImVec2(controls_w, 0), false);
  drawEndpoints(ctx);
  ImGui::Separator();
  drawPathControls(ctx, latent, renders);
  ImGui::Separator();
  drawDimensionSliders(ctx, latent, renders);
  ImGui::Separator();
  drawDirections(ctx, renders.directions);
  ImGui::Separator();
  drawExports(ctx, latent, renders);
  drawLatentSearch(ctx, latent);
  ImGui::EndChild();
  ImGui::SameLine();
  ImGui::BeginChild("##explorer_pictures", ImVec2(0, 0), false, ImGuiWindowFlags_NoScrollbar);
  drawPictures(ctx, renders, probability);
  renders.pictureShown(ImGui::GetTime());  // request-to-screen latency (bench/explorer_cost)
  ImGui::EndChild();
}

}  // namespace

/// A slot shared by two panels, a tab for each: `other` (the slot's usual panel) and the
/// explorer. UiState::explorer.open says which is shown. The tabs stand in for the title bar
/// (the panels keep their height); a double-click on a tab is focus mode, as on a title.
class ExplorerTabs final : public Panel {
 public:
  ExplorerTabs(Panel* other, Panel* explorer) : other_(other), explorer_(explorer) {}

 protected:
  const char* title() const override { return shown()->title(); }
  ImGuiWindowFlags flags() const override { return shown()->flags() | ImGuiWindowFlags_NoTitleBar; }
  void drawContent(PanelContext& ctx) override;

 private:
  Panel* shown() const { return open_ ? explorer_ : other_; }
  Panel* other_;
  Panel* explorer_;
  bool open_ = false;  ///< what title() and flags() answer for this frame (set by drawContent)
};

void ExplorerTabs::drawContent(PanelContext& ctx) {
  bool& open = ctx.ui.explorer.open;
  // While comparing, the tabs name the column's run as a title bar would.
  const std::string run = ctx.run_title == RunTitle::None ? "" : ctx.run.name() + ": ";
  auto focusOnDoubleClick = [&] {
    if (ImGui::IsItemHovered() && ImGui::IsMouseDoubleClicked(ImGuiMouseButton_Left)) {
      ctx.ui.focused_slot = ctx.ui.focused_slot >= 0 ? -1 : ctx.ui.hovered_slot;
    }
  };
  // Every column (one per run while comparing) has a tab bar of its own: a click in one makes
  // `open` follow it, and the others are told to select the same tab.
  ImGuiStorage* storage = ImGui::GetStateStorage();
  const ImGuiID shown_key = ImGui::GetID("##explorer_shown");
  const bool shown_before = storage->GetBool(shown_key, false);
  const ImGuiTabItemFlags follow = ImGuiTabItemFlags_SetSelected;
  bool shown = shown_before;
  if (ImGui::BeginTabBar("##explorer_tabs")) {
    const std::string other = run + other_->title() + "###tab_other";
    if (ImGui::BeginTabItem(other.c_str(), nullptr, !open && shown_before ? follow : 0)) {
      shown = false;
      ImGui::EndTabItem();
    }
    placeItem(ctx, "tab.other");
    focusOnDoubleClick();
    const std::string explorer = run + explorer_->title() + "###tab_explorer";
    if (ImGui::BeginTabItem(explorer.c_str(), nullptr, open && !shown_before ? follow : 0)) {
      shown = true;
      ImGui::EndTabItem();
    }
    placeItem(ctx, "tab.explorer");
    focusOnDoubleClick();
    ImGui::EndTabBar();
  }
  if (shown != shown_before) open = shown;  // this column's tab changed: every column follows
  storage->SetBool(shown_key, shown);
  open_ = shown;
  (shown ? explorer_ : other_)->drawContent(ctx);
}

std::unique_ptr<Panel> makeLatentExplorerPanel() {
  return std::make_unique<LatentExplorerPanel>();
}

std::unique_ptr<Panel> makeExplorerTabs(Panel* other, Panel* explorer) {
  return std::make_unique<ExplorerTabs>(other, explorer);
}

}  // namespace ganscope
