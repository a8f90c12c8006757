// drawField2d: heatmap of D, real and fake samples, mode centres.
#include "app/field2d_view.hpp"

#include <algorithm>
#include <cmath>
#include <span>

#include "app/palette.hpp"

namespace ganscope {

void drawField2d(const char* id, ImVec2 size, const Snapshot& s, plot::PlotView& view, bool compact,
                 gl::ScalarFieldView* field) {
  // Square cells: the plot keeps the data's aspect ratio inside `size`.
  const plot::PlotView bounds{s.view[0], s.view[2], s.view[1], s.view[3]};
  plot::PlotOptions options;
  options.x_label = compact ? nullptr : "x";
  options.y_labels = !compact;
  const float side = std::min(size.x, size.y);
  plot::PlotCanvas canvas(id, compact ? ImVec2(side, side) : size, view, bounds, options);
  ImDrawList* draw = canvas.drawList();
  if (field) {
    field->upload(std::span<const float>(s.field, kFieldSize * kFieldSize), kFieldSize, kFieldSize);
    field->draw(draw, canvas.toScreen(s.view[0], s.view[3]), canvas.toScreen(s.view[2], s.view[1]));
  }
  const float dot = compact ? 1.2f : 2.0f;
  for (int i = 0; i < kShownPoints; ++i) {
    draw->AddCircleFilled(canvas.toScreen(s.real_xy[2 * i], s.real_xy[2 * i + 1]), dot * 0.8f,
                          IM_COL32(20, 20, 20, 140));
  }
  for (int i = 0; i < kShownPoints; ++i) {
    const float x = s.fake_xy[2 * i], y = s.fake_xy[2 * i + 1];
    if (std::isfinite(x) && std::isfinite(y)) {
      draw->AddCircleFilled(canvas.toScreen(x, y), dot, palette::kGenerator);
    }
  }
  for (int m = 0; m < s.modes_total; ++m) {
    draw->AddCircle(canvas.toScreen(s.centres[2 * m], s.centres[2 * m + 1]), compact ? 4 : 8,
                    IM_COL32(0, 0, 0, 120), 0, 1.0f);
  }
  if (compact) return;
  const plot::LegendEntry legend[] = {
      {palette::kData, "real samples", plot::LegendEntry::Style::Dots},
      {palette::kGenerator, "G(z), fixed z", plot::LegendEntry::Style::Dots},
      {IM_COL32(90, 90, 90, 255), "D = 1 (\"real\")", plot::LegendEntry::Style::Box},
      {IM_COL32(60, 175, 95, 255), "D = 0 (\"fake\")", plot::LegendEntry::Style::Box},
  };
  canvas.legend(legend);
  if (canvas.hovered()) {
    const ImVec2 mouse = ImGui::GetIO().MousePos;
    const double x = canvas.toDataX(mouse.x);
    const double u = (x - s.view[0]) / (s.view[2] - s.view[0]);
    const ImVec2 top = canvas.toScreen(s.view[0], s.view[3]);
    const ImVec2 bottom = canvas.toScreen(s.view[0], s.view[1]);
    const double v = (mouse.y - top.y) / (bottom.y - top.y);
    if (u >= 0 && u < 1 && v >= 0 && v < 1) {
      const int col = static_cast<int>(u * kFieldSize), row = static_cast<int>(v * kFieldSize);
      const double y = s.view[3] - v * (s.view[3] - s.view[1]);
      ImGui::SetTooltip("(%.2f, %.2f)\nD = %.3f", x, y, s.field[row * kFieldSize + col]);
    }
  }
}

}  // namespace ganscope
