// drawFigure1: densities and D on top, the z-line to x-line mapping below, as in the paper.
#include "app/scenes/figure1_scene.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdio>
#include <functional>
#include <string>

#include "app/i18n/strings.hpp"
#include "app/scenes/palette.hpp"

namespace ganscope {
namespace {

/// The x coordinates of the frame's curve grid.
std::array<float, kCurvePoints> curveXs(const Figure1Frame& s) {
  std::array<float, kCurvePoints> xs;
  for (int i = 0; i < kCurvePoints; ++i) {
    xs[i] = s.x_min + (s.x_max - s.x_min) * i / (kCurvePoints - 1);
  }
  return xs;
}

}  // namespace

void drawFigure1(const char* id, ImVec2 size, const Figure1Frame& s, const Figure1Layers& layers,
                 plot::PlotView& view, bool compact, gl::ScalarFieldView* strip,
                 const LatentMarker* marker) {
  const float font = ImGui::GetFontSize();
  // The mapping takes a fifth of the height, at least the text lines it needs and at most 30%,
  // so large fonts leave the densities their plot; where even that is too little it is left out.
  const bool show_strip = strip && layers.d_strip;
  const float mapping_needs = font * (show_strip ? 3.0f : 2.0f);
  const float mapping_share = std::min(std::max(mapping_needs, size.y * 0.22f), size.y * 0.3f);
  const bool mapping = layers.mapping && mapping_share >= mapping_needs;
  const float mapping_height = mapping ? mapping_share : 0.0f;
  const std::array<float, kCurvePoints> xs = curveXs(s);

  // Densities and D share one axis: at least [0, 1] so D = 1/2 sits mid-way. A collapsed G
  // makes a tall spike; the axis follows it only up to 3x the data's peak.
  float data_peak = 1.0f, g_peak = 0.0f;
  for (int i = 0; i < kCurvePoints; ++i) {
    if (std::isfinite(s.p_data[i])) data_peak = std::max(data_peak, s.p_data[i]);
    if (std::isfinite(s.p_g[i])) g_peak = std::max(g_peak, s.p_g[i]);
  }
  const float peak = std::max(data_peak, std::min(g_peak, 3 * data_peak));
  plot::PlotView bounds{s.x_min, s.x_max, 0.0, peak * 1.08};
  plot::PlotOptions options;
  options.x_label = compact ? nullptr : i18n::tr("figure1.x");
  options.y_labels = !compact;
  // A critic (WGAN, hinge) is drawn rescaled to its range: no 1/2 and no D* to compare with.
  const bool critic = s.header.d_normalised;
  const plot::ReferenceLine half[] = {
      {0.5, palette::kHalfLine, compact ? nullptr : i18n::tr("figure1.half")}};
  if (!critic) options.references = half;
  const std::string critic_label = i18n::trf("figure1.critic", s.header.d_lo, s.header.d_hi);
  const plot::LegendEntry legend[] = {
      {palette::kData, i18n::tr("figure1.p_data"), plot::LegendEntry::Style::Dots, "p_data"},
      {palette::kGenerator, i18n::tr("figure1.p_g"), plot::LegendEntry::Style::Line, "p_g"},
      {palette::kDiscriminator, critic ? critic_label.c_str() : i18n::tr("figure1.d"),
       plot::LegendEntry::Style::Dashed, critic ? i18n::tr("figure1.critic_short") : "D(x)"},
      {palette::kOptimalD, i18n::tr("figure1.d_star"), plot::LegendEntry::Style::Line, "D*(x)"},
  };
  if (!compact) options.legend = std::span(legend, critic ? 3 : 4);
  ImVec2 plot_min, plot_max;
  {
    plot::PlotCanvas canvas(id, ImVec2(size.x, size.y - mapping_height), view, bounds, options);
    plot_min = canvas.plotMin();
    plot_max = canvas.plotMax();
    if (!critic && layers.d_star) canvas.line(xs, s.d_star, palette::kOptimalD, 2.0f);
    if (layers.p_g) canvas.line(xs, s.p_g, palette::kGenerator, 2.5f);
    if (layers.d) canvas.dashedLine(xs, s.d, palette::kDiscriminator, 2.5f);
    if (layers.p_data) {
      // Dots every few grid points, as in the paper's figure.
      std::array<float, kCurvePoints / 4> dot_x, dot_y;
      for (int i = 0; i < kCurvePoints / 4; ++i) {
        dot_x[i] = xs[i * 4 + 2];
        dot_y[i] = s.p_data[i * 4 + 2];
      }
      canvas.dots(dot_x, dot_y, palette::kData, compact ? 1.6f : 2.4f);
    }
    if (compact) {
      const std::string jsd = i18n::trf("figure1.compact_jsd", s.js);
      const char* text = jsd.c_str();
      const ImVec2 at(canvas.plotMin().x + 4, canvas.plotMin().y + 2);
      const ImVec2 size = ImGui::CalcTextSize(text);
      canvas.drawList()->AddRectFilled(at, ImVec2(at.x + size.x, at.y + size.y),
                                       IM_COL32(255, 255, 255, 200));
      canvas.drawList()->AddText(at, palette::kData, text);
    }
    if (canvas.hovered() && !compact) {
      const double x = canvas.toDataX(ImGui::GetIO().MousePos.x);
      const int i =
          static_cast<int>(std::lround((x - s.x_min) / (s.x_max - s.x_min) * (kCurvePoints - 1)));
      if (i >= 0 && i < kCurvePoints && critic) {
        const double d = s.header.d_lo + s.d[i] * (s.header.d_hi - s.header.d_lo);
        ImGui::SetTooltip("%s", i18n::trf("figure1.tip_critic", x, static_cast<double>(s.p_data[i]),
                                          static_cast<double>(s.p_g[i]), d)
                                    .c_str());
      } else if (i >= 0 && i < kCurvePoints) {
        ImGui::SetTooltip("%s",
                          i18n::trf("figure1.tip", x, static_cast<double>(s.p_data[i]),
                                    static_cast<double>(s.p_g[i]), static_cast<double>(s.d[i]),
                                    static_cast<double>(s.d_star[i]))
                              .c_str());
      }
    }
  }
  if (!mapping) return;

  // The x-line (top) and the z-line (bottom, z in [0, 1] across the same width) joined by
  // arrows z -> G(z): where arrows bunch, p_g is high.
  ImDrawList* draw = ImGui::GetWindowDrawList();
  const ImVec2 origin = ImGui::GetCursorScreenPos();
  ImGui::Dummy(ImVec2(size.x, mapping_height));
  const float x_line = origin.y + font * (show_strip ? 1.4f : 0.5f);
  const float z_line = origin.y + mapping_height - font * 0.9f;
  if (show_strip) {
    // D over the plot's current x range (the view may be zoomed), sampled from the curve.
    std::array<float, kCurvePoints> d_view;
    for (int i = 0; i < kCurvePoints; ++i) {
      const double x = view.x0 + (view.x1 - view.x0) * i / (kCurvePoints - 1);
      const double pos = (x - s.x_min) / (s.x_max - s.x_min) * (kCurvePoints - 1);
      const int j = std::clamp(static_cast<int>(std::lround(pos)), 0, kCurvePoints - 1);
      d_view[i] = pos < 0 || pos > kCurvePoints - 1 ? 0.5f : s.d[j];
    }
    // Uploaded when the frame or the plot's x range changes, not on every drawn frame.
    const uint64_t key = s.header.sequence * 0x9E3779B97F4A7C15ull ^ std::hash<double>{}(view.x0) ^
                         (std::hash<double>{}(view.x1) << 1);
    strip->upload(d_view, kCurvePoints, 1, key);
    const ImVec2 a(plot_min.x, x_line - font * 1.2f), b(plot_max.x, x_line - font * 0.2f);
    strip->draw(draw, a, b);
    draw->AddRect(a, b, IM_COL32(0, 0, 0, 60));
    draw->AddText(ImVec2(plot_max.x + 4, a.y), palette::kDiscriminator,
                  i18n::tr("figure1.strip_d"));
  }
  const float scale = plot::pixelScale();
  draw->AddLine(ImVec2(plot_min.x, x_line), ImVec2(plot_max.x, x_line), palette::kData, 2 * scale);
  draw->AddLine(ImVec2(plot_min.x, z_line), ImVec2(plot_max.x, z_line), palette::kData, 2 * scale);
  if (!compact) {
    draw->AddText(ImVec2(plot_min.x - font * 1.4f, x_line - font * 0.5f), palette::kData,
                  i18n::tr("figure1.x_line"));
    draw->AddText(ImVec2(plot_min.x - font * 1.4f, z_line - font * 0.5f), palette::kData,
                  i18n::tr("figure1.z_line"));
  }
  draw->PushClipRect(ImVec2(plot_min.x - 2, origin.y),
                     ImVec2(plot_max.x + 2, origin.y + mapping_height), true);
  const float width = plot_max.x - plot_min.x;
  for (int i = 0; i < kMapLines; ++i) {
    if (!std::isfinite(s.g_of_z[i])) continue;
    const float from_x = plot_min.x + s.z[i] * width;
    const float to_x =
        static_cast<float>(plot_min.x + (s.g_of_z[i] - view.x0) / (view.x1 - view.x0) * width);
    plot::drawArrow(draw, ImVec2(from_x, z_line), ImVec2(to_x, x_line + 2), palette::kMapping,
                    1.3f * scale, (compact ? 4.0f : 7.0f) * scale);
    draw->AddCircleFilled(ImVec2(from_x, z_line), (compact ? 1.5f : 2.5f) * scale, palette::kData);
  }
  if (marker && std::isfinite(marker->x)) {
    const float from_x = plot_min.x + marker->z * width;
    const float to_x =
        static_cast<float>(plot_min.x + (marker->x - view.x0) / (view.x1 - view.x0) * width);
    plot::drawArrow(draw, ImVec2(from_x, z_line), ImVec2(to_x, x_line + 2), palette::kPinned,
                    2.5f * scale, 9.0f * scale);
    draw->AddCircleFilled(ImVec2(from_x, z_line), 4.5f * scale, palette::kPinned);
  }
  draw->PopClipRect();
}

}  // namespace ganscope
