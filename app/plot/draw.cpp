// PlotCanvas: axes, lines, bars, legend and zoom/pan on ImDrawList.
#include "app/plot/draw.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "app/plot/ease.hpp"
#include "app/plot/label_placement.hpp"
#include "app/plot/ticks.hpp"

namespace ganscope::plot {
namespace {

constexpr ImU32 kFrameColor = IM_COL32(70, 70, 70, 255);
constexpr ImU32 kGridColor = IM_COL32(0, 0, 0, 28);
constexpr ImU32 kTextColor = IM_COL32(30, 30, 30, 255);
constexpr ImU32 kBackground = IM_COL32(255, 255, 255, 255);

bool finite(double v) {
  return std::isfinite(v);
}

/// Pixels at ui scale 1 to pixels now.
float px(float pixels) {
  return pixels * pixelScale();
}

/// The widest reference label of `options`, or 0.
float widestReferenceLabel(const PlotOptions& options) {
  float width = 0;
  for (const ReferenceLine& r : options.references) {
    if (r.label) width = std::max(width, ImGui::CalcTextSize(r.label).x);
  }
  return width;
}

/// The labels take at most this share of a canvas's width; beyond it only the lines are drawn.
constexpr float kMaxLabelShare = 0.35f;

/// Whether the reference labels of `options` get their margin on a canvas `width` wide.
bool referenceLabelsFit(const PlotOptions& options, float width) {
  const float labels = widestReferenceLabel(options);
  return labels > 0 && labels + ImGui::GetFontSize() * 0.9f <= width * kMaxLabelShare;
}

/// Where a legend's entries go: the row of each and its x offset from the row's start.
struct LegendLayout {
  bool short_names = false;
  int rows = 0;
  std::vector<float> x;
  std::vector<int> row;
};

const char* legendName(const LegendEntry& e, bool short_names) {
  return short_names && e.short_name ? e.short_name : e.name;
}

/// Entries flow left to right in rows `width` wide: a swatch, the name, a gap.
LegendLayout layoutLegend(std::span<const LegendEntry> entries, float width, bool short_names) {
  const float font = ImGui::GetFontSize();
  LegendLayout layout;
  layout.short_names = short_names;
  if (entries.empty()) return layout;
  layout.rows = 1;
  float x = 0;
  for (const LegendEntry& e : entries) {
    const float w = font * 1.9f + ImGui::CalcTextSize(legendName(e, short_names)).x;
    if (x > 0 && x + w > width) {
      ++layout.rows;
      x = 0;
    }
    layout.x.push_back(x);
    layout.row.push_back(layout.rows - 1);
    x += w + font * 0.9f;
  }
  return layout;
}

/// The full names in one row, else the layout (full or short names) with the fewer rows, short
/// on a tie.
LegendLayout chooseLegend(std::span<const LegendEntry> entries, float width) {
  const LegendLayout full = layoutLegend(entries, width, false);
  if (full.rows <= 1) return full;
  const LegendLayout brief = layoutLegend(entries, width, true);
  return brief.rows <= full.rows ? brief : full;
}

/// The legend's rows on a canvas `height` tall: none when they would leave the data area
/// (the canvas less about 3.2 lines of margins) shorter than three lines of text: the curves
/// matter more than their names.
int legendRows(const LegendLayout& layout, float height) {
  const float font = ImGui::GetFontSize();
  return height - font * 1.25f * static_cast<float>(layout.rows) >= font * 6.2f ? layout.rows : 0;
}

}  // namespace

float pixelScale() {
  return ImGui::GetFontSize() / kBaseFontPx;
}

Margins plotMargins(const PlotOptions& options, float width, float height) {
  const float font = ImGui::GetFontSize();
  const float left = font * (options.y_labels ? 3.4f : 0.4f);
  const int legend_rows = legendRows(chooseLegend(options.legend, width - font * 0.4f), height);
  const float right = referenceLabelsFit(options, width)
                          ? widestReferenceLabel(options) + font * 0.9f
                          : font * 0.8f;
  return {left, font * (0.6f + 1.25f * static_cast<float>(legend_rows)), right,
          font * (options.x_label ? 2.6f : 1.6f)};
}

void dashedSegment(ImDrawList* draw, ImVec2 a, ImVec2 b, ImU32 color, float thickness,
                   float dash_px, float gap_px) {
  const float dx = b.x - a.x, dy = b.y - a.y;
  const float length = std::sqrt(dx * dx + dy * dy);
  if (length <= 0) return;
  for (float t = 0; t < length; t += dash_px + gap_px) {
    const float t1 = std::min(length, t + dash_px);
    draw->AddLine(ImVec2(a.x + dx * t / length, a.y + dy * t / length),
                  ImVec2(a.x + dx * t1 / length, a.y + dy * t1 / length), color, thickness);
  }
}

void drawArrow(ImDrawList* draw, ImVec2 from, ImVec2 to, ImU32 color, float thickness, float head) {
  const float dx = to.x - from.x, dy = to.y - from.y;
  const float length = std::sqrt(dx * dx + dy * dy);
  if (length < 1) return;
  const float ux = dx / length, uy = dy / length;
  head = std::min(head, length);
  // The shaft stops inside the head so its square end does not poke out of the tip.
  draw->AddLine(from, ImVec2(to.x - ux * head * 0.5f, to.y - uy * head * 0.5f), color, thickness);
  draw->AddTriangleFilled(
      to, ImVec2(to.x - ux * head - uy * head * 0.5f, to.y - uy * head + ux * head * 0.5f),
      ImVec2(to.x - ux * head + uy * head * 0.5f, to.y - uy * head - ux * head * 0.5f), color);
}

void drawSwatch(ImDrawList* draw, const LegendEntry& e, ImVec2 a, ImVec2 b) {
  const float mid = (a.y + b.y) / 2, height = ImGui::GetFontSize() * 0.3f;
  const float swatch = b.x - a.x;
  switch (e.style) {
    case LegendEntry::Style::Line:
      draw->AddLine(ImVec2(a.x, mid), ImVec2(b.x, mid), e.color, px(2.5f));
      break;
    case LegendEntry::Style::Dashed:
      dashedSegment(draw, ImVec2(a.x, mid), ImVec2(b.x, mid), e.color, px(2.5f), px(6), px(4));
      break;
    case LegendEntry::Style::Dots:
      for (int i = 0; i < 3; ++i) {
        draw->AddCircleFilled(ImVec2(a.x + swatch * (i + 0.5f) / 3, mid), px(2.5f), e.color);
      }
      break;
    case LegendEntry::Style::Box:
      draw->AddRectFilled(ImVec2(a.x, mid - height), ImVec2(b.x, mid + height), e.color);
      break;
    case LegendEntry::Style::Arrow:
      drawArrow(draw, ImVec2(a.x, mid), ImVec2(b.x, mid), e.color, px(1.5f), height * 2.2f);
      break;
    case LegendEntry::Style::Ring:
      draw->AddCircle(ImVec2((a.x + b.x) / 2, mid), height * 1.6f, e.color, 0, px(1.5f));
      break;
  }
}

PlotCanvas::PlotCanvas(const char* id, ImVec2 size, PlotView& view, const PlotView& bounds,
                       const PlotOptions& options)
    : view_(view), options_(options), draw_(ImGui::GetWindowDrawList()) {
  const ImVec2 origin = ImGui::GetCursorScreenPos();
  size.x = std::max(size.x, 60.0f);
  size.y = std::max(size.y, 40.0f);
  ImGui::InvisibleButton(id, size, ImGuiButtonFlags_MouseButtonLeft);
  hovered_ = ImGui::IsItemHovered();
  active_ = ImGui::IsItemActive();
  const Margins margins = plotMargins(options_, size.x, size.y);
  min_ = ImVec2(origin.x + margins.left, origin.y + margins.top);
  max_ = ImVec2(origin.x + size.x - margins.right, origin.y + size.y - margins.bottom);
  handleInput(bounds);
  if (options_.equal_aspect) keepSquareCells();
  draw_->AddRectFilled(min_, max_, kBackground);
  drawAxes();
  drawReferences(referenceLabelsFit(options_, size.x));
  drawLegend(origin, size);
  draw_->PushClipRect(min_, max_, true);
}

PlotCanvas::~PlotCanvas() {
  draw_->PopClipRect();
  draw_->AddRect(min_, max_, kFrameColor);
}

PlotView PlotCanvas::fitAspect(const PlotView& bounds) const {
  PlotView fitted = bounds;
  const double width = bounds.x1 - bounds.x0, height = bounds.y1 - bounds.y0;
  const double pixels_x = max_.x - min_.x, pixels_y = max_.y - min_.y;
  if (width * pixels_y > height * pixels_x) {
    const double half = width * pixels_y / pixels_x / 2, centre = (bounds.y0 + bounds.y1) / 2;
    fitted.y0 = centre - half;
    fitted.y1 = centre + half;
  } else {
    const double half = height * pixels_x / pixels_y / 2, centre = (bounds.x0 + bounds.x1) / 2;
    fitted.x0 = centre - half;
    fitted.x1 = centre + half;
  }
  return fitted;
}

void PlotCanvas::handleInput(const PlotView& data_bounds) {
  const bool valid = finite(data_bounds.x0) && finite(data_bounds.x1) && finite(data_bounds.y0) &&
                     finite(data_bounds.y1) && data_bounds.x1 > data_bounds.x0 &&
                     data_bounds.y1 > data_bounds.y0;
  const PlotView bounds = options_.equal_aspect && valid ? fitAspect(data_bounds) : data_bounds;
  const bool fit = view_.auto_fit || !view_.initialised;
  // Eased by the frame's wall time, so a slow frame rate settles as soon as a fast one.
  const double dt = ImGui::GetIO().DeltaTime;
  if (fit && finite(bounds.x0) && finite(bounds.x1) && bounds.x1 > bounds.x0) {
    const double tau = view_.initialised ? options_.ease_seconds : 0.0;
    view_.x0 = easeToward(view_.x0, bounds.x0, dt, tau);
    view_.x1 = easeToward(view_.x1, bounds.x1, dt, tau);
  }
  if ((fit || options_.fixed_y) && finite(bounds.y0) && finite(bounds.y1) &&
      bounds.y1 > bounds.y0) {
    const double tau = view_.initialised && !options_.fixed_y ? options_.ease_seconds : 0.0;
    view_.y0 = easeToward(view_.y0, bounds.y0, dt, tau);
    view_.y1 = easeToward(view_.y1, bounds.y1, dt, tau);
  }
  view_.initialised = true;
  if (!hovered_) return;
  const ImGuiIO& io = ImGui::GetIO();
  if (ImGui::IsMouseDoubleClicked(ImGuiMouseButton_Left)) {
    // Fit at once on the next frame: an idle window draws too few frames to ease there.
    view_.auto_fit = true;
    view_.initialised = false;
    return;
  }
  const double width = view_.x1 - view_.x0, height = view_.y1 - view_.y0;
  if (io.MouseWheel != 0) {
    const double factor = std::pow(0.85, io.MouseWheel);
    const double cx = toDataX(io.MousePos.x);
    view_.x0 = cx - (cx - view_.x0) * factor;
    view_.x1 = cx + (view_.x1 - cx) * factor;
    if (options_.equal_aspect) {
      const double cy = toDataY(io.MousePos.y);
      view_.y0 = cy - (cy - view_.y0) * factor;
      view_.y1 = cy + (view_.y1 - cy) * factor;
    }
    view_.auto_fit = false;
  }
  if (options_.drag_pans && active_ && (io.MouseDelta.x != 0 || io.MouseDelta.y != 0)) {
    const double dx = io.MouseDelta.x / (max_.x - min_.x) * width;
    view_.x0 -= dx;
    view_.x1 -= dx;
    if (!options_.fixed_y) {
      const double dy = io.MouseDelta.y / (max_.y - min_.y) * height;
      view_.y0 += dy;
      view_.y1 += dy;
    }
    view_.auto_fit = false;
  }
}

void PlotCanvas::keepSquareCells() {
  // Whatever moved the view (a resized panel, an eased fit, a zoom), y follows x.
  const double half = (view_.x1 - view_.x0) * (max_.y - min_.y) / (max_.x - min_.x) / 2;
  const double centre = (view_.y0 + view_.y1) / 2;
  view_.y0 = centre - half;
  view_.y1 = centre + half;
}

void PlotCanvas::drawAxes() {
  const float font = ImGui::GetFontSize();
  // x axis: grid lines and pruned labels under the plot.
  const std::vector<Tick> x_ticks = makeTicks(view_.x0, view_.x1, max_.x - min_.x);
  std::vector<float> centers, widths;
  for (const Tick& tick : x_ticks) {
    centers.push_back(toScreen(tick.value, 0).x);
    widths.push_back(ImGui::CalcTextSize(tick.label.c_str()).x);
  }
  const std::vector<bool> keep = pruneLabels(centers, widths);
  for (size_t i = 0; i < x_ticks.size(); ++i) {
    draw_->AddLine(ImVec2(centers[i], min_.y), ImVec2(centers[i], max_.y), kGridColor);
    draw_->AddLine(ImVec2(centers[i], max_.y), ImVec2(centers[i], max_.y + px(4)), kFrameColor);
    if (keep[i]) {
      draw_->AddText(ImVec2(centers[i] - widths[i] / 2, max_.y + px(4)), kTextColor,
                     x_ticks[i].label.c_str());
    }
  }
  if (options_.x_label) {
    const float w = ImGui::CalcTextSize(options_.x_label).x;
    draw_->AddText(ImVec2((min_.x + max_.x - w) / 2, max_.y + px(4) + font), kTextColor,
                   options_.x_label);
  }
  // y axis: labels right-aligned left of the plot, about one per 2.5 text lines.
  // On a log axis every whole decade may get a label: denser, since decades are few.
  const float y_spacing = options_.y_log10 ? font * 1.4f : std::max(40.0f, font * 2.5f);
  const std::vector<Tick> y_ticks = makeTicks(view_.y0, view_.y1, max_.y - min_.y, y_spacing);
  for (const Tick& tick : y_ticks) {
    if (options_.y_log10 && tick.value != std::round(tick.value)) continue;
    const float y = toScreen(0, tick.value).y;
    draw_->AddLine(ImVec2(min_.x, y), ImVec2(max_.x, y), kGridColor);
    if (!options_.y_labels) continue;
    char decade[16];
    if (options_.y_log10) {
      const int power = static_cast<int>(tick.value);
      if (power == 0 || power == 1)
        std::snprintf(decade, sizeof(decade), "%s", power ? "10" : "1");
      else
        std::snprintf(decade, sizeof(decade), "1e%d", power);
    }
    const char* label = options_.y_log10 ? decade : tick.label.c_str();
    const ImVec2 size = ImGui::CalcTextSize(label);
    draw_->AddText(ImVec2(min_.x - size.x - px(5), y - size.y / 2), kTextColor, label);
  }
}

void PlotCanvas::drawReferences(bool labels) {
  // The lines across the data area (under the data, drawn later), and the labels of those in
  // view stacked apart in the right margin, each joined to its line by a short leader.
  std::vector<float> wanted, heights;
  std::vector<const ReferenceLine*> labelled;
  for (const ReferenceLine& r : options_.references) {
    if (!finite(r.y) || r.y < std::min(view_.y0, view_.y1) || r.y > std::max(view_.y0, view_.y1)) {
      continue;
    }
    const float sy = toScreen(0, r.y).y;
    if (r.dashed) {
      dashedSegment(draw_, ImVec2(min_.x, sy), ImVec2(max_.x, sy), r.color, px(1.5f), px(7), px(5));
    } else {
      draw_->AddLine(ImVec2(min_.x, sy), ImVec2(max_.x, sy), r.color, px(1.5f));
    }
    if (!r.label || !labels) continue;
    labelled.push_back(&r);
    wanted.push_back(sy);
    heights.push_back(ImGui::GetFontSize());
  }
  const float font = ImGui::GetFontSize();
  const std::vector<float> tops =
      placeLabels(wanted, heights, min_.y - font * 0.5f, max_.y + font * 0.5f, px(1));
  const float text_x = max_.x + font * 0.6f;
  for (size_t i = 0; i < labelled.size(); ++i) {
    const float mid = tops[i] + heights[i] / 2;
    draw_->AddLine(ImVec2(max_.x, wanted[i]), ImVec2(text_x - px(2), mid), labelled[i]->color,
                   px(1.5f));
    draw_->AddText(ImVec2(text_x, tops[i]), labelled[i]->color, labelled[i]->label);
  }
}

ImVec2 PlotCanvas::toScreen(double x, double y) const {
  const double u = (x - view_.x0) / (view_.x1 - view_.x0);
  const double v = (y - view_.y0) / (view_.y1 - view_.y0);
  return ImVec2(static_cast<float>(min_.x + u * (max_.x - min_.x)),
                static_cast<float>(max_.y - v * (max_.y - min_.y)));
}

double PlotCanvas::toDataX(float screen_x) const {
  return view_.x0 + (screen_x - min_.x) / (max_.x - min_.x) * (view_.x1 - view_.x0);
}

double PlotCanvas::toDataY(float screen_y) const {
  return view_.y0 + (max_.y - screen_y) / (max_.y - min_.y) * (view_.y1 - view_.y0);
}

void PlotCanvas::line(std::span<const float> xs, std::span<const float> ys, ImU32 color,
                      float thickness) {
  points_.clear();
  const size_t n = std::min(xs.size(), ys.size());
  for (size_t i = 0; i <= n; ++i) {
    if (i < n && finite(xs[i]) && finite(ys[i])) {
      points_.push_back(toScreen(xs[i], ys[i]));
      continue;
    }
    if (points_.size() > 1) {
      draw_->AddPolyline(points_.data(), static_cast<int>(points_.size()), color, 0, px(thickness));
    }
    points_.clear();
  }
}

void PlotCanvas::dashedLine(std::span<const float> xs, std::span<const float> ys, ImU32 color,
                            float thickness, float dash_px, float gap_px) {
  // Dashes follow the curve's arc length so the pattern stays even along slopes.
  const size_t n = std::min(xs.size(), ys.size());
  thickness = px(thickness);
  dash_px = px(dash_px);
  gap_px = px(gap_px);
  const float period = dash_px + gap_px;
  float phase = 0;
  for (size_t i = 1; i < n; ++i) {
    if (!finite(xs[i - 1]) || !finite(ys[i - 1]) || !finite(xs[i]) || !finite(ys[i])) continue;
    const ImVec2 a = toScreen(xs[i - 1], ys[i - 1]), b = toScreen(xs[i], ys[i]);
    const float dx = b.x - a.x, dy = b.y - a.y;
    const float length = std::sqrt(dx * dx + dy * dy);
    float t = 0;
    while (t < length) {
      const float left = phase < dash_px ? dash_px - phase : period - phase;
      const float step = std::min(left, length - t);
      if (phase < dash_px) {
        draw_->AddLine(ImVec2(a.x + dx * t / length, a.y + dy * t / length),
                       ImVec2(a.x + dx * (t + step) / length, a.y + dy * (t + step) / length),
                       color, thickness);
      }
      t += step;
      phase = std::fmod(phase + step, period);
    }
  }
}

void PlotCanvas::decimatedLine(std::span<const double> xs, std::span<const float> ys, ImU32 color,
                               float thickness) {
  decimateMinMax(xs, ys, view_.x0, view_.x1, static_cast<int>(max_.x - min_.x), columns_);
  thickness = px(thickness);
  points_.clear();
  for (const Column& c : columns_) {
    const float x = toScreen(c.x, 0).x;
    points_.push_back(ImVec2(x, toScreen(0, c.first).y));
    if (c.min != c.max) {
      // The column's full range as a vertical stroke, then on from its last value.
      draw_->AddLine(ImVec2(x, toScreen(0, c.min).y), ImVec2(x, toScreen(0, c.max).y), color,
                     thickness);
      points_.push_back(ImVec2(x, toScreen(0, c.last).y));
    }
  }
  if (points_.size() > 1) {
    draw_->AddPolyline(points_.data(), static_cast<int>(points_.size()), color, 0, thickness);
  }
}

void PlotCanvas::bars(std::span<const float> heights, double lo, double hi, ImU32 fill,
                      ImU32 edge) {
  const double width = (hi - lo) / heights.size();
  for (size_t i = 0; i < heights.size(); ++i) {
    if (!finite(heights[i]) || heights[i] <= 0) continue;
    const ImVec2 a = toScreen(lo + i * width, heights[i]);
    const ImVec2 b = toScreen(lo + (i + 1) * width, 0);
    draw_->AddRectFilled(a, b, fill);
    draw_->AddRect(a, b, edge, 0, 0, px(1));
  }
}

void PlotCanvas::dots(std::span<const float> xs, std::span<const float> ys, ImU32 color,
                      float radius) {
  const size_t n = std::min(xs.size(), ys.size());
  for (size_t i = 0; i < n; ++i) {
    if (!finite(xs[i]) || !finite(ys[i])) continue;
    const ImVec2 p = toScreen(xs[i], ys[i]);
    draw_->AddCircleFilled(p, px(radius), color);
  }
}

void PlotCanvas::drawLegend(ImVec2 origin, ImVec2 size) {
  const float font = ImGui::GetFontSize();
  // The rows span the canvas's width, the y labels' margin included.
  const LegendLayout layout = chooseLegend(options_.legend, size.x - font * 0.4f);
  if (legendRows(layout, size.y) == 0) return;
  const float top = origin.y + font * 0.2f;
  for (size_t i = 0; i < options_.legend.size(); ++i) {
    const LegendEntry& e = options_.legend[i];
    const ImVec2 a(origin.x + font * 0.4f + layout.x[i],
                   top + static_cast<float>(layout.row[i]) * font * 1.25f);
    const ImVec2 b(a.x + font * 1.6f, a.y + font);
    drawSwatch(draw_, e, a, b);
    draw_->AddText(ImVec2(b.x + font * 0.3f, a.y), kTextColor, legendName(e, layout.short_names));
  }
}

}  // namespace ganscope::plot
