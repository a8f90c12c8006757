// D histogram panel: where D puts real and fake samples on [0, 1] right now (a critic's scores
// rescaled to the range the picture uses, without the 1/2 line that only a probability has),
// from the newest frame of any kind that carries D's histograms (1-D and images).
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

/// The newest frame's D histograms (any frame kind that has them), or nullptr.
struct Histograms {
  const FrameHeader* header = nullptr;
  const float* real = nullptr;
  const float* fake = nullptr;
};
Histograms newestHistograms(const MetricStore& store) {
  Histograms h;
  store.visitNewest([&](const auto& frame) {
    if constexpr (requires {
                    frame.hist_real;
                    frame.hist_fake;
                  }) {
      h = {&frame.header, frame.hist_real, frame.hist_fake};
    }
  });
  return h;
}

void DHistogramPanel::drawContent(PanelContext& ctx) {
  const Histograms s = newestHistograms(ctx.run.store);
  float peak = 0.2f;
  if (s.header) {
    for (int i = 0; i < kHistBins; ++i) peak = std::max({peak, s.real[i], s.fake[i]});
  }
  const plot::PlotView bounds{0, 1, 0, peak * 1.1};
  plot::PlotOptions options;
  const bool critic = s.header && s.header->d_normalised;
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
  if (!s.header) return;
  canvas.bars(std::span<const float>(s.real, kHistBins), 0, 1, palette::kDataFill, palette::kData);
  canvas.bars(std::span<const float>(s.fake, kHistBins), 0, 1, palette::kGeneratorFill,
              palette::kGenerator);
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
