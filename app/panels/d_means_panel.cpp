// D means panel: mean D(x) and D(G(z)) per step, drifting toward 1/2 as the game settles; for a
// critic (WGAN, hinge) the mean scores, whose gap is the Wasserstein estimate. Above the plot, a
// balance warning when D or G has been winning for many steps (probabilities only). While
// comparing, both runs' curves in one plot, the second lighter.
#include <cmath>
#include <string>

#include "app/i18n/strings.hpp"
#include "app/panels/panels.hpp"
#include "app/scenes/palette.hpp"
#include "app/state/balance_monitor.hpp"

namespace ganscope {

namespace {

/// The balance warning of `run` (prefixed by its name while comparing), if it has one. A critic's
/// scores have no fixed scale to judge, so only probability outputs get one.
void drawBalanceWarning(const PanelContext& ctx, const RunView& run) {
  if (!outputIsProbability(run.store.last().loss)) return;
  const BalanceVerdict verdict = judgeBalance(run.store.steps(), run.store.series(Series::DReal),
                                              run.store.series(Series::DFake));
  if (verdict.balance == Balance::Even) return;
  const std::string who = ctx.comparing() ? run.name() + ": " : std::string();
  const char* what =
      i18n::tr(verdict.balance == Balance::DWinning ? "d_means.d_winning" : "d_means.g_winning");
  const std::string text =
      i18n::trf("d_means.balance", who.c_str(), what, static_cast<double>(verdict.real_mean),
                static_cast<double>(verdict.fake_mean), static_cast<long long>(verdict.steps));
  ImGui::PushStyleColor(ImGuiCol_Text, palette::kNote);
  ImGui::TextWrapped("%s", text.c_str());
  ImGui::PopStyleColor();
}

class DMeansPanel final : public Panel {
 protected:
  const char* title() const override { return i18n::tr("d_means.title"); }
  void drawContent(PanelContext& ctx) override;
};

void DMeansPanel::drawContent(PanelContext& ctx) {
  // The loss the newest step ran with (not the latest one sent, which may still be in flight).
  bool probability = true;
  double last_step = 1.0;
  for (const RunView* run : ctx.runs) {
    probability = probability && outputIsProbability(run->store.last().loss);
    if (!run->store.empty()) last_step = std::max(last_step, run->store.steps().back());
  }
  for (const RunView* run : ctx.runs) drawBalanceWarning(ctx, *run);
  plot::PlotView bounds{0, last_step, -0.02, 1.02};
  if (!probability) {  // raw scores: fit y to every run's recent values
    bounds.y0 = INFINITY;
    bounds.y1 = -INFINITY;
    for (const RunView* run : ctx.runs) {
      for (Series series : {Series::DReal, Series::DFake}) {
        const auto values = run->store.series(series);
        for (size_t i = values.size() - std::min<size_t>(values.size(), 2000); i < values.size();
             ++i) {
          if (!std::isfinite(values[i])) continue;
          bounds.y0 = std::min<double>(bounds.y0, values[i]);
          bounds.y1 = std::max<double>(bounds.y1, values[i]);
        }
      }
    }
    if (!(bounds.y0 < bounds.y1)) bounds.y0 = -1, bounds.y1 = 1;
    const double pad = 0.08 * (bounds.y1 - bounds.y0);
    bounds.y0 -= pad;
    bounds.y1 += pad;
  }
  plot::PlotOptions options;
  options.x_label = i18n::tr("plot.step");
  options.fixed_y = probability;
  const plot::ReferenceLine half[] = {{0.5, palette::kReference, i18n::tr("d_means.half")}};
  if (probability) options.references = half;
  const char* real = i18n::tr(probability ? "d_means.real" : "d_means.real_score");
  const char* fake = i18n::tr(probability ? "d_means.fake" : "d_means.fake_score");
  const RunSeries real_series{palette::kData, palette::kDataSecond, real,
                              i18n::tr("d_means.real_short")};
  const RunSeries fake_series{palette::kGenerator, palette::kGeneratorSecond, fake,
                              i18n::tr("d_means.fake_short")};
  std::array<std::string, 4> names;
  const std::vector<plot::LegendEntry> legend = runsLegend(ctx, real_series, fake_series, names);
  options.legend = legend;
  plot::PlotCanvas canvas("##dmeans", ImGui::GetContentRegionAvail(), ctx.views.d_means, bounds,
                          options);
  drawRunsLines(canvas, ctx, Series::DReal, real_series, Series::DFake, fake_series);
}

}  // namespace

std::unique_ptr<Panel> makeDMeansPanel() {
  return std::make_unique<DMeansPanel>();
}

}  // namespace ganscope
