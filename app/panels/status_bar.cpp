// Status bar: run state, step, rates, dropped telemetry and the BLAS in use.
#include "app/scenes/palette.hpp"
#include "app/panels/panels.hpp"

namespace ganscope {

namespace {

void drawStatusBar(PanelContext& ctx) {
  const SessionStatus& st = ctx.status;
  switch (st.state) {
    case RunState::Running:
      ImGui::TextColored(ImVec4(0, 0.5f, 0.15f, 1), "RUNNING");
      break;
    case RunState::Paused:
      ImGui::TextColored(palette::kNote, "PAUSED");
      break;
    case RunState::Diverged:
      ImGui::TextColored(palette::kError, "DIVERGED at step %lld",
                         static_cast<long long>(st.diverged_at));
      break;
    case RunState::Failed:
      ImGui::TextColored(palette::kError, "FAILED");
      break;
  }
  ImGui::SameLine();
  ImGui::Text(
      "| step %lld | %.0f steps/s | UI %.0f fps | dropped: %llu stats, %llu snapshots | "
      "BLAS: %s",
      static_cast<long long>(st.step),
      st.state == RunState::Running ? ctx.store.stepsPerSecond() : 0.0, ctx.ui_fps,
      static_cast<unsigned long long>(st.dropped_stats),
      static_cast<unsigned long long>(st.dropped_frames), ctx.blas.c_str());
}

class StatusBar final : public Panel {
 protected:
  const char* title() const override { return "status"; }
  ImGuiWindowFlags flags() const override {
    return ImGuiWindowFlags_NoTitleBar | ImGuiWindowFlags_NoScrollbar;
  }
  void drawContent(PanelContext& ctx) override { drawStatusBar(ctx); }
};

}  // namespace

std::unique_ptr<Panel> makeStatusBar() {
  return std::make_unique<StatusBar>();
}

}  // namespace ganscope
