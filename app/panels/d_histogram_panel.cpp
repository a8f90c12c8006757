// D histogram panel: where D puts real and fake samples on [0, 1] right now (a critic's scores
// rescaled to the range the picture uses, without the 1/2 line that only a probability has).
#include <algorithm>

#include "app/i18n/strings.hpp"
#include "app/panels/panels.hpp"
#include "app/scenes/palette.hpp"

namespace ganscope {

namespace {

class DHistogramPanel final : public Panel {
 protected:
  const char* title() const override { return i18n::tr("d_histogram.title"); }
  void drawContent(PanelContext& ctx) override;
};

void DHistogramPanel::drawContent(PanelContext& ctx) {
  const Figure1Frame* s = ctx.run.store.frame<Figure1Frame>();
  float peak = 0.2f;
  if (s) {
    for (int i = 0; i < kHistBins; ++i) peak = std::max({peak, s->hist_real[i], s->hist_fake[i]});
  }
  const plot::PlotView bounds{0, 1, 0, peak * 1.1};
  plot::PlotOptions options;
  const bool critic = s && s->header.d_normalised;
  options.x_label = i18n::tr(critic ? "d_histogram.x_critic" : "d_histogram.x_probability");
  options.fixed_y = true;
  const plot::LegendEntry legend[] = {
      {palette::kDataFill, i18n::tr("d_histogram.real"), plot::LegendEntry::Style::Box,
       i18n::tr("d_histogram.real_short")},
      {palette::kGeneratorFill, i18n::tr("d_histogram.fake"), plot::LegendEntry::Style::Box,
       i18n::tr("d_histogram.fake_short")}};
  options.legend = legend;
  plot::PlotCanvas canvas("##dhist", ImGui::GetContentRegionAvail(), ctx.views.histogram, bounds,
                          options);
  if (!s) return;
  canvas.bars(s->hist_real, 0, 1, palette::kDataFill, palette::kData);
  canvas.bars(s->hist_fake, 0, 1, palette::kGeneratorFill, palette::kGenerator);
  if (!critic) {
    const float half[] = {0.5f, 0.5f}, span[] = {0.0f, static_cast<float>(peak * 2)};
    canvas.dashedLine(half, span, palette::kReference, 1.5f);
  }
}

}  // namespace

std::unique_ptr<Panel> makeDHistogramPanel() {
  return std::make_unique<DHistogramPanel>();
}

}  // namespace ganscope
