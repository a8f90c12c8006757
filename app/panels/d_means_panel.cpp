// D means panel: mean D(x) and D(G(z)) per step, drifting toward 1/2 as the game settles.
#include "app/palette.hpp"
#include "app/panels/panels.hpp"

namespace ganscope {

void drawDMeansPanel(PanelContext& ctx) {
  const auto steps = ctx.store.steps();
  const plot::PlotView bounds{0, std::max(1.0, steps.empty() ? 1.0 : steps.back()), -0.02, 1.02};
  plot::PlotOptions options;
  options.x_label = "step";
  options.fixed_y = true;
  plot::PlotCanvas canvas("##dmeans", ImGui::GetContentRegionAvail(), ctx.ui.d_means_view, bounds,
                          options);
  canvas.horizontalLine(0.5, palette::kReference, true, "1/2");
  canvas.decimatedLine(steps, ctx.store.series(Series::DReal), palette::kData, 1.5f);
  canvas.decimatedLine(steps, ctx.store.series(Series::DFake), palette::kGenerator, 1.5f);
  const plot::LegendEntry legend[] = {{palette::kData, "mean D(x), real"},
                                      {palette::kGenerator, "mean D(G(z)), fake"}};
  canvas.legend(legend);
}

}  // namespace ganscope
