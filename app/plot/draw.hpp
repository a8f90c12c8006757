// PlotCanvas: our small plotting kit on ImDrawList (ImPlot is not packaged for us). Axes with
// 1-2-5 ticks, min/max-decimated lines, dashed lines, bars, dots, legend; wheel zooms x (both axes
// on an equal-aspect plot) at the cursor, drag pans, double-click fits again. Every size in
// pixels (margins, ticks, line widths, markers, legends) follows the font, so Ctrl +/- scales it.
#pragma once
#include <span>
#include <vector>

#include <imgui.h>

#include "app/plot/data_area.hpp"
#include "app/plot/decimate.hpp"

namespace ganscope::plot {

/// A plot's visible range, kept by the caller across frames.
struct PlotView {
  double x0 = 0, x1 = 1, y0 = 0, y1 = 1;
  bool auto_fit = true;  ///< follow the data bounds; user zoom/pan turns this off, double-click on
  bool initialised = false;
};

/// The font size the pixel sizes of the plot kit are given for (the window's font at ui scale 1).
inline constexpr float kBaseFontPx = 18.0f;
/// How much larger than at ui scale 1 the current font is: multiplies every pixel size.
float pixelScale();

/// A horizontal line at a reference value (an equilibrium, 1/2), labelled in the plot's right
/// margin, outside the data, with the labels kept apart.
struct ReferenceLine {
  double y;
  ImU32 color;
  const char* label = nullptr;  ///< nullptr: the line alone
  bool dashed = true;
};

/// One entry of a legend: a colour, a style and a name.
struct LegendEntry {
  ImU32 color;
  const char* name;
  enum class Style { Line, Dashed, Dots, Box, Arrow, Ring } style = Style::Line;
  const char* short_name = nullptr;  ///< shown when the full names need more legend rows
};

struct PlotOptions {
  const char* x_label = nullptr;  ///< text under the x axis
  bool fixed_y = false;        ///< y range comes from the bounds only; zoom and pan act on x only
  bool y_labels = true;        ///< tick labels left of the plot (off: the plot takes that room)
  float ease_seconds = 0.15f;  ///< time constant of the ease toward new auto-fit bounds, in
                               ///< seconds of wall time (0: jump)
  bool equal_aspect = false;   ///< a data unit is as long on both axes (square cells); the fit
                               ///< widens one axis of the bounds, the wheel zooms both
  bool drag_pans = true;       ///< left-drag pans (off: the caller uses drags, e.g. to paint)
  bool y_log10 = false;        ///< the y values are log10 of the data: ticks at whole decades
                               ///< only, labelled as the data ("1e-3")
  /// Reference lines, drawn under the data; their labels take a margin right of the plot
  /// (up to 35% of its width; a narrower plot shows the lines alone).
  std::span<const ReferenceLine> references = {};
  /// The legend, in rows above the data area (never over the data); the entries' short names
  /// when the full ones need more rows.
  std::span<const LegendEntry> legend = {};
};

/// The margins PlotCanvas leaves around its data area with `options` at the current font, on a
/// canvas `width` x `height` pixels (the legend's rows depend on them).
Margins plotMargins(const PlotOptions& options, float width = 0, float height = 0);

/// Draws `entry`'s swatch over the segment from `a` to `b` (its vertical middle).
void drawSwatch(ImDrawList* draw, const LegendEntry& entry, ImVec2 a, ImVec2 b);
/// A filled-head arrow from `from` to `to`; the head is `head` pixels long.
void drawArrow(ImDrawList* draw, ImVec2 from, ImVec2 to, ImU32 color, float thickness, float head);

class PlotCanvas {
 public:
  /// Claims `size` at the cursor; `bounds` are the data bounds the view fits to when auto_fit.
  PlotCanvas(const char* id, ImVec2 size, PlotView& view, const PlotView& bounds,
             const PlotOptions& options = {});
  ~PlotCanvas();
  PlotCanvas(const PlotCanvas&) = delete;
  PlotCanvas& operator=(const PlotCanvas&) = delete;

  ImVec2 toScreen(double x, double y) const;
  double toDataX(float screen_x) const;
  double toDataY(float screen_y) const;
  ImDrawList* drawList() const { return draw_; }
  ImVec2 plotMin() const { return min_; }
  ImVec2 plotMax() const { return max_; }
  bool hovered() const { return hovered_; }
  /// The left button went down on the plot and is still held.
  bool active() const { return active_; }

  /// Line widths, radii and dash lengths below are pixels at ui scale 1 (see pixelScale).
  /// A polyline through (xs[i], ys[i]); NaN/Inf points break the line.
  void line(std::span<const float> xs, std::span<const float> ys, ImU32 color, float thickness);
  void dashedLine(std::span<const float> xs, std::span<const float> ys, ImU32 color,
                  float thickness, float dash_px = 9, float gap_px = 6);
  /// A long series drawn through min/max decimation: one vertical stroke per pixel column.
  void decimatedLine(std::span<const double> xs, std::span<const float> ys, ImU32 color,
                     float thickness);
  /// Bars over equal bins spanning [lo, hi].
  void bars(std::span<const float> heights, double lo, double hi, ImU32 fill, ImU32 edge);
  void dots(std::span<const float> xs, std::span<const float> ys, ImU32 color, float radius);

 private:
  void handleInput(const PlotView& bounds);
  /// Widens `bounds` along one axis so that it fills the plot area with square cells.
  PlotView fitAspect(const PlotView& bounds) const;
  /// Sets the y range from the x range so that a data unit is as long on both axes.
  void keepSquareCells();
  void drawAxes();
  /// The reference lines; their labels in the right margin when `labels`.
  void drawReferences(bool labels);
  void drawLegend(ImVec2 origin, ImVec2 size);

  PlotView& view_;
  PlotOptions options_;
  ImDrawList* draw_ = nullptr;
  ImVec2 min_, max_;  // plot area (inside the axes) in screen pixels
  bool hovered_ = false;
  bool active_ = false;
  std::vector<Column> columns_;
  std::vector<ImVec2> points_;
};

/// Draws a dashed segment from a to b.
void dashedSegment(ImDrawList* draw, ImVec2 a, ImVec2 b, ImU32 color, float thickness,
                   float dash_px, float gap_px);

}  // namespace ganscope::plot
