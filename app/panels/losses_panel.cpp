// Losses panel: D and G loss over steps, with their equilibrium values for the losses of the
// original paper (minimax and non-saturating; the others have no fixed equilibrium value).
// While comparing, both runs' curves in one plot, the second lighter.
#include <cmath>
#include <string>

#include "app/i18n/strings.hpp"
#include "app/panels/panels.hpp"
#include "app/scenes/palette.hpp"

namespace ganscope {
namespace {

const char* generatorLossLabel(LossKind loss) {
  switch (loss) {
    case LossKind::Minimax:
      return i18n::tr("losses.g_minimax");
    case LossKind::NonSaturating:
      return i18n::tr("losses.g_non_saturating");
    case LossKind::WganClip:
    case LossKind::WganGp:
    case LossKind::Hinge:
      return i18n::tr("losses.g_critic");
    case LossKind::LeastSquares:
      return i18n::tr("losses.g_least_squares");
  }
  return i18n::tr("losses.g");
}

class LossesPanel final : public Panel {
 protected:
  const char* title() const override { return i18n::tr("losses.title"); }
  void drawContent(PanelContext& ctx) override;
};

void LossesPanel::drawContent(PanelContext& ctx) {
  // The loss the first run's newest step ran with (not the latest one sent, which may still be
  // in flight); a second run with another loss has its own references, so none are drawn then.
  const LossKind loss = ctx.runs.front()->store.last().loss;
  bool same_loss = true;
  for (const RunView* run : ctx.runs) same_loss = same_loss && run->store.last().loss == loss;
  const bool references = same_loss && outputIsProbability(loss);
  const double log2 = std::log(2.0);
  const double g_reference = loss == LossKind::NonSaturating ? log2 : -log2;
  double last_step = 1.0;
  // Fit y to the recent part of every run's series, but always keep the reference lines in view.
  double lo = references ? std::min(g_reference, 2 * log2) : INFINITY;
  double hi = references ? 2 * log2 : -INFINITY;
  for (const RunView* run : ctx.runs) {
    const auto steps = run->store.steps();
    if (steps.empty()) continue;
    last_step = std::max(last_step, steps.back());
    const size_t recent = std::min<size_t>(steps.size(), 2000);
    for (Series series : {Series::DLoss, Series::GLoss}) {
      const auto values = run->store.series(series);
      for (size_t i = values.size() - recent; i < values.size(); ++i) {
        if (!std::isfinite(values[i])) continue;
        lo = std::min<double>(lo, values[i]);
        hi = std::max<double>(hi, values[i]);
      }
    }
  }
  plot::PlotView bounds{0, last_step, -1.0, 2.0};
  if (lo < hi) {
    const double pad = 0.08 * (hi - lo);
    bounds.y0 = lo - pad;
    bounds.y1 = hi + pad;
  }
  plot::PlotOptions options;
  options.x_label = i18n::tr("plot.step");
  const plot::ReferenceLine lines[] = {
      {2 * log2, palette::kDiscriminator, i18n::tr("losses.ref_d")},
      {g_reference, palette::kGenerator,
       i18n::tr(loss == LossKind::NonSaturating ? "losses.ref_g_non_saturating"
                                                : "losses.ref_g_minimax")}};
  if (references) options.references = lines;
  const RunSeries d{palette::kDiscriminator, palette::kDiscriminatorSecond,
                    i18n::tr("losses.d_full"), i18n::tr("losses.d")};
  const RunSeries g{palette::kGenerator, palette::kGeneratorSecond, generatorLossLabel(loss),
                    i18n::tr("losses.g")};
  std::array<std::string, 4> names;
  const std::vector<plot::LegendEntry> legend = runsLegend(ctx, d, g, names);
  options.legend = legend;
  plot::PlotCanvas canvas("##losses", ImGui::GetContentRegionAvail(), ctx.views.losses, bounds,
                          options);
  drawRunsLines(canvas, ctx, Series::DLoss, d, Series::GLoss, g);
}

}  // namespace

std::unique_ptr<Panel> makeLossesPanel() {
  return std::make_unique<LossesPanel>();
}

}  // namespace ganscope
