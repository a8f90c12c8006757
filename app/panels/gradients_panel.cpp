// Gradient norms panel: per step, the L2 norm of the gradient G's loss gives G's weights and of
// D's loss over D's weights, on a log axis, so a saturating loss shows G's gradient vanishing
// while D is confident. While comparing, both runs' curves in one plot, the second lighter.
#include <cmath>

#include "app/panels/panels.hpp"
#include "app/scenes/palette.hpp"

namespace ganscope {
namespace {

class GradientsPanel final : public Panel {
 protected:
  const char* title() const override { return "Gradient norms |grad G|, |grad D| (log scale)"; }
  void drawContent(PanelContext& ctx) override;
};

void GradientsPanel::drawContent(PanelContext& ctx) {
  const StepStats& last = ctx.run.store.last();
  ImGui::Text("last step: G %.2g   D %.2g", last.g_grad_norm, last.d_grad_norm);
  if (!ctx.run.store.empty() && (last.g_grad_norm == 0 || last.d_grad_norm == 0)) {
    ImGui::SameLine();
    ImGui::TextDisabled("(exactly 0: no point on a log axis)");
  }
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
  options.x_label = "step";
  options.y_log10 = true;
  plot::PlotCanvas canvas("##gradients", ImGui::GetContentRegionAvail(), ctx.views.gradients,
                          bounds, options);
  // The second run first and lighter, so the first run's lines stay on top.
  for (size_t i = ctx.runs.size(); i-- > 0;) {
    const MetricStore& store = ctx.runs[i]->store;
    canvas.decimatedLine(store.steps(), store.series(Series::DGradLog10),
                         i == 0 ? palette::kDiscriminator : palette::kDiscriminatorSecond, 1.5f);
    canvas.decimatedLine(store.steps(), store.series(Series::GGradLog10),
                         i == 0 ? palette::kGenerator : palette::kGeneratorSecond, 1.5f);
  }
  drawRunsLegend(
      canvas, ctx,
      {palette::kDiscriminator, palette::kDiscriminatorSecond, "|grad D| (last D update)",
       "|grad D|"},
      {palette::kGenerator, palette::kGeneratorSecond, "|grad G| of G's loss", "|grad G|"});
}

}  // namespace

std::unique_ptr<Panel> makeGradientsPanel() {
  return std::make_unique<GradientsPanel>();
}

}  // namespace ganscope
