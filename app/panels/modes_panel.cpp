// Mode coverage panel (2-D data): how many of the mixture's modes G covers (>= 1% of the
// samples each, the one count the headline and the alarm use), the share of each mode as bars
// (collapse shows as one tall bar), and an alarm when coverage is low. Data without separate
// modes (a line, moons, a spiral, drawn points) gets the binned divergences.
#include <algorithm>
#include <cstdio>

#include "app/panels/panels.hpp"
#include "app/scenes/palette.hpp"
#include "app/state/mode_alarm.hpp"

namespace ganscope {

namespace {

class ModesPanel final : public Panel {
 protected:
  const char* title() const override { return "Mode coverage"; }
  void drawContent(PanelContext& ctx) override;
};

void ModesPanel::drawContent(PanelContext& ctx) {
  const PlaneFrame* s = ctx.run.store.frame<PlaneFrame>();
  if (!s) return;
  if (s->modes_total == 0) {
    ImGui::TextWrapped(
        "This data has no separate modes to count. How far G is from it, on a 32 x 32 grid "
        "over the view:");
    ImGui::TextWrapped("KL(p_data || p_g) %.3f nats   JSD %.3f nats (at most log 2 = 0.693)", s->kl,
                       s->js);
    return;
  }
  // "Covered": at least 1% of the samples, high-quality; "reached": any high-quality sample.
  // Wrapped, so a narrow panel (1024 px windows, large fonts) cuts no number off.
  ImGui::TextWrapped("modes covered %d / %d   (reached by any sample: %d)", s->modes_covered_1pct,
                     s->modes_total, s->modes_covered);
  hint(
      "covered: a mode holds >= 1% of G's samples within 3 std of its centre; reached: it holds "
      "at least one");
  ImGui::TextWrapped("high quality %.1f%%   KL(share || uniform) %.3f", 100 * s->hq_fraction,
                     s->mode_kl);
  // The binned divergences as a line when the bars keep room, else in this line's tooltip.
  char binned[96];
  std::snprintf(binned, sizeof(binned), "binned on the view: KL(p_data || p_g) %.3f   JSD %.3f",
                s->kl, s->js);
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
      ImGui::TextDisabled("no verdict on collapse before step %lld",
                          static_cast<long long>(kModeAlarmWarmupSteps));
      break;
    case ModeAlarm::Collapse:
      ImGui::TextColored(palette::kError, "Mode collapse: G covers only %d of %d modes",
                         s->modes_covered_1pct, s->modes_total);
      break;
    case ModeAlarm::Concentrated:
      ImGui::TextColored(
          palette::kError, "Shares concentrate: one mode holds %.0f%% (fair: %.0f%%)",
          100 * *std::max_element(shares.begin(), shares.end()), 100.0f / s->modes_total);
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
  options.x_label = "mode";
  options.fixed_y = true;
  const plot::ReferenceLine fair[] = {{uniform, palette::kReference, "uniform"}};
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
