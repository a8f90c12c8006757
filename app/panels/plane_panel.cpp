// The plane panel (2-D data): the headline numbers of the game, the layer toggles, the plane
// itself, as large as the panel allows, and beside it (collapsible) "Draw data" (paint your own
// points, train on them) and the key.
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <span>
#include <string>
#include <vector>

#include "app/i18n/strings.hpp"
#include "app/panels/flow_text.hpp"
#include "app/panels/panels.hpp"
#include "app/scenes/latent_path_overlay.hpp"
#include "app/scenes/palette.hpp"
#include "app/scenes/plane_legend.hpp"
#include "app/scenes/plane_scene.hpp"

namespace ganscope {
namespace {

/// `key`'s text with the ImGui id `id`, the same in every language.
std::string label(const char* key, const char* id) {
  return std::string(i18n::tr(key)) + "###" + id;
}

/// The game's numbers; `brief` leaves out the binned divergences (the mode coverage panel
/// shows them too) to keep the plane room in a short panel.
std::vector<std::string> headlineItems(const PlaneFrame& s, bool brief) {
  std::vector<std::string> items;
  items.push_back(i18n::trf("plane.step", static_cast<long long>(s.header.step)));
  GameValueText value = gameValueParts(s.value, s.header.loss);
  items.push_back(std::move(value.value));
  if (!value.optimum.empty()) items.push_back(std::move(value.optimum));
  if (brief) return items;
  items.push_back(i18n::trf("plane.jsd", static_cast<double>(s.js)));
  items.push_back(i18n::trf("plane.kl", static_cast<double>(s.kl)));
  return items;
}

/// The headline's height in lines `line_w` wide.
float headlineHeight(const PlaneFrame& s, bool brief, float line_w) {
  std::vector<float> widths;
  for (const std::string& item : headlineItems(s, brief)) {
    widths.push_back(ImGui::CalcTextSize(item.c_str()).x);
  }
  return static_cast<float>(flowLines(widths, line_w)) * ImGui::GetTextLineHeightWithSpacing();
}

/// The headline, as many items to a line as fit, an item wider than a line wrapped.
void headline(const PlaneFrame& s, bool brief) {
  flowTexts(headlineItems(s, brief));
}

/// A layer switch above the plane: its label's key (the tooltip's is the same + "_tip") and
/// its field.
struct LayerToggle {
  const char* key;
  bool PlaneLayers::*value;
};
constexpr LayerToggle kLayerToggles[] = {
    {"plane.layer_heatmap", &PlaneLayers::d_heatmap},
    {"plane.layer_real", &PlaneLayers::real_samples},
    {"plane.layer_fake", &PlaneLayers::fake_samples},
    {"plane.layer_trails", &PlaneLayers::trails},
    {"plane.layer_manifold", &PlaneLayers::manifold},
    {"plane.layer_gradient", &PlaneLayers::gradient_field},
    {"plane.layer_centres", &PlaneLayers::mode_centres},
    {"plane.layer_key", &PlaneLayers::key},
};

float toggleWidth(const LayerToggle& t) {
  return ImGui::GetFrameHeight() + ImGui::GetStyle().ItemInnerSpacing.x +
         ImGui::CalcTextSize(i18n::tr(t.key)).x;
}

/// The toggles' height in lines `line_w` wide.
float togglesHeight(float line_w) {
  std::vector<float> widths;
  for (const LayerToggle& t : kLayerToggles) widths.push_back(toggleWidth(t));
  return static_cast<float>(flowLines(widths, line_w)) * ImGui::GetFrameHeightWithSpacing();
}

/// The checkboxes, as many to a line as fit.
void layerToggles(PlaneLayers& l) {
  bool first = true;
  for (const LayerToggle& t : kLayerToggles) {
    flow(toggleWidth(t), first);
    first = false;
    const std::string label = std::string(i18n::tr(t.key)) + "###" + t.key;
    ImGui::Checkbox(label.c_str(), &(l.*t.value));
    hint(i18n::tr(std::string(t.key) + "_tip"));
  }
}

/// Draw mode on the plot: a drag paints dabs; the painted points and the brush are drawn.
void paint(const plot::PlotCanvas& canvas, DrawDataState& d) {
  const ImVec2 mouse = ImGui::GetIO().MousePos;
  const double x = canvas.toDataX(mouse.x), y = canvas.toDataY(mouse.y);
  if (canvas.active()) {
    if (ImGui::IsMouseClicked(ImGuiMouseButton_Left)) {
      d.points.beginStroke(x, y, d.brush_radius);
    } else {
      d.points.continueStroke(x, y, d.brush_radius);
    }
  }
  ImDrawList* draw = canvas.drawList();
  const std::span<const float> points = d.points.points();
  for (size_t i = 0; i + 1 < points.size(); i += 2) {
    draw->AddCircleFilled(canvas.toScreen(points[i], points[i + 1]), 2.4f, palette::kDrawn, 8);
  }
  if (canvas.hovered()) {
    const float radius = canvas.toScreen(x + d.brush_radius, y).x - mouse.x;
    draw->AddCircle(mouse, radius, palette::kDrawn, 0, 1.5f);
  }
}

/// The plane's canvas size for a data area that fills `width` x `height` with square cells over
/// the frame's view (a square for square data).
ImVec2 planeCanvasSize(const PlaneFrame& s, float width, float height) {
  const plot::Margins margins = plot::plotMargins(planeOptions(false));
  const double aspect = (s.view[2] - s.view[0]) / (s.view[3] - s.view[1]);
  const plot::Extent canvas = plot::canvasAround(
      plot::fitDataArea(width, height, margins, aspect, ImGui::GetFontSize() * 2), margins);
  return ImVec2(canvas.width, canvas.height);
}

/// With the explorer open: a click (not a drag) on a shown fake pins its latent seed (fake i is
/// seed i) as the explorer's A, a shift-click as B; the tooltip says so.
void pinClickedFake(PanelContext& ctx, const plot::PlotCanvas& canvas, const PlaneFrame& s) {
  // The first few fakes on the plot by name, for scripted clicks (--input-script click
  // plane.fake_2); one off the plot is not on screen.
  constexpr int kNamedFakes = 8;
  const ImVec2 lo = canvas.plotMin(), hi = canvas.plotMax();
  for (int i = 0; i < kNamedFakes; ++i) {
    const ImVec2 at = canvas.toScreen(s.fake_xy[2 * i], s.fake_xy[2 * i + 1]);
    const std::string name = "plane.fake_" + std::to_string(i);
    if (at.x >= lo.x && at.x <= hi.x && at.y >= lo.y && at.y <= hi.y) {
      ctx.ui.fields.rects[name] = {at.x - 1, at.y - 1, at.x + 1, at.y + 1, at.x, at.y};
    } else {
      ctx.ui.fields.rects.erase(name);
    }
  }
  if (!canvas.hovered()) return;
  const int fake = hoveredFake(canvas, s);
  if (fake < 0) return;
  ImGui::BeginTooltip();  // appended to the fake's tooltip
  ImGui::TextDisabled("%s", i18n::trf("plane_tip.pin", fake).c_str());
  ImGui::EndTooltip();
  // A drag (a pan) past ImGui's threshold has a delta; a click's is 0 (also on its release).
  const ImVec2 drag = ImGui::GetMouseDragDelta(ImGuiMouseButton_Left);
  if (ImGui::IsMouseReleased(ImGuiMouseButton_Left) && drag.x == 0 && drag.y == 0) {
    ctx.ui.explorer.anchors[ImGui::GetIO().KeyShift ? kAnchorB : kAnchorA] =
        static_cast<uint64_t>(fake);
  }
}

void drawPlane(PanelContext& ctx, const PlaneFrame& s, ImVec2 size) {
  DrawDataState& drawing = ctx.ui.draw_data;
  plot::PlotOptions options = planeOptions(false);
  options.drag_pans = !drawing.on;
  plot::PlotCanvas canvas("##plane", size, ctx.views.plane, planeBounds(s), options);
  drawPlaneLayers(canvas, s, ctx.view.plane_layers, false, ctx.run.d_field.get(), &ctx.run.trails);
  const bool explorer = ctx.ui.explorer.open;  // its tab is shown
  if (explorer) {
    drawLatentPathOverlay(canvas, ctx.run.explorer);
    drawPinnedFakes(canvas, s, ctx.ui.explorer);
  }
  if (drawing.on) {
    paint(canvas, drawing);
    return;
  }
  drawPlaneTooltip(canvas, s, ctx.view.plane_layers);
  if (explorer && ctx.view.plane_layers.fake_samples) pinClickedFake(ctx, canvas, s);
}

void trainOnDrawnPoints(PanelContext& ctx) {
  DrawDataState& d = ctx.ui.draw_data;
  if (d.points.size() == 0) {
    ctx.ui.error = i18n::tr("plane.no_points");
    return;
  }
  TrainConfig config = ctx.ui.edit;
  config.name = "custom";
  config.description = i18n::tr("plane.custom_description");
  config.data.kind = DataKind::Points;
  config.data.points.assign(d.points.points().begin(), d.points.points().end());
  config.data.std = d.std;
  resetWith(ctx, config);
  if (ctx.ui.error.empty()) d.on = false;  // show the game, not the brush
}

void drawDataSection(PanelContext& ctx) {
  DrawDataState& d = ctx.ui.draw_data;
  ImGui::Checkbox(label("plane.draw", "draw").c_str(), &d.on);
  hint(i18n::tr("plane.draw_hint"));
  if (!d.on) return;
  ImGui::TextDisabled("%s", i18n::tr("plane.draw_help"));
  ImGui::PushItemWidth(ImGui::GetContentRegionAvail().x * 0.5f);
  numberField(ctx.ui.fields, i18n::tr("plane.brush"), "draw.brush_radius",
              {.lo = 0.01, .hi = 2.0, .log_scale = true}, d.brush_radius);
  numberField(ctx.ui.fields, i18n::tr("plane.point_std"), "draw.std",
              {.lo = 0.01, .hi = 1.0, .log_scale = true}, d.std);
  hint(i18n::tr("plane.point_std_hint"));
  ImGui::TextUnformatted(
      i18n::trf("plane.points", d.points.size(), d.points.full() ? i18n::tr("plane.full") : "")
          .c_str());
  ImGui::SameLine();
  if (ImGui::SmallButton(label("plane.clear", "clear").c_str())) d.points.clear();
  char path[512];
  std::snprintf(path, sizeof(path), "%s", d.path.c_str());
  if (ImGui::InputText(label("plane.file", "points_file").c_str(), path, sizeof(path)))
    d.path = path;
  ImGui::PopItemWidth();
  if (ImGui::Button(label("plane.save", "save").c_str())) {
    try {
      d.points.save(d.path, d.std);
    } catch (const std::exception& error) {
      ctx.ui.error = i18n::trf("plane.not_saved", error.what());
    }
  }
  ImGui::SameLine();
  if (ImGui::Button(label("plane.load", "load").c_str())) {
    try {
      d.std = d.points.load(d.path);
    } catch (const ConfigError& error) {
      ctx.ui.error = i18n::trf("plane.not_loaded", error.what());
    }
  }
  if (ImGui::Button(label("plane.train_points", "train").c_str())) trainOnDrawnPoints(ctx);
}

/// Draw data and the key, beside the plane or in its popup.
void drawKey(PanelContext& ctx, const PlaneFrame& s) {
  drawDataSection(ctx);
  ImGui::Separator();
  ImGui::Spacing();
  drawPlaneLegend(s, ctx.view.plane_layers);
}

class PlanePanel final : public Panel {
 protected:
  const char* title() const override { return i18n::tr("plane.title"); }
  void drawContent(PanelContext& ctx) override;
};

void PlanePanel::drawContent(PanelContext& ctx) {
  const PlaneFrame* s = ctx.run.store.frame<PlaneFrame>();
  if (!s) {
    ImGui::TextUnformatted(i18n::tr("panel.waiting"));
    return;
  }
  // In a short panel (large fonts, small windows) the headline is brief and the toggles go
  // behind a button, so the plane is never squeezed out of its panel. In a column of one run
  // the plane's height leaves room for the tallest headline of all the runs, so every column's
  // plane is as large and, with the shared view, their axes agree.
  const float font = ImGui::GetFontSize(), spacing = ImGui::GetStyle().ItemSpacing.x;
  const ImVec2 start = ImGui::GetContentRegionAvail();
  const bool brief = start.y < font * 18;
  float headline_h = 0;
  for (const RunView* run : ctx.runs) {
    if (run != &ctx.run && ctx.run_title == RunTitle::None) continue;
    if (const PlaneFrame* frame = run->store.frame<PlaneFrame>()) {
      headline_h = std::max(headline_h, headlineHeight(*frame, brief, start.x));
    }
  }
  // The toggles stay in place while the plane keeps most of the width it could have (a
  // column's, or the panel's less the key's).
  const float toggles_h = togglesHeight(start.x);
  const bool split = ctx.run_title != RunTitle::None;
  const float plane_w = split ? start.x : start.x - (ctx.view.plane_layers.key ? font * 13 : 0);
  const float plane_min = std::max(font * 10, plane_w * (split ? 0.8f : 0.6f));
  const bool inline_toggles = start.y - headline_h - toggles_h >= plane_min;
  headline(*s, brief);
  if (inline_toggles) {
    layerToggles(ctx.view.plane_layers);
  } else {
    if (ImGui::SmallButton(label("plane.layers", "layers").c_str())) {
      ImGui::OpenPopup("##plane-layers");
    }
    hint(i18n::tr("plane.layers_hint"));
    if (ImGui::BeginPopup("##plane-layers")) {
      layerToggles(ctx.view.plane_layers);
      ImGui::EndPopup();
    }
  }
  const ImVec2 avail = ImGui::GetContentRegionAvail();
  if (split) {
    // One column per run: the plane takes the column; the key and Draw data are left out (the
    // key is the one panel alone shows, and drawn data is trained on by one run).
    const float header_h =
        headline_h + (inline_toggles ? toggles_h : ImGui::GetFrameHeightWithSpacing());
    drawPlane(ctx, *s, planeCanvasSize(*s, avail.x, start.y - header_h));
    return;
  }
  // The plane takes the panel's height; the key and the draw controls the width to its right
  // when there is `key_min` of it, else a popup behind a button there. Switched off, the plane
  // sits alone in the middle.
  const float key_min = font * 13.0f;  // as in plane_w above
  const bool key = ctx.view.plane_layers.key;
  const float button_w =
      ImGui::CalcTextSize(i18n::tr("plane.key_button")).x + ImGui::GetStyle().FramePadding.x * 2;
  ImVec2 size = planeCanvasSize(*s, avail.x, avail.y);
  if (key && avail.x - size.x - spacing < button_w) {
    size = planeCanvasSize(*s, avail.x - button_w - spacing, avail.y);  // room for the button
  }
  const float beside = avail.x - size.x - spacing;
  if (!key) ImGui::SetCursorPosX(ImGui::GetCursorPosX() + std::max(0.0f, (avail.x - size.x) / 2));
  drawPlane(ctx, *s, size);
  if (!key) return;
  ImGui::SameLine();
  if (beside < key_min) {
    if (ImGui::Button(label("plane.key_button", "key").c_str())) {
      ImGui::OpenPopup("##plane-key-popup");
    }
    hint(i18n::tr("plane.key_button_hint"));
    ImGui::SetNextWindowSize(ImVec2(key_min + font * 2, 0));
    if (ImGui::BeginPopup("##plane-key-popup")) {
      drawKey(ctx, *s);
      ImGui::EndPopup();
    }
    return;
  }
  ImGui::BeginChild("##plane-key", ImVec2(0, avail.y));
  drawKey(ctx, *s);
  ImGui::EndChild();
}

}  // namespace

std::unique_ptr<Panel> makePlanePanel() {
  return std::make_unique<PlanePanel>();
}

}  // namespace ganscope
