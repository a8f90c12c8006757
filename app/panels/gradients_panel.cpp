// Gradient norms panel: per step, the L2 norm of the gradient G's loss gives G's weights and of
// D's loss over D's weights, on a log axis, so a saturating loss shows G's gradient vanishing
// while D is confident. While comparing, both runs' curves in one plot, the second lighter.
#include <cmath>
#include <string>

#include "app/i18n/strings.hpp"
#include "app/panels/flow_text.hpp"
#include "app/panels/panels.hpp"
#include "app/scenes/palette.hpp"

namespace ganscope {
namespace {

class GradientsPanel final : public Panel {
 protected:
  const char* title() const override { return i18n::tr("gradients.title"); }
  void drawContent(PanelContext& ctx) override;
};

/// A colour as ImGui's text colour.
ImVec4 textColor(ImU32 color) {
  return ImGui::ColorConvertU32ToFloat4(color);
}

/// The newest norms of `run` in their curves' colours (the plot's legend, one line per run; the
/// second run's lighter and named).
void drawNewestNorms(const PanelContext& ctx, size_t i) {
  const MetricStore& store = ctx.runs[i]->store;
  const StepStats& last = store.last();
  // Flowed, so a narrow panel breaks the line between the items, never inside one.
  bool first = true;
  const auto item = [&](const std::string& text, ImVec4 color) {
    flow(ImGui::CalcTextSize(text.c_str()).x, first);
    first = false;
    ImGui::TextColored(color, "%s", text.c_str());
  };
  if (ctx.comparing()) item(ctx.runs[i]->name() + ":", ImGui::GetStyleColorVec4(ImGuiCol_Text));
  item(i18n::trf("gradients.g", static_cast<double>(last.g_grad_norm)),
       textColor(i == 0 ? palette::kGenerator : palette::kGeneratorSecond));
  item(i18n::trf("gradients.d", static_cast<double>(last.d_grad_norm)),
       textColor(i == 0 ? palette::kDiscriminator : palette::kDiscriminatorSecond));
  hint(i18n::tr("gradients.hint"));
  if (!store.empty() && (last.g_grad_norm == 0 || last.d_grad_norm == 0)) {
    item(i18n::tr("gradients.zero"), ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
  }
}

void GradientsPanel::drawContent(PanelContext& ctx) {
  for (size_t i = 0; i < ctx.runs.size(); ++i) drawNewestNorms(ctx, i);
  // Fit y to whole decades around the recent part of every run's series, at least two.
  double last_step = 1.0, lo = INFINITY, hi = -INFINITY;
  for (const RunView* run : ctx.runs) {
    const auto steps = run->store.steps();
    if (steps.empty()) continue;
    last_step = std::max(last_step, steps.back());
    const size_t recent = std::min<size_t>(steps.size(), 2000);
    for (Series series : {Series::GGradLog10, Series::DGradLog10}) {
      const auto values = run->store.series(series);
      for (size_t i = values.size() - recent; i < values.size(); ++i) {
        if (!std::isfinite(values[i])) continue;
        lo = std::min<double>(lo, values[i]);
        hi = std::max<double>(hi, values[i]);
      }
    }
  }
  plot::PlotView bounds{0, last_step, -3, 1};
  if (lo <= hi) {
    bounds.y0 = std::floor(lo);
    bounds.y1 = std::max(std::ceil(hi), bounds.y0 + 2);
  }
  plot::PlotOptions options;
  options.x_label = i18n::tr("plot.step");
  options.y_log10 = true;
  plot::PlotCanvas canvas("##gradients", ImGui::GetContentRegionAvail(), ctx.views.gradients,
                          bounds, options);
  drawRunsLines(canvas, ctx, Series::DGradLog10,
                {palette::kDiscriminator, palette::kDiscriminatorSecond, nullptr, nullptr},
                Series::GGradLog10,
                {palette::kGenerator, palette::kGeneratorSecond, nullptr, nullptr});
}

}  // namespace

std::unique_ptr<Panel> makeGradientsPanel() {
  return std::make_unique<GradientsPanel>();
}

}  // namespace ganscope
