// The class coverage scene: text lines, then the bars and the Fréchet plot side by side when
// the panel is wide, stacked when it is tall.
#include "app/scenes/class_coverage_scene.hpp"

#include <algorithm>
#include <cfloat>
#include <vector>

#include "app/i18n/strings.hpp"
#include "app/scenes/class_bars.hpp"
#include "app/scenes/palette.hpp"
#include "app/state/diversity_alarm.hpp"

namespace ganscope {
namespace {

/// A tooltip for the item just drawn.
void hint(const char* text) {
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", text);
}

/// The Fréchet distance at each evaluation, with its floor as a reference line.
void drawFrechetPlot(plot::PlotView& view, const ImageMetricHistory& history, float floor,
                     ImVec2 size) {
  double top = floor * 2.0 + 1e-6;
  for (const float f : history.frechet) top = std::max(top, static_cast<double>(f));
  const double x1 = history.steps.empty() ? 1 : std::max(1.0, history.steps.back());
  const plot::PlotView bounds{0, x1, 0, top * 1.1};
  plot::PlotOptions options;
  options.x_label = i18n::tr("coverage.frechet_x");
  options.fixed_y = true;
  const plot::ReferenceLine lines[] = {{floor, palette::kReference, i18n::tr("coverage.floor")}};
  options.references = lines;
  const plot::LegendEntry legend[] = {{palette::kGenerator, i18n::tr("coverage.frechet_legend")}};
  options.legend = legend;
  plot::PlotCanvas canvas("##frechet", size, view, bounds, options);
  std::vector<float> xs(history.steps.begin(), history.steps.end());
  canvas.line(xs, history.frechet, palette::kGenerator, 2);
  canvas.dots(xs, history.frechet, palette::kGenerator, 2.5f);
}

}  // namespace

void drawClassCoverage(const ImageFrame& frame, const ImageMetricHistory& history,
                       plot::PlotView& view, bool fashion, const ClassifierStatus& classifier) {
  const ImageMetrics& m = frame.metrics;
  ImGui::PushTextWrapPos(0);
  if (m.step < 0) {
    if (classifier.phase == ClassifierPhase::Failed) {
      ImGui::TextColored(palette::kError, "%s",
                         i18n::trf("coverage.classifier_failed", classifier.text.c_str()).c_str());
      ImGui::PopTextWrapPos();
      return;
    }
    // "Not ready" while it loads or trains; once it is ready only the first metrics are owed.
    if (classifier.phase != ClassifierPhase::Ready) {
      ImGui::TextColored(palette::kNote, "%s", i18n::tr("coverage.not_ready"));
    }
    switch (classifier.phase) {
      case ClassifierPhase::Loading:
        ImGui::TextDisabled("%s", i18n::tr("coverage.classifier_loading"));
        break;
      case ClassifierPhase::Training:
        ImGui::ProgressBar(classifier.progress, ImVec2(-FLT_MIN, 0),
                           i18n::trf("coverage.classifier_training",
                                     static_cast<double>(100 * classifier.progress))
                               .c_str());
        if (!classifier.text.empty()) ImGui::TextDisabled("%s", classifier.text.c_str());
        break;
      case ClassifierPhase::Ready:
        ImGui::TextDisabled("%s", i18n::tr("coverage.first_metrics"));
        break;
      case ClassifierPhase::None:
      case ClassifierPhase::Failed:
        break;
    }
    ImGui::PopTextWrapPos();
    return;
  }
  ImGui::TextUnformatted(i18n::trf("coverage.covered", m.classes_covered, m.classes,
                                   static_cast<double>(100 * kCoveredShare),
                                   static_cast<double>(m.class_kl))
                             .c_str());
  hint(i18n::trf("coverage.at_step", static_cast<long long>(m.step), m.samples).c_str());
  if (diversityAlarm(m)) {
    ImGui::TextColored(palette::kError, "%s",
                       i18n::trf("coverage.diversity_alarm", static_cast<double>(m.diversity),
                                 static_cast<double>(m.real_diversity),
                                 static_cast<double>(100 * kDiversityAlarmShare))
                           .c_str());
  } else {
    ImGui::TextUnformatted(i18n::trf("coverage.diversity", static_cast<double>(m.diversity),
                                     static_cast<double>(m.real_diversity))
                               .c_str());
  }
  hint(i18n::tr("coverage.diversity_hint"));
  ImGui::TextUnformatted(i18n::trf("coverage.frechet", static_cast<double>(m.frechet),
                                   static_cast<double>(m.frechet_floor))
                             .c_str());
  ImGui::TextUnformatted(i18n::trf("coverage.precision", static_cast<double>(m.precision),
                                   static_cast<double>(m.recall),
                                   static_cast<double>(100 * m.classifier_accuracy))
                             .c_str());
  ImGui::TextDisabled("%s", i18n::tr("coverage.not_fid"));
  ImGui::PopTextWrapPos();
  const ImVec2 avail = ImGui::GetContentRegionAvail();
  // Side by side when the panel is wide, stacked when it is tall.
  if (avail.x > avail.y * 1.6f) {
    const float half = (avail.x - ImGui::GetStyle().ItemSpacing.x) / 2;
    drawClassBars(m, fashion, ImVec2(half, avail.y));
    ImGui::SameLine();
    drawFrechetPlot(view, history, m.frechet_floor, ImVec2(half, avail.y));
  } else {
    const float bars = avail.y * 0.5f;
    drawClassBars(m, fashion, ImVec2(avail.x, bars));
    drawFrechetPlot(view, history, m.frechet_floor, ImGui::GetContentRegionAvail());
  }
}

}  // namespace ganscope
