// The plane's key: colour bar with its labels, layer swatches, arrow scale.
#include "app/scenes/plane_legend.hpp"

#include <imgui.h>

#include <cstdio>

#include "app/gl/scalar_field_view.hpp"
#include "app/plot/draw.hpp"
#include "app/scenes/palette.hpp"
#include "app/scenes/plane_scene.hpp"

namespace ganscope {
namespace {

constexpr int kBarSegments = 32;
constexpr ImU32 kTrailSwatch = IM_COL32(0, 150, 60, 110);

/// D's colormap as a horizontal bar with labels under its ends and middle.
void colourBar(const char* left, const char* middle, const char* right) {
  const float font = ImGui::GetFontSize();
  const ImVec2 at = ImGui::GetCursorScreenPos();
  const float width = ImGui::GetContentRegionAvail().x - font * 0.5f, height = font * 0.9f;
  ImDrawList* draw = ImGui::GetWindowDrawList();
  const gl::Colormap& colormap = gl::discriminatorColormap();
  for (int i = 0; i < kBarSegments; ++i) {
    const ImU32 a = colormap[i * 255 / kBarSegments], b = colormap[(i + 1) * 255 / kBarSegments];
    draw->AddRectFilledMultiColor(ImVec2(at.x + width * i / kBarSegments, at.y),
                                  ImVec2(at.x + width * (i + 1) / kBarSegments, at.y + height), a,
                                  b, b, a);
  }
  draw->AddRect(at, ImVec2(at.x + width, at.y + height), IM_COL32(0, 0, 0, 90));
  const float text_y = at.y + height + 2;
  const ImU32 text = ImGui::GetColorU32(ImGuiCol_Text);
  draw->AddText(ImVec2(at.x, text_y), text, left);
  draw->AddText(ImVec2(at.x + (width - ImGui::CalcTextSize(middle).x) / 2, text_y), text, middle);
  draw->AddText(ImVec2(at.x + width - ImGui::CalcTextSize(right).x, text_y), text, right);
  ImGui::Dummy(ImVec2(width, height + 2 + font));
}

/// One key entry: its swatch, then its name.
void entry(const plot::LegendEntry& e) {
  const float font = ImGui::GetFontSize();
  const ImVec2 at = ImGui::GetCursorScreenPos();
  plot::drawSwatch(ImGui::GetWindowDrawList(), e, at, ImVec2(at.x + font * 1.6f, at.y + font));
  ImGui::Dummy(ImVec2(font * 1.6f, font));
  ImGui::SameLine();
  ImGui::TextUnformatted(e.name);
}

void note(const char* text) {
  ImGui::Indent(ImGui::GetFontSize() * 1.6f + ImGui::GetStyle().ItemSpacing.x);
  ImGui::PushTextWrapPos(0);
  ImGui::TextDisabled("%s", text);
  ImGui::PopTextWrapPos();
  ImGui::Unindent(ImGui::GetFontSize() * 1.6f + ImGui::GetStyle().ItemSpacing.x);
}

}  // namespace

void drawPlaneLegend(const PlaneFrame& s, const PlaneLayers& layers) {
  char text[160];
  if (layers.d_heatmap) {
    if (s.header.d_normalised) {
      // A critic's raw scores, rescaled so its range on the view spans the colours.
      ImGui::TextUnformatted("critic D(x), normalised: raw scores");
      char lo[32], mid[32], hi[32];
      std::snprintf(lo, sizeof(lo), "%.3g  \"fake\"", s.header.d_lo);
      std::snprintf(mid, sizeof(mid), "%.3g", (s.header.d_lo + s.header.d_hi) / 2);
      std::snprintf(hi, sizeof(hi), "\"real\"  %.3g", s.header.d_hi);
      colourBar(lo, mid, hi);
    } else {
      ImGui::TextUnformatted("D(x)");
      colourBar("0  \"fake\"", "1/2", "\"real\"  1");
    }
  }
  if (layers.real_samples) entry({palette::kData, "real samples", plot::LegendEntry::Style::Dots});
  if (layers.fake_samples) {
    entry({palette::kGenerator, "G(z), a fixed set of z", plot::LegendEntry::Style::Dots});
    if (layers.trails) {
      std::snprintf(text, sizeof(text), "their last %d frames", FakeTrails::kLength);
      entry({kTrailSwatch, text, plot::LegendEntry::Style::Line});
    }
  }
  if (layers.manifold) {
    entry({palette::kManifold, "G over a grid of z", plot::LegendEntry::Style::Line});
    std::snprintf(text, sizeof(text), "%s in [%.3g, %.3g]%s", s.latent_dim >= 2 ? "z1, z2" : "z",
                  s.manifold_z[0], s.manifold_z[2],
                  s.latent_dim > 2 ? ", the rest at their mean" : "");
    note(text);
  }
  if (layers.gradient_field) {
    entry({palette::kPush, "-grad of G's loss at G(z)", plot::LegendEntry::Style::Arrow});
    const ArrowScale scale = pushArrowScale(s);
    if (scale.reference > 0) {
      std::snprintf(text, sizeof(text), "full length from |grad| = %.3g", scale.reference);
    } else {
      std::snprintf(text, sizeof(text), "zero everywhere now");
    }
    note(text);
  }
  if (layers.mode_centres && s.modes_total > 0) {
    entry({palette::kModeCentre, "mode centres", plot::LegendEntry::Style::Ring});
  }
}

}  // namespace ganscope
