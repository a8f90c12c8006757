// The sample grid scene: one AddImage per cell (UVs into the atlas), D's scores in a small font.
#include "app/scenes/sample_grid_scene.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <string>

#include "app/i18n/class_names.hpp"
#include "app/i18n/strings.hpp"
#include "app/scenes/palette.hpp"

namespace ganscope {
namespace {

constexpr float kScoreFontScale = 0.65f;  ///< D's scores in 65% of the font: small text
constexpr float kLargeCell = 6;           ///< a hovered sample's tooltip: 6x its 28 pixels

/// Cell `index`'s rectangle in the atlas, as UVs.
void cellUv(int index, int side, ImVec2 texture, ImVec2& uv0, ImVec2& uv1) {
  const float x = kAtlasGap + (index % side) * (kImageSide + kAtlasGap);
  const float y = kAtlasGap + (index / side) * (kImageSide + kAtlasGap);
  uv0 = {x / texture.x, y / texture.y};
  uv1 = {(x + kImageSide) / texture.x, (y + kImageSide) / texture.y};
}

std::string scoreText(float score) {
  char text[16];
  std::snprintf(text, sizeof(text), "%.2f", static_cast<double>(score));
  return text;
}

/// One grid at the cursor: its title, its cells and scores; the index of the hovered cell or -1.
/// `origin` gets the grid's top-left corner.
/// `pins`: the state whose pins this grid shows, counted after the title with a button that
/// clears them (nullptr: none).
int drawGrid(const char* id, const char* title, const GridGeometry& g, ImTextureID texture,
             ImVec2 texture_size, const float* scores, ImU32 score_color, SampleGridState* pins,
             int side, ImVec2& origin) {
  ImGui::BeginGroup();
  ImGui::TextUnformatted(title);
  // On the title's line, so pinning the first sample moves no cell.
  if (pins && !pins->pinned.empty()) {
    ImGui::SameLine();
    ImGui::TextDisabled("%s",
                        i18n::trf("samples.pinned", static_cast<int>(pins->pinned.size())).c_str());
    ImGui::SameLine();
    if (ImGui::SmallButton((std::string(i18n::tr("samples.unpin")) + "###unpin").c_str())) {
      pins->pinned.clear();
    }
  }
  const std::span<const int> pinned =
      pins ? std::span<const int>(pins->pinned) : std::span<const int>();
  origin = ImGui::GetCursorScreenPos();
  ImGui::InvisibleButton(id, g.size());
  const bool hovered = ImGui::IsItemHovered();
  ImDrawList* draw = ImGui::GetWindowDrawList();
  ImFont* font = ImGui::GetFont();
  const float score_px = ImGui::GetFontSize() * kScoreFontScale;
  const bool show_scores = g.label > 0;
  for (int i = 0; i < side * side; ++i) {
    const ImVec2 local = g.cellMin(i);
    const ImVec2 a(origin.x + local.x, origin.y + local.y), b(a.x + g.cell, a.y + g.cell);
    if (texture) {
      ImVec2 uv0, uv1;
      cellUv(i, side, texture_size, uv0, uv1);
      draw->AddImage(texture, a, b, uv0, uv1);
    } else {
      draw->AddRectFilled(a, b, IM_COL32(128, 128, 128, 255));
    }
    if (show_scores) {
      const std::string text = scoreText(scores[i]);
      const ImVec2 size = font->CalcTextSizeA(score_px, FLT_MAX, 0, text.c_str());
      draw->AddText(font, score_px, ImVec2(a.x + (g.cell - size.x) / 2, b.y), score_color,
                    text.c_str());
    }
  }
  for (const int i : pinned) {
    if (i >= side * side) continue;
    const ImVec2 local = g.cellMin(i);
    const float w = std::max(2.0f, g.gap);
    draw->AddRect(ImVec2(origin.x + local.x - w / 2, origin.y + local.y - w / 2),
                  ImVec2(origin.x + local.x + g.cell + w / 2, origin.y + local.y + g.cell + w / 2),
                  palette::kPinned, 0, 0, w);
  }
  int hovered_cell = -1;
  if (hovered) {
    const ImVec2 mouse = ImGui::GetIO().MousePos;
    hovered_cell = g.cellAt(ImVec2(mouse.x - origin.x, mouse.y - origin.y));
    if (hovered_cell >= side * side) hovered_cell = -1;
  }
  ImGui::EndGroup();
  return hovered_cell;
}

/// The tooltip of a hovered cell: the image large, its index and D's score (and class).
void cellTooltip(int index, int side, ImTextureID texture, ImVec2 texture_size, float score,
                 const std::string& extra) {
  ImGui::BeginTooltip();
  const float px = kImageSide * kLargeCell;
  if (texture) {
    ImVec2 uv0, uv1;
    cellUv(index, side, texture_size, uv0, uv1);
    ImGui::Image(texture, ImVec2(px, px), uv0, uv1);
  }
  ImGui::TextUnformatted(i18n::trf("samples.tooltip", index, static_cast<double>(score)).c_str());
  if (!extra.empty()) ImGui::TextUnformatted(extra.c_str());
  ImGui::EndTooltip();
}

}  // namespace

int GridGeometry::cellAt(ImVec2 local) const {
  if (local.x < gap || local.y < gap) return -1;
  const int col = static_cast<int>((local.x - gap) / pitchX());
  const int row = static_cast<int>((local.y - gap) / pitchY());
  if (col >= side || row >= side) return -1;
  const float in_x = local.x - gap - col * pitchX(), in_y = local.y - gap - row * pitchY();
  if (in_x >= cell || in_y >= cell) return -1;  // a gap or the score row
  return row * side + col;
}

GridGeometry fitGrid(int side, ImVec2 avail, float label, float zoom) {
  GridGeometry g;
  g.side = side;
  g.label = label;
  g.gap = label > 0 ? 4 : 2;  // scores need room between them
  const float by_width = (avail.x - g.gap) / side - g.gap;
  const float by_height = (avail.y - g.gap) / side - g.gap - label;
  g.cell = std::max(8.0f, std::floor(std::min(by_width, by_height))) * zoom;
  g.cell = std::floor(g.cell);
  return g;
}

void togglePin(std::vector<int>& pinned, int index) {
  const auto at = std::lower_bound(pinned.begin(), pinned.end(), index);
  if (at != pinned.end() && *at == index) {
    pinned.erase(at);
  } else {
    pinned.insert(at, index);
  }
}

void drawSampleGridToolbar(SampleGridState& state, bool ema) {
  const float field = ImGui::GetFontSize() * 6;
  ImGui::SetNextItemWidth(field);
  ImGui::SliderInt((std::string(i18n::tr("samples.side")) + "###side").c_str(), &state.side,
                   kMinGridSide, kMaxGridSide, "%d");
  state.side = std::clamp(state.side, kMinGridSide, kMaxGridSide);
  ImGui::SameLine();
  ImGui::SetNextItemWidth(field);
  ImGui::SliderFloat((std::string(i18n::tr("samples.zoom")) + "###zoom").c_str(), &state.zoom, 1,
                     kMaxGridZoom, "%.1fx", ImGuiSliderFlags_Logarithmic);
  state.zoom = std::clamp(state.zoom, 1.0f, kMaxGridZoom);
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", i18n::tr("samples.zoom_hint"));
  ImGui::SameLine();
  ImGui::Checkbox((std::string(i18n::tr("samples.smooth")) + "###smooth").c_str(), &state.linear);
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", i18n::tr("samples.smooth_hint"));
  ImGui::PushTextWrapPos(0);
  ImGui::TextColored(palette::kNote, "%s",
                     i18n::tr(ema ? "samples.from_ema" : "samples.from_eval"));
  ImGui::PopTextWrapPos();
}

SampleGridsLayout drawSampleGrids(const ImageFrame& frame, SampleGridState& state,
                                  const GridTextures& textures, bool fashion) {
  const int side = std::clamp(state.side, kMinGridSide, kMaxGridSide);
  const ImGuiIO& io = ImGui::GetIO();
  // Both grids in one child, so they zoom and scroll together; Ctrl+wheel zooms, not scrolls.
  ImGuiWindowFlags flags = ImGuiWindowFlags_HorizontalScrollbar;
  if (io.KeyCtrl) flags |= ImGuiWindowFlags_NoScrollWithMouse;
  ImGui::BeginChild("##grids", ImVec2(0, 0), false, flags);
  const ImVec2 avail = ImGui::GetContentRegionAvail();
  const float spacing = ImGui::GetStyle().ItemSpacing.x * 2;
  const float title = ImGui::GetTextLineHeightWithSpacing();
  const float label = ImGui::GetFontSize() * kScoreFontScale;
  const ImVec2 fit((avail.x - spacing) / 2, avail.y - title);
  GridGeometry g = fitGrid(side, fit, label, state.zoom);
  // Scores only where they fit under a cell ("0.00" in the small font, 4 px apart); without them
  // the cells take the rows' room.
  const float score_width = ImGui::GetFont()->CalcTextSizeA(label, FLT_MAX, 0, "0.00").x;
  if (score_width + 4 > g.cell + g.gap) g = fitGrid(side, fit, 0, state.zoom);

  SampleGridsLayout layout;
  layout.geometry = g;
  const int fake_hover =
      drawGrid("##fake", i18n::tr("samples.fake"), g, textures.fake, textures.size, frame.fake_d,
               palette::kGenerator, &state, side, layout.fake_origin);
  // The real grid at a fixed distance from G's, however long the title line above G's is.
  ImGui::SameLine(layout.fake_origin.x - (ImGui::GetWindowPos().x - ImGui::GetScrollX()) +
                  g.size().x + spacing);
  const int real_hover =
      drawGrid("##real", i18n::tr("samples.real"), g, textures.real, textures.size, frame.real_d,
               palette::kData, nullptr, side, layout.real_origin);
  if (fake_hover >= 0) {
    const bool pinned = std::binary_search(state.pinned.begin(), state.pinned.end(), fake_hover);
    cellTooltip(fake_hover, side, textures.fake, textures.size, frame.fake_d[fake_hover],
                i18n::tr(pinned ? "samples.click_unpin" : "samples.click_pin"));
    const bool no_drag =
        io.MouseDragMaxDistanceSqr[0] <= io.MouseDragThreshold * io.MouseDragThreshold;
    if (ImGui::IsMouseReleased(ImGuiMouseButton_Left) && no_drag) {
      togglePin(state.pinned, fake_hover);
    }
  }
  if (state.chosen_real >= 0 && state.chosen_real < side * side) {  // "find z"'s target
    const ImVec2 local = g.cellMin(state.chosen_real);
    const float w = std::max(2.0f, g.gap);
    ImGui::GetWindowDrawList()->AddRect(
        ImVec2(layout.real_origin.x + local.x - w / 2, layout.real_origin.y + local.y - w / 2),
        ImVec2(layout.real_origin.x + local.x + g.cell + w / 2,
               layout.real_origin.y + local.y + g.cell + w / 2),
        palette::kPinned, 0, 0, w);
  }
  if (real_hover >= 0) {
    const bool chosen = real_hover == state.chosen_real;
    cellTooltip(real_hover, side, textures.real, textures.size, frame.real_d[real_hover],
                i18n::trf("samples.real_class",
                          i18n::className(frame.real_label[real_hover], fashion).c_str()) +
                    "\n" + i18n::tr(chosen ? "samples.click_unchoose" : "samples.click_choose"));
    const bool no_drag =
        io.MouseDragMaxDistanceSqr[0] <= io.MouseDragThreshold * io.MouseDragThreshold;
    if (ImGui::IsMouseReleased(ImGuiMouseButton_Left) && no_drag) {
      state.chosen_real = chosen ? -1 : real_hover;
    }
  }
  // Ctrl+wheel: zoom about the cursor (the point under it stays under it).
  if (io.KeyCtrl && io.MouseWheel != 0 && ImGui::IsWindowHovered()) {
    const float old_zoom = state.zoom;
    state.zoom = std::clamp(old_zoom * std::pow(1.15f, io.MouseWheel), 1.0f, kMaxGridZoom);
    const float ratio = state.zoom / old_zoom;
    const ImVec2 window = ImGui::GetWindowPos();
    const ImVec2 mouse(io.MousePos.x - window.x, io.MousePos.y - window.y);
    ImGui::SetScrollX((ImGui::GetScrollX() + mouse.x) * ratio - mouse.x);
    ImGui::SetScrollY((ImGui::GetScrollY() + mouse.y) * ratio - mouse.y);
  }
  ImGui::EndChild();
  return layout;
}

}  // namespace ganscope
