// The plane's layers on a PlotCanvas, back to front, and its hover readout.
#include "app/scenes/plane_scene.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <span>
#include <string>

#include "app/i18n/strings.hpp"
#include "app/scenes/palette.hpp"

namespace ganscope {
namespace {

constexpr float kArrowsPerView = 15;  // the longest push arrow is this fraction of the view
constexpr float kTrailAlpha = 170;    // opacity (of 255) of a trail's newest, short segments

ImU32 withAlpha(ImU32 color, float alpha) {
  return (color & ~IM_COL32_A_MASK) | (static_cast<ImU32>(alpha) << IM_COL32_A_SHIFT);
}

bool finite(float x, float y) {
  return std::isfinite(x) && std::isfinite(y);
}

/// The field's rectangle: the samples lie on a grid from view[0] to view[2], so each texel's
/// centre sits on its sample when the texture reaches half a cell past the outer ones.
std::array<double, 4> heatmapRect(const PlaneFrame& s) {
  const double half_x = (s.view[2] - s.view[0]) / (kFieldSize - 1) / 2;
  const double half_y = (s.view[3] - s.view[1]) / (kFieldSize - 1) / 2;
  return {s.view[0] - half_x, s.view[1] - half_y, s.view[2] + half_x, s.view[3] + half_y};
}

/// A polyline through kManifoldSide interleaved points `stride` pairs apart; non-finite points
/// break it.
void manifoldLine(const plot::PlotCanvas& canvas, const float* xy, int stride, ImU32 color,
                  float thickness) {
  std::array<ImVec2, kManifoldSide> points;
  int n = 0;
  for (int i = 0; i <= kManifoldSide; ++i) {
    if (i < kManifoldSide && finite(xy[2 * i * stride], xy[2 * i * stride + 1])) {
      points[n++] = canvas.toScreen(xy[2 * i * stride], xy[2 * i * stride + 1]);
      continue;
    }
    if (n > 1) canvas.drawList()->AddPolyline(points.data(), n, color, 0, thickness);
    n = 0;
  }
}

/// G's image of the z grid: lines along its rows and columns, the border a little stronger so
/// the warped square reads as one sheet. With a 1-D z every row is the same curve: draw one.
void drawManifold(const plot::PlotCanvas& canvas, const PlaneFrame& s, bool compact) {
  const int rows = s.latent_dim >= 2 ? kManifoldSide : 1;
  const float scale = plot::pixelScale();
  const float thin = (compact ? 0.8f : 1.0f) * scale, border = (compact ? 1.2f : 1.8f) * scale;
  for (int r = 0; r < rows; ++r) {
    const bool edge = rows == 1 || r == 0 || r == rows - 1;
    manifoldLine(canvas, &s.manifold_xy[2 * r * kManifoldSide], 1, palette::kManifold,
                 edge ? border : thin);
  }
  if (rows == 1) return;
  for (int c = 0; c < kManifoldSide; ++c) {
    const bool edge = c == 0 || c == kManifoldSide - 1;
    manifoldLine(canvas, &s.manifold_xy[2 * c], kManifoldSide, palette::kManifold,
                 edge ? border : thin);
  }
}

/// Each fake's last positions, older segments fainter. A long jump (a fake hopping between
/// modes) fades with its length, like a motion blur, so hundreds of jumps do not hide the plane.
void drawTrails(const plot::PlotCanvas& canvas, const FakeTrails& trails) {
  const int length = trails.size();
  const float short_hop = (canvas.plotMax().x - canvas.plotMin().x) / 25;
  for (int age = length - 1; age > 0; --age) {
    const float strength = 1.0f - static_cast<float>(age - 1) / (length - 1);
    for (int i = 0; i < kShownPoints; ++i) {
      const float *from = trails.at(age, i), *to = trails.at(age - 1, i);
      if (!finite(from[0], from[1]) || !finite(to[0], to[1])) continue;
      const ImVec2 a = canvas.toScreen(from[0], from[1]), b = canvas.toScreen(to[0], to[1]);
      const float hop = std::hypot(b.x - a.x, b.y - a.y);
      const float alpha = kTrailAlpha * strength * std::min(1.0f, short_hop / hop);
      if (alpha < 4) continue;
      canvas.drawList()->AddLine(a, b, withAlpha(palette::kGenerator, alpha),
                                 1.5f * plot::pixelScale());
    }
  }
}

void drawPushArrows(const plot::PlotCanvas& canvas, const PlaneFrame& s, bool compact) {
  const ArrowScale scale = pushArrowScale(s);
  const float px = plot::pixelScale();
  const float head = (compact ? 3.0f : 6.0f) * px;
  for (int i = 0; i < kShownPoints; ++i) {
    const float x = s.fake_xy[2 * i], y = s.fake_xy[2 * i + 1];
    if (!finite(x, y)) continue;
    const auto [dx, dy] = scale.arrow(s.fake_push[2 * i], s.fake_push[2 * i + 1]);
    const ImVec2 from = canvas.toScreen(x, y), to = canvas.toScreen(x + dx, y + dy);
    const float length = std::hypot(to.x - from.x, to.y - from.y);
    if (length < 2 * px) continue;
    plot::drawArrow(canvas.drawList(), from, to, palette::kPush, (compact ? 0.8f : 1.2f) * px,
                    std::min(head, length * 0.45f));
  }
}

}  // namespace

int hoveredFake(const plot::PlotCanvas& canvas, const PlaneFrame& s) {
  const ImVec2 mouse = ImGui::GetIO().MousePos;
  const float reach = std::max(6.0f, ImGui::GetFontSize() * 0.4f);
  float best = reach * reach;
  int nearest = -1;
  for (int i = 0; i < kShownPoints; ++i) {
    if (!finite(s.fake_xy[2 * i], s.fake_xy[2 * i + 1])) continue;
    const ImVec2 p = canvas.toScreen(s.fake_xy[2 * i], s.fake_xy[2 * i + 1]);
    const float d = (p.x - mouse.x) * (p.x - mouse.x) + (p.y - mouse.y) * (p.y - mouse.y);
    if (d < best) {
      best = d;
      nearest = i;
    }
  }
  return nearest;
}

namespace {

/// One line of a tooltip.
void text(const std::string& line) {
  ImGui::TextUnformatted(line.c_str());
}

void fakeTooltip(const PlaneFrame& s, int i) {
  const float z0 = s.shown_z[2 * i], z1 = s.shown_z[2 * i + 1];
  ImGui::BeginTooltip();
  if (s.latent_dim == 1) {
    text(i18n::trf("plane_tip.z1", static_cast<double>(z0)));
  } else if (s.latent_dim == 2) {
    text(i18n::trf("plane_tip.z2", static_cast<double>(z0), static_cast<double>(z1)));
  } else {
    text(i18n::trf("plane_tip.zn", static_cast<double>(z0), static_cast<double>(z1),
                   static_cast<int>(s.latent_dim)));
  }
  text(i18n::trf("plane_tip.g", static_cast<double>(s.fake_xy[2 * i]),
                 static_cast<double>(s.fake_xy[2 * i + 1])));
  text(i18n::trf(s.header.d_normalised ? "plane_tip.d_fake_critic" : "plane_tip.d_fake",
                 static_cast<double>(s.fake_d[i])));
  ImGui::EndTooltip();
}

void pointTooltip(const plot::PlotCanvas& canvas, const PlaneFrame& s) {
  const ImVec2 mouse = ImGui::GetIO().MousePos;
  const double x = canvas.toDataX(mouse.x), y = canvas.toDataY(mouse.y);
  const std::array<double, 4> rect = heatmapRect(s);
  if (x < rect[0] || x >= rect[2] || y < rect[1] || y >= rect[3]) {
    ImGui::SetTooltip("%s", i18n::trf("plane_tip.point", x, y).c_str());
    return;
  }
  // The nearest sample of the field (rows from the top).
  const int col = static_cast<int>((x - rect[0]) / (rect[2] - rect[0]) * kFieldSize);
  const int row = static_cast<int>((rect[3] - y) / (rect[3] - rect[1]) * kFieldSize);
  const float value =
      s.field[std::clamp(row, 0, kFieldSize - 1) * kFieldSize + std::clamp(col, 0, kFieldSize - 1)];
  if (s.header.d_normalised) {
    const double critic = s.header.d_lo + value * (s.header.d_hi - s.header.d_lo);
    ImGui::SetTooltip("%s", i18n::trf("plane_tip.point_critic", x, y, critic).c_str());
  } else {
    ImGui::SetTooltip("%s",
                      i18n::trf("plane_tip.point_d", x, y, static_cast<double>(value)).c_str());
  }
}

}  // namespace

plot::PlotView planeBounds(const PlaneFrame& s) {
  return {s.view[0], s.view[2], s.view[1], s.view[3]};
}

plot::PlotOptions planeOptions(bool compact) {
  plot::PlotOptions options;
  options.y_labels = !compact;
  options.equal_aspect = true;
  return options;
}

ArrowScale pushArrowScale(const PlaneFrame& s) {
  const float side = std::max(s.view[2] - s.view[0], s.view[3] - s.view[1]);
  return arrowScale(std::span<const float, 2 * kShownPoints>(s.fake_push), side / kArrowsPerView);
}

void drawPlaneLayers(plot::PlotCanvas& canvas, const PlaneFrame& s, const PlaneLayers& layers,
                     bool compact, gl::ScalarFieldView* heatmap, const FakeTrails* trails) {
  ImDrawList* draw = canvas.drawList();
  if (layers.d_heatmap && heatmap) {
    const std::array<double, 4> rect = heatmapRect(s);
    heatmap->upload(std::span<const float>(s.field, kFieldSize * kFieldSize), kFieldSize,
                    kFieldSize, s.header.sequence);
    heatmap->draw(draw, canvas.toScreen(rect[0], rect[3]), canvas.toScreen(rect[2], rect[1]));
  }
  if (layers.manifold) drawManifold(canvas, s, compact);
  if (layers.trails && trails && layers.fake_samples) drawTrails(canvas, *trails);
  const float scale = plot::pixelScale();
  const float dot = (compact ? 1.2f : 2.2f) * scale;
  if (layers.real_samples) {
    for (int i = 0; i < kShownPoints; ++i) {
      const float x = s.real_xy[2 * i], y = s.real_xy[2 * i + 1];
      if (finite(x, y)) {
        draw->AddCircleFilled(canvas.toScreen(x, y), dot * 0.8f, palette::kDataSample);
      }
    }
  }
  if (layers.fake_samples) {
    for (int i = 0; i < kShownPoints; ++i) {
      const float x = s.fake_xy[2 * i], y = s.fake_xy[2 * i + 1];
      if (finite(x, y))
        draw->AddCircleFilled(canvas.toScreen(x, y), dot + scale, palette::kFakeOutline);
    }
    for (int i = 0; i < kShownPoints; ++i) {
      const float x = s.fake_xy[2 * i], y = s.fake_xy[2 * i + 1];
      if (finite(x, y)) draw->AddCircleFilled(canvas.toScreen(x, y), dot, palette::kGenerator);
    }
  }
  if (layers.gradient_field) drawPushArrows(canvas, s, compact);
  if (layers.mode_centres) {
    for (int m = 0; m < s.modes_total; ++m) {
      draw->AddCircle(canvas.toScreen(s.centres[2 * m], s.centres[2 * m + 1]),
                      (compact ? 4.0f : 8.0f) * scale, palette::kModeCentre, 0, scale);
    }
  }
}

void drawPlaneTooltip(const plot::PlotCanvas& canvas, const PlaneFrame& s,
                      const PlaneLayers& layers) {
  if (!canvas.hovered()) return;
  const int fake = layers.fake_samples ? hoveredFake(canvas, s) : -1;
  if (fake < 0) {
    pointTooltip(canvas, s);
    return;
  }
  const ImVec2 at = canvas.toScreen(s.fake_xy[2 * fake], s.fake_xy[2 * fake + 1]);
  canvas.drawList()->AddCircle(at, ImGui::GetFontSize() * 0.45f, palette::kData, 0,
                               2.0f * plot::pixelScale());
  fakeTooltip(s, fake);
}

void drawPlaneCapture(const char* id, ImVec2 size, const PlaneFrame& s, const PlaneLayers& layers,
                      plot::PlotView& view) {
  // The data area as large as `size` allows, with square cells over the frame's view.
  const plot::PlotOptions options = planeOptions(true);
  const plot::Margins margins = plot::plotMargins(options);
  const double aspect = (s.view[2] - s.view[0]) / (s.view[3] - s.view[1]);
  const plot::Extent canvas_size =
      plot::canvasAround(plot::fitDataArea(size.x, size.y, margins, aspect), margins);
  plot::PlotCanvas canvas(id, ImVec2(canvas_size.width, canvas_size.height), view, planeBounds(s),
                          options);
  drawPlaneLayers(canvas, s, layers, true);
}

}  // namespace ganscope
