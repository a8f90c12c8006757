// The class map view: a side x side grid of cells coloured by class (faded when the classifier
// is unsure), A, B and C marked with the square u, v in [0, 1] they span, a hover readout of a
// cell's class, confidence and (u, v), and the legend of class names.
#include "app/panels/latent_class_map_view.hpp"

#include <imgui.h>

#include <algorithm>
#include <cstdio>
#include <string>

#include "app/i18n/class_names.hpp"
#include "app/i18n/strings.hpp"
#include "app/panels/panels.hpp"
#include "app/scenes/palette.hpp"
#include "app/state/image_folder.hpp"
#include "app/state/latent_class_map.hpp"

namespace ganscope {
namespace {

ImU32 cellColour(int class_id, float confidence, int classes) {
  const ImVec4 full = ImGui::ColorConvertU32ToFloat4(palette::kClassColours[class_id % 10]);
  const float k = classMapStrength(confidence, classes);
  return ImGui::ColorConvertFloat4ToU32(
      ImVec4(1 + (full.x - 1) * k, 1 + (full.y - 1) * k, 1 + (full.z - 1) * k, 1));
}

/// Remembers where the item just drawn is, for scripted input (--input-script click NAME).
void placeItem(PanelContext& ctx, const char* name) {
  const ImVec2 a = ImGui::GetItemRectMin(), b = ImGui::GetItemRectMax();
  ctx.ui.fields.rects[name] = {a.x, a.y, b.x, b.y, (a.x + b.x) / 2, (a.y + b.y) / 2};
}

/// The switch and the side slider.
void drawControls(PanelContext& ctx) {
  ClassMapSettings& settings = ctx.ui.class_map;
  ImGui::Checkbox((std::string(i18n::tr("class_map.show")) + "###class_map").c_str(),
                  &settings.show);
  placeItem(ctx, "explorer.class_map");
  hint(i18n::tr("class_map.show_hint"));
  if (!settings.show) return;
  ImGui::SameLine();
  ImGui::SetNextItemWidth(ImGui::GetFontSize() * 7);
  ImGui::SliderInt((std::string(i18n::tr("class_map.side")) + "###class_map_side").c_str(),
                   &settings.side, kMinClassMapSide, kMaxClassMapSide, "%d",
                   ImGuiSliderFlags_AlwaysClamp);
  hint(i18n::tr("class_map.side_hint"));
}

/// The height of one legend row.
float legendRow() {
  return ImGui::GetFontSize() * 1.35f;
}

/// The legend: a swatch and the name of each of the run's classes, in `columns` columns of
/// `width` pixels each, filled top to bottom.
void drawLegend(const ClassMap& map, bool fashion, ImVec2 origin, float width, int columns) {
  ImDrawList* draw = ImGui::GetWindowDrawList();
  const float font = ImGui::GetFontSize(), row = legendRow();
  const size_t rows = (map.classes.size() + columns - 1) / columns;
  for (size_t k = 0; k < map.classes.size(); ++k) {
    const int id = map.classes[k];
    const ImVec2 at(origin.x + width * static_cast<float>(k / rows),
                    origin.y + row * static_cast<float>(k % rows));
    draw->AddRectFilled(at, ImVec2(at.x + font, at.y + font), palette::kClassColours[id % 10]);
    const std::string name = i18n::className(id, fashion);
    draw->PushClipRect(at, ImVec2(at.x + width, at.y + row), true);
    draw->AddText(ImVec2(at.x + font * 1.4f, at.y), ImGui::GetColorU32(ImGuiCol_Text),
                  name.c_str());
    draw->PopClipRect();
  }
}

/// The map at `origin`, `size` pixels a side, with the anchors; a tooltip for the hovered cell.
void drawMap(const ClassMap& map, bool fashion, ImVec2 origin, float size) {
  ImDrawList* draw = ImGui::GetWindowDrawList();
  const int side = map.side;
  const float cell = size / static_cast<float>(side);
  const int classes = static_cast<int>(map.classes.size());
  // Row j is v: v grows upward, as a plot's y does (C above A).
  auto corner = [&](int i, int j) {
    return ImVec2(origin.x + cell * static_cast<float>(i),
                  origin.y + size - cell * static_cast<float>(j + 1));
  };
  for (int j = 0; j < side; ++j) {
    for (int i = 0; i < side; ++i) {
      const size_t at = static_cast<size_t>(j) * side + i;
      const ImVec2 p = corner(i, j);
      draw->AddRectFilled(p, ImVec2(p.x + cell, p.y + cell),
                          cellColour(map.cell_class[at], map.confidence[at], classes));
    }
  }
  // The square u, v in [0, 1] the anchors span (A, B, C and B + C - A), then the anchors.
  const int lo = classMapAnchorLow(side), hi = classMapAnchorHigh(side);
  auto centre = [&](int i, int j) {
    const ImVec2 p = corner(i, j);
    return ImVec2(p.x + cell / 2, p.y + cell / 2);
  };
  const ImVec2 a = centre(lo, lo), b = centre(hi, lo), c = centre(lo, hi), d = centre(hi, hi);
  const ImVec2 square[4] = {a, b, d, c};
  draw->AddPolyline(square, 4, palette::kAnchorRow, ImDrawFlags_Closed, 1.5f);
  const float radius = std::max(ImGui::GetFontSize() * 0.55f, cell * 0.45f);
  const char* names[3] = {"A", "B", "C"};
  const ImVec2 spots[3] = {a, b, c};
  for (int k = 0; k < 3; ++k) {
    draw->AddCircleFilled(spots[k], radius, palette::kAnchorSquare);
    draw->AddCircle(spots[k], radius, palette::kData, 0, 2);
    const ImVec2 text = ImGui::CalcTextSize(names[k]);
    draw->AddText(ImVec2(spots[k].x - text.x / 2, spots[k].y - text.y / 2), palette::kData,
                  names[k]);
  }
  draw->AddRect(origin, ImVec2(origin.x + size, origin.y + size), palette::kData);
  if (!ImGui::IsItemHovered()) return;
  const ImVec2 mouse = ImGui::GetIO().MousePos;
  const int i = std::clamp(static_cast<int>((mouse.x - origin.x) / cell), 0, side - 1);
  const int j = std::clamp(static_cast<int>((origin.y + size - mouse.y) / cell), 0, side - 1);
  const size_t at = static_cast<size_t>(j) * side + i;
  ImGui::SetTooltip(
      "%s", i18n::trf("class_map.cell", i18n::className(map.cell_class[at], fashion).c_str(),
                      100.0 * map.confidence[at], classMapCoordinate(side, i),
                      classMapCoordinate(side, j))
                .c_str());
}

}  // namespace

bool drawLatentClassMap(PanelContext& ctx) {
  const TrainConfig config = ctx.run.session().config();
  const bool images = config.data.kind == DataKind::Images;
  LatentClassMap& state = ctx.run.class_map;
  ClassMap answer;
  while (ctx.run.session().pollClassMap(answer)) state.receive(answer, ImGui::GetTime());
  if (!images) return false;
  drawControls(ctx);
  if (!ctx.ui.class_map.show) return false;
  const std::array<uint64_t, 4>& seeds = ctx.ui.explorer.anchors;
  try {
    const ClassMapKey key = classMapKey(
        config.latent, ctx.ui.explorer,
        std::clamp(ctx.ui.class_map.side, kMinClassMapSide, kMaxClassMapSide),
        explorerOffset(ctx.ui.explorer, ctx.run.explorer.directions.offset(config.latent.dim),
                       config.latent.dim));
    if (std::optional<RenderClassMap> request = state.next(
            config.latent, key, ctx.run.status.step, ctx.run.status.generation, ImGui::GetTime())) {
      ctx.run.session().send(std::move(*request));
    }
  } catch (const std::exception& error) {
    ctx.ui.error = error.what();
  }
  if (state.waiting() || !state.map()) ctx.ui.animating = true;  // draw on until it shows
  ImGui::TextWrapped("%s", i18n::trf("class_map.title", static_cast<unsigned long long>(seeds[0]),
                                     static_cast<unsigned long long>(seeds[1]),
                                     static_cast<unsigned long long>(seeds[2]))
                               .c_str());
  hint(i18n::tr("class_map.title_hint"));
  if (!state.error().empty()) ImGui::TextColored(palette::kError, "%s", state.error().c_str());
  const ClassMap* map = state.map();
  if (!map) {
    ImGui::TextWrapped("%s", i18n::tr("class_map.waiting"));
    return true;
  }
  ImGui::PushTextWrapPos(0);
  ImGui::TextDisabled("%s", i18n::trf("class_map.headline", static_cast<long long>(map->step),
                                      map->side, map->side, static_cast<double>(map->milliseconds))
                                .c_str());
  ImGui::PopTextWrapPos();
  const bool fashion = isFashionMnistFolder(config.data.path);
  const ImVec2 avail = ImGui::GetContentRegionAvail();
  const float font = ImGui::GetFontSize(), gap = font * 0.6f;
  // The legend beside the map, or below it in two columns when that leaves a larger map (a
  // narrow column: 1024 x 768, a large text size).
  const float legend_w = font * 8;
  const float below_h = legendRow() * static_cast<float>((map->classes.size() + 1) / 2) + gap;
  const float beside = std::min(avail.x - legend_w, avail.y - font * 0.5f);
  const float below = std::min(avail.x, avail.y - below_h);
  const bool legend_below = below > beside;
  const float size = std::max(font * 4, legend_below ? below : beside);
  const ImVec2 origin = ImGui::GetCursorScreenPos();
  ImGui::InvisibleButton("##class_map_canvas", ImVec2(size, size));
  placeItem(ctx, "explorer.class_map_canvas");
  drawMap(*map, fashion, origin, size);
  if (legend_below) {
    drawLegend(*map, fashion, ImVec2(origin.x, origin.y + size + gap), avail.x / 2, 2);
  } else {
    drawLegend(*map, fashion, ImVec2(origin.x + size + gap, origin.y), legend_w - gap, 1);
  }
  return true;
}

}  // namespace ganscope
