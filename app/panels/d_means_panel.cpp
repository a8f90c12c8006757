// D means panel: mean D(x) and D(G(z)) per step, drifting toward 1/2 as the game settles; for a
// critic (WGAN, hinge) the mean scores, whose gap is the Wasserstein estimate.
#include <cmath>

#include "app/scenes/palette.hpp"
#include "app/panels/panels.hpp"

namespace ganscope {

namespace {

void drawDMeansPanel(PanelContext& ctx) {
  const auto steps = ctx.store.steps();
  // The loss the newest step ran with (not the latest one sent, which may still be in flight).
  const bool probability = outputIsProbability(ctx.store.last().loss);
  plot::PlotView bounds{0, std::max(1.0, steps.empty() ? 1.0 : steps.back()), -0.02, 1.02};
  if (!probability && !steps.empty()) {  // raw scores: fit y to the recent values
    bounds.y0 = INFINITY;
    bounds.y1 = -INFINITY;
    for (Series series : {Series::DReal, Series::DFake}) {
      const auto values = ctx.store.series(series);
      for (size_t i = values.size() - std::min<size_t>(values.size(), 2000); i < values.size();
           ++i) {
        if (!std::isfinite(values[i])) continue;
        bounds.y0 = std::min<double>(bounds.y0, values[i]);
        bounds.y1 = std::max<double>(bounds.y1, values[i]);
      }
    }
    if (!(bounds.y0 < bounds.y1)) bounds.y0 = -1, bounds.y1 = 1;
    const double pad = 0.08 * (bounds.y1 - bounds.y0);
    bounds.y0 -= pad;
    bounds.y1 += pad;
  }
  plot::PlotOptions options;
  options.x_label = "step";
  options.fixed_y = probability;
  plot::PlotCanvas canvas("##dmeans", ImGui::GetContentRegionAvail(), ctx.ui.d_means_view, bounds,
                          options);
  if (probability) canvas.horizontalLine(0.5, palette::kReference, true, "1/2");
  canvas.decimatedLine(steps, ctx.store.series(Series::DReal), palette::kData, 1.5f);
  canvas.decimatedLine(steps, ctx.store.series(Series::DFake), palette::kGenerator, 1.5f);
  const plot::LegendEntry legend[] = {
      {palette::kData, probability ? "mean D(x), real" : "mean score D(x), real"},
      {palette::kGenerator, probability ? "mean D(G(z)), fake" : "mean score D(G(z)), fake"}};
  canvas.legend(legend);
}

class DMeansPanel final : public Panel {
 protected:
  const char* title() const override { return "Mean D(x) and D(G(z))"; }
  void drawContent(PanelContext& ctx) override { drawDMeansPanel(ctx); }
};

}  // namespace

std::unique_ptr<Panel> makeDMeansPanel() {
  return std::make_unique<DMeansPanel>();
}

}  // namespace ganscope
