// The plane's key: colour bar with its labels, layer swatches, arrow scale.
#include "app/scenes/plane_legend.hpp"

#include <imgui.h>

#include <cstdio>
#include <string>

#include "app/gl/scalar_field_view.hpp"
#include "app/i18n/strings.hpp"
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
  using i18n::tr;
  using i18n::trf;
  if (layers.d_heatmap) {
    if (s.header.d_normalised) {
      // A critic's raw scores, rescaled so its range on the view spans the colours.
      ImGui::TextUnformatted(tr("plane_key.critic"));
      char mid[32];
      std::snprintf(mid, sizeof(mid), "%.3g", (s.header.d_lo + s.header.d_hi) / 2);
      colourBar(trf("plane_key.critic_lo", static_cast<double>(s.header.d_lo)).c_str(), mid,
                trf("plane_key.critic_hi", static_cast<double>(s.header.d_hi)).c_str());
    } else {
      ImGui::TextUnformatted(tr("plane_key.d"));
      colourBar(tr("plane_key.bar_lo"), tr("plane_key.bar_mid"), tr("plane_key.bar_hi"));
    }
  }
  if (layers.real_samples)
    entry({palette::kData, tr("plane_key.real"), plot::LegendEntry::Style::Dots});
  if (layers.fake_samples) {
    entry({palette::kGenerator, tr("plane_key.fake"), plot::LegendEntry::Style::Dots});
    if (layers.trails) {
      const std::string trails = trf("plane_key.trails", static_cast<int>(FakeTrails::kLength));
      entry({kTrailSwatch, trails.c_str(), plot::LegendEntry::Style::Line});
    }
  }
  if (layers.manifold) {
    entry({palette::kManifold, tr("plane_key.manifold"), plot::LegendEntry::Style::Line});
    note(trf("plane_key.manifold_range",
             tr(s.latent_dim >= 2 ? "plane_key.manifold_z12" : "plane_key.manifold_z"),
             static_cast<double>(s.manifold_z[0]), static_cast<double>(s.manifold_z[2]),
             s.latent_dim > 2 ? tr("plane_key.manifold_rest") : "")
             .c_str());
  }
  if (layers.gradient_field) {
    entry({palette::kPush, tr("plane_key.push"), plot::LegendEntry::Style::Arrow});
    const ArrowScale scale = pushArrowScale(s);
    note(scale.reference > 0
             ? trf("plane_key.push_scale", static_cast<double>(scale.reference)).c_str()
             : tr("plane_key.push_zero"));
  }
  if (layers.mode_centres && s.modes_total > 0) {
    entry({palette::kModeCentre, tr("plane_key.centres"), plot::LegendEntry::Style::Ring});
  }
}

}  // namespace ganscope
