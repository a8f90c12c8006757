// Mode coverage panel (2-D data): how many of the mixture's modes G covers (>= 1% of the
// samples each, the one count the headline and the alarm use), the share of each mode as bars
// (collapse shows as one tall bar), and an alarm when coverage is low. Data without separate
// modes (a line, moons, a spiral, drawn points) gets the binned divergences.
#include <algorithm>
#include <string>

#include "app/i18n/strings.hpp"
#include "app/panels/panels.hpp"
#include "app/scenes/palette.hpp"
#include "app/state/mode_alarm.hpp"

namespace ganscope {

namespace {

class ModesPanel final : public Panel {
 protected:
  const char* title() const override { return i18n::tr("modes.title"); }
  void drawContent(PanelContext& ctx) override;
};

void ModesPanel::drawContent(PanelContext& ctx) {
  const PlaneFrame* s = ctx.run.store.frame<PlaneFrame>();
  if (!s) return;
  if (s->modes_total == 0) {
    ImGui::TextWrapped("%s", i18n::tr("modes.no_modes"));
    ImGui::TextWrapped(
        "%s", i18n::trf("modes.divergences", static_cast<double>(s->kl), static_cast<double>(s->js))
                  .c_str());
    return;
  }
  // "Covered": at least 1% of the samples, high-quality; "reached": any high-quality sample.
  // Wrapped, so a narrow panel (1024 px windows, large fonts) cuts no number off.
  ImGui::TextWrapped(
      "%s",
      i18n::trf("modes.covered", s->modes_covered_1pct, s->modes_total, s->modes_covered).c_str());
  hint(i18n::tr("modes.covered_hint"));
  ImGui::TextWrapped(
      "%s",
      i18n::trf("modes.quality", 100.0 * s->hq_fraction, static_cast<double>(s->mode_kl)).c_str());
  // The binned divergences as a line when the bars keep room, else in this line's tooltip.
  const std::string binned_text =
      i18n::trf("modes.binned", static_cast<double>(s->kl), static_cast<double>(s->js));
  const char* binned = binned_text.c_str();
  if (ImGui::GetContentRegionAvail().y >= ImGui::GetFontSize() * 12) {
    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
    ImGui::TextWrapped("%s", binned);
    ImGui::PopStyleColor();
  } else {
    hint(binned);
  }
  ImGui::PushTextWrapPos(0);  // the alarms wrap in a narrow panel
  const std::span<const float> shares(s->mode_share, s->modes_total);
  switch (modeAlarm(s->header.step, s->modes_covered_1pct, s->modes_total, shares)) {
    case ModeAlarm::WarmingUp:
      ImGui::TextDisabled(
          "%s",
          i18n::trf("modes.warming_up", static_cast<long long>(kModeAlarmWarmupSteps)).c_str());
      break;
    case ModeAlarm::Collapse:
      ImGui::TextColored(
          palette::kError, "%s",
          i18n::trf("modes.collapse", s->modes_covered_1pct, s->modes_total).c_str());
      break;
    case ModeAlarm::Concentrated:
      ImGui::TextColored(
          palette::kError, "%s",
          i18n::trf("modes.concentrate", 100.0 * *std::max_element(shares.begin(), shares.end()),
                    100.0 / s->modes_total)
              .c_str());
      break;
    case ModeAlarm::None:
      break;
  }
  ImGui::PopTextWrapPos();
  const float uniform = 1.0f / s->modes_total;
  float peak = 2 * uniform;
  for (int m = 0; m < s->modes_total; ++m) peak = std::max(peak, s->mode_share[m]);
  const plot::PlotView bounds{0, static_cast<double>(s->modes_total), 0, peak * 1.1};
  plot::PlotOptions options;
  options.x_label = i18n::tr("modes.x");
  options.fixed_y = true;
  const plot::ReferenceLine fair[] = {{uniform, palette::kReference, i18n::tr("modes.uniform")}};
  options.references = fair;
  plot::PlotCanvas canvas("##modes", ImGui::GetContentRegionAvail(), ctx.views.modes, bounds,
                          options);
  canvas.bars(std::span<const float>(s->mode_share, s->modes_total), 0, s->modes_total,
              palette::kGeneratorFill, palette::kGenerator);
}

}  // namespace

std::unique_ptr<Panel> makeModesPanel() {
  return std::make_unique<ModesPanel>();
}

}  // namespace ganscope
