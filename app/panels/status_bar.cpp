// Status bar: run state, step, rates, dropped telemetry and the BLAS in use.
#include "app/panels/panels.hpp"
#include "app/scenes/palette.hpp"

namespace ganscope {

namespace {

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
      ImGui::TextColored(palette::kNote, "PAUSED");
      break;
    case RunState::Diverged:
      ImGui::TextColored(palette::kError, "DIVERGED: %s",
                         describeDivergence(st.diverged_why, st.diverged_at).c_str());
      break;
    case RunState::Failed:
      ImGui::TextColored(palette::kError, "FAILED");
      break;
  }
  // Each run's step and rate (the name first while comparing), then the UI's.
  for (const RunView* run : ctx.runs) {
    const SessionStatus& status = run->status;
    ImGui::SameLine();
    ImGui::Text("| %s%sstep %lld | %.0f steps/s | dropped: %llu stats, %llu frames",
                ctx.comparing() ? run->name().c_str() : "", ctx.comparing() ? ": " : "",
                static_cast<long long>(status.step),
                status.state == RunState::Running ? run->store.stepsPerSecond() : 0.0,
                static_cast<unsigned long long>(status.dropped_stats),
                static_cast<unsigned long long>(status.dropped_frames));
  }
  ImGui::SameLine();
  ImGui::Text("| UI %.0f fps | BLAS: %s", ctx.ui_fps, ctx.blas.c_str());
}

}  // namespace

std::unique_ptr<Panel> makeStatusBar() {
  return std::make_unique<StatusBar>();
}

}  // namespace ganscope
