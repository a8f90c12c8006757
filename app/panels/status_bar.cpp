// Status bar: run state (with what Space does next), step, rate, the pace, a slow-step warning,
// lost telemetry and, when the pace promises every step, how many frames the UI shows.
#include <string>

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
  const char* title() const override { return "status"; }
  ImGuiWindowFlags flags() const override {
    return ImGuiWindowFlags_NoTitleBar | ImGuiWindowFlags_NoScrollbar;
  }
  void drawContent(PanelContext& ctx) override;
};

void StatusBar::drawContent(PanelContext& ctx) {
  const SessionStatus& st = ctx.run.status;
  switch (st.state) {
    case RunState::Running:
      ImGui::TextColored(ImVec4(0, 0.5f, 0.15f, 1), "RUNNING");
      break;
    case RunState::Paused:
      if (st.at_pause_step) {
        ImGui::TextColored(palette::kNote,
                           "PAUSED: reached the preset's %lld steps: Space continues",
                           static_cast<long long>(st.step));
      } else if (st.step == 0) {
        ImGui::TextColored(palette::kNote, "PAUSED: press Space to start");
      } else {
        ImGui::TextColored(palette::kNote, "PAUSED");
      }
      break;
    case RunState::Diverged:
      ImGui::TextColored(palette::kError, "DIVERGED: %s",
                         describeDivergence(st.diverged_why, st.diverged_at).c_str());
      break;
    case RunState::Failed:
      ImGui::TextColored(palette::kError, "FAILED");
      break;
  }
  // Each run's step and rate (the name first while comparing), then the pace and the UI's rate.
  for (const RunView* run : ctx.runs) {
    const SessionStatus& status = run->status;
    // A rate from steps that ended a while ago would be stale: no recent step reads 0.
    const bool stepping =
        status.state == RunState::Running && status.seconds_since_step < kStaleRateSeconds;
    ImGui::SameLine();
    ImGui::Text("| %s%sstep %lld | %.0f steps/s", ctx.comparing() ? run->name().c_str() : "",
                ctx.comparing() ? ": " : "", static_cast<long long>(status.step),
                stepping ? run->store.stepsPerSecond() : 0.0);
    if (status.dropped_stats > 0) {  // real telemetry loss: the curves have gaps
      ImGui::SameLine();
      ImGui::TextColored(palette::kError, "| lost: %llu steps' figures (curves have gaps)",
                         static_cast<unsigned long long>(status.dropped_stats));
    }
    // Frames the UI is too slow to show are normal; they matter only when the pace promises
    // every step, and then only when most are skipped.
    const uint64_t made = status.frames_sent + status.dropped_frames;
    const bool every_step = ctx.ui.speed_limit > 0 && ctx.ui.speed_limit <= kEveryStepHz;
    if (every_step && status.dropped_frames * 2 > made && status.frames_sent > 0) {
      ImGui::SameLine();
      ImGui::TextColored(palette::kNote, "| showing 1 of %.0f frames",
                         static_cast<double>(made) / static_cast<double>(status.frames_sent));
    }
  }
  ImGui::SameLine();
  if (ctx.ui.speed_limit > 0) {
    ImGui::Text("| limit %g/s", ctx.ui.speed_limit);
  } else {
    ImGui::TextUnformatted("| limit: max");
  }
  ImGui::SameLine();
  ImGui::Text("| UI %.0f fps | BLAS: %s", ctx.ui_fps, ctx.blas.c_str());
  // Before a very slow step starts (and while it runs), say so.
  const std::string warning = slowStepWarning(ctx.run.session().config());
  if (!warning.empty()) {
    ImGui::SameLine();
    ImGui::TextColored(palette::kError, "| %s", warning.c_str());
    hint(
        "an estimate from the network shapes, batch size, pack, D steps and unrolled steps; "
        "Pause, Reset and presets still act at once");
  }
}

}  // namespace

std::unique_ptr<Panel> makeStatusBar() {
  return std::make_unique<StatusBar>();
}

}  // namespace ganscope
