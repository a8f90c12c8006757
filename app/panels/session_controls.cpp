// The session's controls: the pace (a speed limit over log-scale stops, one for every run),
// and Save session... / Open session...: the run (state, metric history, view settings) to and
// from the session file named in a path field. A bad file shows the error dialog and the
// current run goes on untouched. While comparing, these act on the first run; opening a
// session closes the second.
#include <algorithm>
#include <cstdio>
#include <string>

#include "app/i18n/strings.hpp"
#include "app/panels/panels.hpp"
#include "app/state/session_file.hpp"
#include "app/state/speed_limit.hpp"

namespace ganscope {

namespace {

/// The slider's text: "10 steps/s" or "max", in the UI's language.
std::string speedLabel(double steps_per_second) {
  if (!(steps_per_second > 0)) return i18n::tr("speed.max");
  return i18n::trf("speed.rate", steps_per_second);
}

std::string label(const char* key, const char* id) {
  return std::string(i18n::tr(key)) + "###" + id;
}

}  // namespace

bool setSpeedStop(PanelContext& ctx, int stop) {
  stop = std::clamp(stop, 0, kMaxSpeedStop);
  if (!sendCommand(ctx, SetSpeedLimit{kSpeedStops[stop]})) return false;
  ctx.ui.speed_limit = kSpeedStops[stop];
  return true;
}

void drawSpeedControl(PanelContext& ctx) {
  int stop = nearestSpeedStop(ctx.ui.speed_limit);
  const std::string rate = speedLabel(ctx.ui.speed_limit);
  if (ImGui::SliderInt(label("speed.label", "speed").c_str(), &stop, 0, kMaxSpeedStop, rate.c_str(),
                       ImGuiSliderFlags_AlwaysClamp | ImGuiSliderFlags_NoInput)) {
    setSpeedStop(ctx, stop);
  }
  hint(i18n::tr("speed.hint"));
}

void drawSessionControls(PanelContext& ctx) {
  char path[512];
  std::snprintf(path, sizeof(path), "%s", ctx.ui.session_path.c_str());
  if (ImGui::InputText(label("session.field", "session").c_str(), path, sizeof(path)))
    ctx.ui.session_path = path;
  hint(i18n::tr("session.hint"));
  if (ImGui::Button(label("session.save", "save_session").c_str())) {
    try {
      saveSessionFile(ctx.ui.session_path,
                      captureSession(ctx.run.session(), ctx.run.store, ctx.view));
    } catch (const std::exception& error) {
      ctx.ui.error = i18n::trf("session.not_saved", error.what());
    }
  }
  ImGui::SameLine();
  if (ImGui::Button(label("session.open", "open_session").c_str())) {
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
      ctx.ui.error = i18n::trf("session.not_opened", error.what());
    }
  }
}

}  // namespace ganscope
