// Losses panel: D and G loss over steps with their equilibrium values.
#include <cmath>

#include "app/palette.hpp"
#include "app/panels/panels.hpp"

namespace ganscope {

void drawLossesPanel(PanelContext& ctx) {
  const MetricStore& store = ctx.store;
  const auto steps = store.steps();
  const double log2 = std::log(2.0);
  const LossKind loss = ctx.session.config().hyper.loss;
  const double g_reference = loss == LossKind::NonSaturating ? log2 : -log2;
  plot::PlotView bounds{0, std::max(1.0, steps.empty() ? 1.0 : steps.back()), -1.0, 2.0};
  if (!steps.empty()) {
    // Fit y to the recent part of both series, but always keep the reference lines in view.
    const size_t recent = std::min<size_t>(steps.size(), 2000);
    double lo = std::min(g_reference, 2 * log2), hi = 2 * log2;
    for (Series series : {Series::DLoss, Series::GLoss}) {
      const auto values = store.series(series);
      for (size_t i = values.size() - recent; i < values.size(); ++i) {
        if (!std::isfinite(values[i])) continue;
        lo = std::min<double>(lo, values[i]);
        hi = std::max<double>(hi, values[i]);
      }
    }
    const double pad = 0.08 * (hi - lo);
    bounds.y0 = lo - pad;
    bounds.y1 = hi + pad;
  }
  plot::PlotOptions options;
  options.x_label = "step";
  plot::PlotCanvas canvas("##losses", ImGui::GetContentRegionAvail(), ctx.ui.losses_view, bounds,
                          options);
  canvas.horizontalLine(2 * log2, palette::kDiscriminator, true, "D: 2 log 2");
  canvas.horizontalLine(g_reference, palette::kGenerator, true,
                        loss == LossKind::NonSaturating ? "G: log 2" : "G: -log 2");
  canvas.decimatedLine(steps, store.series(Series::DLoss), palette::kDiscriminator, 1.5f);
  canvas.decimatedLine(steps, store.series(Series::GLoss), palette::kGenerator, 1.5f);
  const plot::LegendEntry legend[] = {
      {palette::kDiscriminator, "D loss"},
      {palette::kGenerator,
       loss == LossKind::NonSaturating ? "G loss -log D(G(z))" : "G loss log(1-D(G(z)))"}};
  canvas.legend(legend);
}

}  // namespace ganscope
