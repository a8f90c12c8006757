// Status bar: run state (with what Space does next), step, rate, the pace, a slow-step warning,
// lost telemetry and, when the pace promises every step, how many frames the UI shows.
#include <string>

#include "app/i18n/divergence_text.hpp"
#include "app/i18n/strings.hpp"
#include "app/panels/panels.hpp"
#include "app/scenes/palette.hpp"
#include "app/state/speed_limit.hpp"
#include "core/config/step_cost.hpp"

namespace ganscope {

namespace {

constexpr double kStaleRateSeconds = 1.0;  // no step for this long: the rate reads 0
constexpr double kEveryStepHz = 30;        // SessionOptions::frame_hz: at or below, every step
                                           // sends its frame

class StatusBar final : public Panel {
 protected:
  const char* title() const override { return i18n::tr("status.title"); }
  ImGuiWindowFlags flags() const override {
    return ImGuiWindowFlags_NoTitleBar | ImGuiWindowFlags_NoScrollbar;
  }
  void drawContent(PanelContext& ctx) override;
};

void StatusBar::drawContent(PanelContext& ctx) {
  const SessionStatus& st = ctx.run.status;
  switch (st.state) {
    case RunState::Running:
      ImGui::TextColored(ImVec4(0, 0.5f, 0.15f, 1), "%s", i18n::tr("status.running"));
      break;
    case RunState::Paused:
      if (st.at_pause_step) {
        ImGui::TextColored(
            palette::kNote, "%s",
            i18n::trf("status.paused_at_steps", static_cast<long long>(st.step)).c_str());
      } else if (st.step == 0) {
        ImGui::TextColored(palette::kNote, "%s", i18n::tr("status.paused_start"));
      } else {
        ImGui::TextColored(palette::kNote, "%s", i18n::tr("status.paused"));
      }
      break;
    case RunState::Diverged:
      ImGui::TextColored(palette::kError, "%s",
                         i18n::trf("status.diverged",
                                   i18n::divergenceText(st.diverged_why, st.diverged_at).c_str())
                             .c_str());
      break;
    case RunState::Failed:
      ImGui::TextColored(palette::kError, "%s", i18n::tr("status.failed"));
      break;
  }
  // Each run's step and rate (the name first while comparing), then the pace and the UI's rate.
  for (const RunView* run : ctx.runs) {
    const SessionStatus& status = run->status;
    // A rate from steps that ended a while ago would be stale: no recent step reads 0.
    const bool stepping =
        status.state == RunState::Running && status.seconds_since_step < kStaleRateSeconds;
    ImGui::SameLine();
    ImGui::TextUnformatted(i18n::trf("status.run", ctx.comparing() ? run->name().c_str() : "",
                                     ctx.comparing() ? ": " : "",
                                     static_cast<long long>(status.step),
                                     stepping ? run->store.stepsPerSecond() : 0.0)
                               .c_str());
    if (status.dropped_stats > 0) {  // real telemetry loss: the curves have gaps
      ImGui::SameLine();
      ImGui::TextColored(
          palette::kError, "%s",
          i18n::trf("status.lost", static_cast<unsigned long long>(status.dropped_stats)).c_str());
    }
    // Frames the UI is too slow to show are normal; they matter only when the pace promises
    // every step, and then only when most are skipped.
    const uint64_t made = status.frames_sent + status.dropped_frames;
    const bool every_step = ctx.ui.speed_limit > 0 && ctx.ui.speed_limit <= kEveryStepHz;
    if (every_step && status.dropped_frames * 2 > made && status.frames_sent > 0) {
      ImGui::SameLine();
      ImGui::TextColored(palette::kNote, "%s",
                         i18n::trf("status.showing", static_cast<double>(made) /
                                                         static_cast<double>(status.frames_sent))
                             .c_str());
    }
  }
  ImGui::SameLine();
  if (ctx.ui.speed_limit > 0) {
    ImGui::TextUnformatted(i18n::trf("status.limit", ctx.ui.speed_limit).c_str());
  } else {
    ImGui::TextUnformatted(i18n::tr("status.limit_max"));
  }
  // Before a very slow step starts (and while it runs), say so.
  const double seconds = estimatedStepSeconds(ctx.run.session().config());
  if (seconds >= kSlowStepSeconds) {
    ImGui::SameLine();
    const std::string warning = seconds < 120    ? i18n::trf("status.step_cost_s", seconds)
                                : seconds < 7200 ? i18n::trf("status.step_cost_min", seconds / 60)
                                                 : i18n::trf("status.step_cost_h", seconds / 3600);
    ImGui::TextColored(palette::kError, "%s", warning.c_str());
    hint(i18n::tr("status.step_cost_hint"));
  }
  // The UI's rate and the BLAS last, as much of them as the line has room for (a narrow window,
  // a long text in another language), the whole in a tooltip when shortened.
  ImGui::SameLine();
  const std::string full = i18n::trf("status.ui", ctx.ui_fps, ctx.blas.c_str());
  const std::string brief = i18n::trf("status.ui_fps", ctx.ui_fps);
  const float room = ImGui::GetContentRegionAvail().x;
  if (ImGui::CalcTextSize(full.c_str()).x <= room) {
    ImGui::TextUnformatted(full.c_str());
  } else if (ImGui::CalcTextSize(brief.c_str()).x <= room) {
    ImGui::TextUnformatted(brief.c_str());
    hint(full.c_str());
  }
}

}  // namespace

std::unique_ptr<Panel> makeStatusBar() {
  return std::make_unique<StatusBar>();
}

}  // namespace ganscope
