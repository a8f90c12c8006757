// The session's controls: the pace (a speed limit over log-scale stops, one for every run),
// and Save session... / Open session...: the run (state, metric history, view settings) to and
// from the session file named in a path field. A bad file shows the error dialog and the
// current run goes on untouched. While comparing, these act on the first run; opening a
// session closes the second.
#include <algorithm>
#include <cstdio>

#include "app/panels/panels.hpp"
#include "app/state/session_file.hpp"
#include "app/state/speed_limit.hpp"

namespace ganscope {

bool setSpeedStop(PanelContext& ctx, int stop) {
  stop = std::clamp(stop, 0, kMaxSpeedStop);
  if (!sendCommand(ctx, SetSpeedLimit{kSpeedStops[stop]})) return false;
  ctx.ui.speed_limit = kSpeedStops[stop];
  return true;
}

void drawSpeedControl(PanelContext& ctx) {
  int stop = nearestSpeedStop(ctx.ui.speed_limit);
  const std::string label = speedLabel(ctx.ui.speed_limit);
  if (ImGui::SliderInt("speed", &stop, 0, kMaxSpeedStop, label.c_str(),
                       ImGuiSliderFlags_AlwaysClamp | ImGuiSliderFlags_NoInput)) {
    setSpeedStop(ctx, stop);
  }
  hint(
      "steps per second, for every run: 1, 2, 5, ... 500 or max ([ slower, ] faster); at 20/s "
      "or less every step is drawn");
}

void drawSessionControls(PanelContext& ctx) {
  char path[512];
  std::snprintf(path, sizeof(path), "%s", ctx.ui.session_path.c_str());
  if (ImGui::InputText("session", path, sizeof(path))) ctx.ui.session_path = path;
  hint("a session file: the run, its plots and the display settings");
  if (ImGui::Button("Save session...")) {
    try {
      saveSessionFile(ctx.ui.session_path,
                      captureSession(ctx.run.session(), ctx.run.store, ctx.view));
    } catch (const std::exception& error) {
      ctx.ui.error = std::string("Session not saved: ") + error.what();
    }
  }
  ImGui::SameLine();
  if (ImGui::Button("Open session...")) {
    try {
      SessionFile file = loadSessionFile(ctx.ui.session_path);
      ctx.run.session().loadState(file.state);  // throws, keeping the run, if the state is bad
      ctx.ui.edit = file.config;
      ctx.ui.needs_reset = false;
      ctx.view = openedView(file.view, ctx.view);
      ctx.run.opened_history =
          OpenedHistory{std::move(file.history), ctx.run.session().status().generation};
      if (ctx.comparing()) ctx.ui.close_run = 1;  // the opened run is shown alone
    } catch (const std::exception& error) {
      ctx.ui.error = std::string("Session not opened: ") + error.what();
    }
  }
}

}  // namespace ganscope
