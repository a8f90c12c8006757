// Losses panel: D and G loss over steps, with their equilibrium values for the losses of the
// original paper (minimax and non-saturating; the others have no fixed equilibrium value).
#include <cmath>

#include "app/scenes/palette.hpp"
#include "app/panels/panels.hpp"

namespace ganscope {
namespace {

const char* generatorLossLabel(LossKind loss) {
  switch (loss) {
    case LossKind::Minimax:
      return "G loss log(1-D(G(z)))";
    case LossKind::NonSaturating:
      return "G loss -log D(G(z))";
    case LossKind::WganClip:
    case LossKind::WganGp:
    case LossKind::Hinge:
      return "G loss -critic(G(z))";
    case LossKind::LeastSquares:
      return "G loss (D(G(z)) - 1)^2 / 2";
  }
  return "G loss";
}

void drawLossesPanel(PanelContext& ctx) {
  const MetricStore& store = ctx.store;
  const auto steps = store.steps();
  const double log2 = std::log(2.0);
  // The loss the newest step ran with (not the latest one sent, which may still be in flight).
  const LossKind loss = store.last().loss;
  const bool references = outputIsProbability(loss);
  const double g_reference = loss == LossKind::NonSaturating ? log2 : -log2;
  plot::PlotView bounds{0, std::max(1.0, steps.empty() ? 1.0 : steps.back()), -1.0, 2.0};
  if (!steps.empty()) {
    // Fit y to the recent part of both series, but always keep the reference lines in view.
    const size_t recent = std::min<size_t>(steps.size(), 2000);
    double lo = references ? std::min(g_reference, 2 * log2) : INFINITY;
    double hi = references ? 2 * log2 : -INFINITY;
    for (Series series : {Series::DLoss, Series::GLoss}) {
      const auto values = store.series(series);
      for (size_t i = values.size() - recent; i < values.size(); ++i) {
        if (!std::isfinite(values[i])) continue;
        lo = std::min<double>(lo, values[i]);
        hi = std::max<double>(hi, values[i]);
      }
    }
    if (lo < hi) {
      const double pad = 0.08 * (hi - lo);
      bounds.y0 = lo - pad;
      bounds.y1 = hi + pad;
    }
  }
  plot::PlotOptions options;
  options.x_label = "step";
  plot::PlotCanvas canvas("##losses", ImGui::GetContentRegionAvail(), ctx.ui.losses_view, bounds,
                          options);
  if (references) {
    canvas.horizontalLine(2 * log2, palette::kDiscriminator, true, "D: 2 log 2");
    canvas.horizontalLine(g_reference, palette::kGenerator, true,
                          loss == LossKind::NonSaturating ? "G: log 2" : "G: -log 2");
  }
  canvas.decimatedLine(steps, store.series(Series::DLoss), palette::kDiscriminator, 1.5f);
  canvas.decimatedLine(steps, store.series(Series::GLoss), palette::kGenerator, 1.5f);
  const plot::LegendEntry legend[] = {{palette::kDiscriminator, "D loss (with penalties)"},
                                      {palette::kGenerator, generatorLossLabel(loss)}};
  canvas.legend(legend);
}

class LossesPanel final : public Panel {
 protected:
  const char* title() const override { return "Losses"; }
  void drawContent(PanelContext& ctx) override { drawLossesPanel(ctx); }
};

}  // namespace

std::unique_ptr<Panel> makeLossesPanel() {
  return std::make_unique<LossesPanel>();
}

}  // namespace ganscope
