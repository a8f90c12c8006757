// GuiApp: the frame loop. Drains every run's queues, lays the panels out for the window size
// (one column per run in the per-run slots while comparing), handles shortcuts, starts and
// closes the second run, paces frames and, for scripted runs, writes the screenshot.
#include "app/shell/gui_app.hpp"

#define GLFW_INCLUDE_NONE
#include <GLFW/glfw3.h>
#include <imgui.h>

#include <sys/resource.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <chrono>
#include <csignal>
#include <cstdlib>
#include <deque>
#include <iostream>
#include <thread>
#include <type_traits>
#include <vector>

#include "app/i18n/strings.hpp"
#include "app/panels/language_switch.hpp"
#include "app/panels/panel_registry.hpp"
#include "app/panels/panels.hpp"
#include "app/shell/cli.hpp"
#include "app/shell/close_deadline.hpp"
#include "app/shell/input_script.hpp"
#include "app/shell/session_maker.hpp"
#include "app/shell/window.hpp"
#include "app/state/run_view.hpp"
#include "app/state/speed_limit.hpp"
#include "app/state/ui_state.hpp"
#include "app/state/view_settings.hpp"
#include "common/byte_stream.hpp"
#include "common/read_file.hpp"
#include "common/runtime_info.hpp"
#include "core/api/session.hpp"
#include "core/config/overrides.hpp"

namespace ganscope {
namespace {

using Clock = std::chrono::steady_clock;
// Frame caps (vsync is absent under Xvfb): 60 fps while the user interacts; while training
// without input, 30 fps as long as new pictures come (the trainer sends them at up to 30 Hz),
// else 10 fps for the curves of the steps (image grids come a few times a second). Every frame
// drawn takes CPU from the trainer on machines that render in software.
constexpr double kInteractiveFrameSeconds = 1.0 / 60.0;
constexpr double kPictureFrameSeconds = 1.0 / 30.0;
constexpr double kStepsFrameSeconds = 1.0 / 10.0;
constexpr double kIdleWaitSeconds = 0.25;  // paused and quiet: look for telemetry this often
constexpr int kActiveFrames = 6;           // frames drawn after any input or new data
// Scheduling niceness of the UI and render threads: the lowest. On a busy machine the kernel's
// autogroup gives the whole process (one terminal session) one share of the CPU, which the
// trainer and these threads split by weight: at 10 they took 15-25% of it from the trainer.
constexpr int kUiNiceness = 19;

/// SIGINT/SIGTERM: the window closes as if its close button was pressed.
volatile std::sig_atomic_t g_close_signal = 0;
extern "C" void onCloseSignal(int signal) {
  g_close_signal = signal;
  CloseDeadline::signalled(signal);
}

struct SlotRect {
  ImVec2 pos, size;
};

/// Where each slot sits for the current window size (computed, so the layout is the same on
/// every machine and projector). While comparing the main picture takes more of the height, as
/// each run's gets half the width. In focus mode drawLayout gives one slot the whole window.
std::array<SlotRect, kSlotCount> slotRects(bool comparing) {
  const ImVec2 display = ImGui::GetIO().DisplaySize;
  const float font = ImGui::GetFontSize();
  const float status_h = font * 2.0f;
  const float controls_w = std::min(display.x * 0.3f, font * 22.0f);
  const float right_w = (display.x - controls_w) * 0.36f;
  const float centre_w = display.x - controls_w - right_w;
  const float body_h = display.y - status_h;
  // The captures get what four square pictures across the centre need (their labels, buttons
  // and step fields included), within 30-40% of the height; the main picture the rest.
  const float capture_side = centre_w / 4.0f - ImGui::GetStyle().ItemSpacing.x;
  const float below_h = std::clamp(capture_side + font * 6.5f, body_h * 0.3f, body_h * 0.4f);
  const float figure_h = comparing ? body_h * 0.72f : body_h - below_h;
  // The right column: losses, D means and gradient norms a fifth each; the last panel (the
  // histograms, or mode coverage with its headline lines above the bars) the rest.
  const float quarter = body_h * 0.2f;
  const float right_x = controls_w + centre_w;
  std::array<SlotRect, kSlotCount> rects;
  auto at = [&](Slot slot) -> SlotRect& { return rects[static_cast<size_t>(slot)]; };
  at(Slot::Controls) = {ImVec2(0, 0), ImVec2(controls_w, body_h)};
  at(Slot::Main) = {ImVec2(controls_w, 0), ImVec2(centre_w, figure_h)};
  at(Slot::Below) = {ImVec2(controls_w, figure_h), ImVec2(centre_w, body_h - figure_h)};
  at(Slot::RightTop) = {ImVec2(right_x, 0), ImVec2(right_w, quarter)};
  at(Slot::RightMiddle) = {ImVec2(right_x, quarter), ImVec2(right_w, quarter)};
  at(Slot::RightLower) = {ImVec2(right_x, 2 * quarter), ImVec2(right_w, quarter)};
  at(Slot::RightBottom) = {ImVec2(right_x, 3 * quarter), ImVec2(right_w, body_h - 3 * quarter)};
  at(Slot::Status) = {ImVec2(0, body_h), ImVec2(display.x, status_h)};
  return rects;
}

/// Whether `slot` shows one column per run while comparing (the others show all runs at once
/// or act on all of them).
bool perRunSlot(Slot slot) {
  return slot == Slot::Main || slot == Slot::Below || slot == Slot::RightBottom;
}

/// The global state a frame's panels share.
struct FrameState {
  ViewSettings& view;
  UiState& ui;
  double fps;
  const std::string& blas;
};

/// Which picture frame each run shows last (its generation and sequence number): a change
/// means a new picture to draw.
std::vector<std::pair<uint32_t, uint64_t>> newestPictures(
    const std::vector<std::unique_ptr<RunView>>& runs) {
  std::vector<std::pair<uint32_t, uint64_t>> newest;
  for (const auto& run : runs) {
    const FrameHeader* header = run->store.newestHeader();
    newest.emplace_back(header ? header->generation : 0, header ? header->sequence : 0);
  }
  return newest;
}

/// Focus mode: a double-click on a panel's title bar shows it alone (again: back to the
/// layout); `events` are what each slot's panel reported this frame.
void updateFocus(UiState& ui, const std::array<PanelEvents, kSlotCount>& events) {
  ui.hovered_slot = -1;
  for (int slot = 0; slot < kSlotCount; ++slot) {
    if (events[slot].hovered) ui.hovered_slot = slot;
    if (events[slot].title_double_clicked) ui.focused_slot = ui.focused_slot == slot ? -1 : slot;
  }
}

/// The panels of the first run's scenario, each in its slot (per-run slots split into one
/// column per run, all with the first run's plot views so the axes agree), then the error
/// dialog. In focus mode only the focused slot's panel, over the whole window.
void drawLayout(std::span<RunView* const> runs, FrameState& frame, const PanelRegistry& registry) {
  std::array<SlotRect, kSlotCount> rects = slotRects(runs.size() > 1);
  RunView& first = *runs.front();
  // A new run (reset, preset, config) fits every plot afresh to its own data.
  followRun(first.views, first.store.generation());
  const int focused = frame.ui.focused_slot;
  if (focused >= 0) rects[focused] = {ImVec2(0, 0), ImGui::GetIO().DisplaySize};
  std::array<PanelEvents, kSlotCount> events{};
  auto note = [&](Slot slot, PanelEvents e) {
    PanelEvents& seen = events[static_cast<size_t>(slot)];
    seen.hovered |= e.hovered;
    seen.title_double_clicked |= e.title_double_clicked;
  };
  const float spacing = ImGui::GetStyle().ItemSpacing.x * 0.5f;
  for (const Placement& placement : registry.layout(first.store.scenario())) {
    if (focused >= 0 && static_cast<int>(placement.slot) != focused) continue;
    const SlotRect& rect = rects[static_cast<size_t>(placement.slot)];
    if (runs.size() == 1 || !perRunSlot(placement.slot)) {
      PanelContext ctx{first, runs, first.views, frame.view, frame.ui, frame.fps, frame.blas};
      note(placement.slot,
           placement.panel->draw(ctx, slotName(placement.slot), rect.pos, rect.size));
      continue;
    }
    const float width = (rect.size.x - spacing * static_cast<float>(runs.size() - 1)) /
                        static_cast<float>(runs.size());
    for (size_t i = 0; i < runs.size(); ++i) {
      PanelContext ctx{*runs[i], runs, first.views, frame.view, frame.ui, frame.fps, frame.blas};
      ctx.run_title = placement.slot == Slot::Main ? RunTitle::Full : RunTitle::Name;
      const std::string id = std::string(slotName(placement.slot)) + "-" + std::to_string(i);
      note(placement.slot,
           placement.panel->draw(
               ctx, id.c_str(),
               ImVec2(rect.pos.x + static_cast<float>(i) * (width + spacing), rect.pos.y),
               ImVec2(width, rect.size.y)));
    }
  }
  updateFocus(frame.ui, events);
  PanelContext ctx{first, runs, first.views, frame.view, frame.ui, frame.fps, frame.blas};
  drawErrorDialog(ctx);
}

/// Focus mode keys: F over a panel shows it alone, Escape (or F again) goes back. Ignored while
/// a text field has the keyboard or a popup is open (Escape closes those).
void handleFocusKeys(UiState& ui, const std::vector<Window::KeyPress>& presses) {
  if (ImGui::GetIO().WantTextInput || ImGui::IsPopupOpen("", ImGuiPopupFlags_AnyPopupId)) return;
  for (const Window::KeyPress& press : presses) {
    if (press.mods & (GLFW_MOD_CONTROL | GLFW_MOD_ALT | GLFW_MOD_SUPER)) continue;
    if (press.key == GLFW_KEY_ESCAPE) {
      ui.focused_slot = -1;
    } else if (press.key == GLFW_KEY_F) {
      ui.focused_slot = ui.focused_slot >= 0 ? -1 : ui.hovered_slot;
    }
  }
}

/// Keyboard shortcuts (Space, S, [ and ] act on every run); ignored while a text field has the
/// keyboard.
void handleShortcuts(PanelContext& ctx, const std::vector<Window::KeyPress>& presses) {
  if (ImGui::GetIO().WantTextInput) return;
  for (const Window::KeyPress& press : presses) {
    const bool ctrl = press.mods & GLFW_MOD_CONTROL;
    if (press.key == GLFW_KEY_SPACE && !ctrl) {
      if (ctx.run.status.state == RunState::Diverged) continue;  // Play is off until a Reset
      const bool running = ctx.run.status.state == RunState::Running;
      sendCommand(ctx, running ? Command{Pause{}} : Command{Resume{}});
    } else if (press.key == GLFW_KEY_S && !ctrl) {
      sendCommand(ctx, StepOnce{StepTarget::Both});
    } else if (press.key == GLFW_KEY_LEFT_BRACKET && !ctrl) {
      setSpeedStop(ctx, nearestSpeedStop(ctx.ui.speed_limit) - 1);
    } else if (press.key == GLFW_KEY_RIGHT_BRACKET && !ctrl) {
      setSpeedStop(ctx, nearestSpeedStop(ctx.ui.speed_limit) + 1);
    } else if (ctrl && (press.key == GLFW_KEY_EQUAL || press.key == GLFW_KEY_KP_ADD)) {
      ctx.view.ui_scale = std::min(3.0f, ctx.view.ui_scale * 1.1f);
    } else if (ctrl && (press.key == GLFW_KEY_MINUS || press.key == GLFW_KEY_KP_SUBTRACT)) {
      ctx.view.ui_scale = std::max(0.5f, ctx.view.ui_scale / 1.1f);
    }
  }
}

/// A run is done for a screenshot when it stopped at its step count (or diverged or failed, or
/// stays paused: --start paused) and its newest frame shows that step.
bool trainingDone(const RunView& run, const GuiOptions& options) {
  const SessionStatus& status = run.status;
  const FrameHeader* newest = run.store.newestHeader();
  const bool stays_paused = options.start_paused && status.state == RunState::Paused;
  return (status.state == RunState::Diverged || status.state == RunState::Failed ||
          status.step >= options.pause_at_step || stays_paused) &&
         newest && newest->step == status.step;
}

/// Ends the process once the window has closed. A trainer thread still inside a long update
/// (a heavy config) cannot be stopped or joined in time, and static destructors (LibTorch's
/// thread pools, allocators) must not run under it: then the process ends with _Exit after
/// flushing what was written, without destructors (also once such a thread's update has ended:
/// it may still be unwinding). Returns when no thread was ever left behind.
void endIfUpdatesRemain(int exit_code) {
  if (!Session::leftThreadsBehind()) return;
  std::cout.flush();
  std::cerr.flush();
  std::fflush(nullptr);
  std::_Exit(exit_code);
}

/// Compare...'s Start: the first run restarts from step 0 with the controls' config and a
/// second run starts beside it with the chosen changes, both paused at step 0 in the window.
void startCompare(std::vector<std::unique_ptr<RunView>>& runs, UiState& ui, SessionMaker& maker,
                  SessionOptions options) {
  try {
    TrainConfig variant = ui.edit;
    for (const std::string& assignment : *ui.start_compare) {
      variant = withOverride(variant, assignment);
    }
    if (const char* problem = sideBySideProblemKey(ui.edit, variant)) {
      ui.error = i18n::trf("compare.not_started", i18n::tr(problem));
      return;
    }
    RunView& first = *runs.front();
    // Both runs restart from step 0 together: paused where a Reset pauses (the window), else
    // running if the first was.
    options.start_paused = options.reset_pauses || first.status.state != RunState::Running;
    options.steps_per_second = ui.speed_limit;  // one pace for both runs
    std::unique_ptr<Session> session = maker.make(variant, options);
    if (!first.session().send(Reset{ui.edit})) {
      ui.error = i18n::tr("compare.busy");
      return;
    }
    ui.needs_reset = false;
    runs.resize(1);
    runs.push_back(
        std::make_unique<RunView>(std::move(session), "B", differingFields(ui.edit, variant)));
    if (ui.error.empty()) ui.error = runs.back()->texture_error;
  } catch (const ConfigError& error) {
    ui.error = i18n::trf("compare.not_started", error.what());
  }
}

}  // namespace

bool sendCommand(PanelContext& ctx, const Command& command) {
  // Every run's command first (a variant's differences may not fit a new config), then send.
  std::vector<Command> commands;
  try {
    for (const RunView* run : ctx.runs) commands.push_back(run->adapt(command));
  } catch (const ConfigError& error) {
    ctx.ui.error = i18n::trf("compare.cannot_follow", error.what());
    return false;
  }
  bool sent = true;
  for (size_t i = 0; i < ctx.runs.size(); ++i) {
    try {
      if (!ctx.runs[i]->session().send(std::move(commands[i]))) {
        ctx.ui.error = i18n::tr("trainer.busy");
        sent = false;
      }
    } catch (const ConfigError& error) {
      ctx.ui.error = error.what();
      sent = false;
    }
  }
  return sent;
}

int runGui(const TrainConfig& config, const GuiOptions& options) {
  const bool scripted = !options.screenshot_path.empty();
  std::optional<InputScript> script;
  if (!options.input_script_path.empty()) {
    try {
      script.emplace(parseInputScript(readRegularFile(options.input_script_path, kMaxConfigBytes)));
    } catch (const std::exception& error) {
      std::cerr << "ganscope: --input-script: " << error.what() << "\n";
      return kExitBadInput;
    }
  }
  SessionOptions session_options;
  session_options.intra_op_threads = options.threads;
  session_options.pause_at_step = options.pause_at_step;
  // The pace is the teacher's: the window opens paused at step 0 with that step drawn ("press
  // Space to start"), a Reset waits at step 0 again, and each run pauses at its config's steps
  // ("Space continues"). A screenshot run trains to its step count unless --start paused.
  session_options.start_paused = options.start_paused;
  session_options.reset_pauses = !scripted;
  session_options.pause_at_config_steps = true;
  session_options.steps_per_second = options.steps_per_second;

  // The trainer threads start first, at normal priority (as does the maker of later ones);
  // then this thread (and the renderer's worker threads it creates with the GL context, e.g.
  // Mesa llvmpipe's) drops to a lower one, so on a machine that renders in software the
  // picture slows down before the training does.
  SessionMaker maker;
  std::unique_ptr<Session> started, compared;
  try {
    started = options.session ? std::make_unique<Session>(options.session->state, session_options)
                              : std::make_unique<Session>(config, session_options);
    if (options.compare) compared = std::make_unique<Session>(*options.compare, session_options);
  } catch (const FormatError& error) {
    std::cerr << "ganscope: --session: " << error.what() << "\n";
    return kExitBadInput;
  }
  // Made before the priority drops, so that a close ends the process in time however slowly
  // the UI runs.
  g_close_signal = 0;
  CloseDeadline close_deadline;
  std::signal(SIGINT, onCloseSignal);
  std::signal(SIGTERM, onCloseSignal);
  setpriority(PRIO_PROCESS, static_cast<id_t>(gettid()), kUiNiceness);

  std::unique_ptr<Window> window;
  try {
    WindowOptions window_options;
    window_options.width = options.width;
    window_options.height = options.height;
    window = std::make_unique<Window>(window_options);
  } catch (const std::exception& error) {
    std::cerr << "ganscope: " << error.what() << "\n";
    return kExitFailure;
  }
  UiState ui;
  if (const std::optional<Slot> focus = slotNamed(options.focus)) {
    ui.focused_slot = static_cast<int>(*focus);
  }
  ui.speed_limit = options.steps_per_second;
  const std::string view_path = viewSettingsPath();
  ViewSettings view;
  try {
    view = loadViewSettings(view_path);
  } catch (const ConfigError& error) {
    ui.error = i18n::trf("view.not_loaded", error.what());
  }
  // The runs shown; their textures need the window's GL context.
  std::vector<std::unique_ptr<RunView>> runs;
  runs.push_back(
      std::make_unique<RunView>(std::move(started), "A", std::vector<FieldDifference>{}));
  if (options.session) {
    runs.front()->store.importHistory(options.session->history, 0, "session history");
    view = openedView(options.session->view, view);
  }
  if (!options.language.empty()) view.language = options.language;  // --lang, then kept
  if (compared) {
    runs.push_back(std::make_unique<RunView>(std::move(compared), "B",
                                             differingFields(config, *options.compare)));
  }
  if (ui.error.empty()) ui.error = runs.front()->texture_error;
  ui.edit = config;
  const std::string blas = blasDescription();
  std::cerr << "ganscope: GL renderer " << window->renderer() << "; BLAS " << blas << "\n";

  const PanelRegistry registry;
  int frames = 0;
  int active_frames = 0;
  std::deque<Clock::time_point> recent_frames;  // starts of the frames of the last second
  std::vector<std::pair<uint32_t, uint64_t>> drawn_pictures;  // what the last frame drew
  while (!window->shouldClose() && !g_close_signal) {
    bool streaming = false;
    for (const auto& run : runs) streaming |= run->drain(view);
    const std::vector<std::pair<uint32_t, uint64_t>> pictures = newestPictures(runs);
    const bool new_picture = pictures != drawn_pictures;
    bool running = false;
    for (const auto& run : runs) running |= run->status.state == RunState::Running;
    if (streaming || running || window->takeInput() || ui.animating) active_frames = kActiveFrames;
    ui.animating = false;  // set again by a panel that animates or waits for an answer
    if (active_frames == 0 && !scripted) {
      // Paused and quiet: draw nothing, sleep until input (or a late frame) arrives.
      window->waitEvents(kIdleWaitSeconds);
      continue;
    }
    --active_frames;
    drawn_pictures = pictures;
    const auto start = Clock::now();
    recent_frames.push_back(start);
    while (start - recent_frames.front() > std::chrono::seconds(1)) recent_frames.pop_front();
    const double fps = static_cast<double>(recent_frames.size());

    if (script && !runInputScriptFrame(*script, *window, ui.fields, runs.front()->session())) {
      return kExitBadInput;
    }
    window->setUiScale(view.ui_scale);
    applyLanguage(view);
    window->beginFrame();
    std::vector<RunView*> shown;
    for (const auto& run : runs) shown.push_back(run.get());
    FrameState frame{view, ui, fps, blas};
    PanelContext ctx{*shown.front(), shown, shown.front()->views, view, ui, fps, blas};
    const std::vector<Window::KeyPress> presses = window->takeKeyPresses();
    handleShortcuts(ctx, presses);
    handleFocusKeys(ui, presses);
    drawLayout(shown, frame, registry);
    const ImGuiIO& io = ImGui::GetIO();
    const bool interacting = io.MouseDelta.x != 0 || io.MouseDelta.y != 0 || io.MouseWheel != 0 ||
                             ImGui::IsAnyMouseDown() || ImGui::IsAnyItemActive();
    ++frames;
    bool training_done = true;
    for (const auto& run : runs) training_done &= trainingDone(*run, options);
    const bool capture = scripted && frames >= options.screenshot_frames && training_done &&
                         (!script || (script->done() && window->inputQueueEmpty()));
    if (!window->endFrame(capture ? options.screenshot_path : std::string())) {
      std::cerr << "ganscope: cannot write " << options.screenshot_path << "\n";
      return kExitFailure;
    }
    if (capture) {
      bool diverged = false;
      std::cerr << "ganscope: wrote " << options.screenshot_path << " after " << frames
                << " frames; UI " << fps << " fps";
      for (const auto& run : runs) {
        const double seconds = run->store.last().seconds;
        std::cerr << "; run " << run->name() << " trained " << run->status.step << " steps in "
                  << seconds << " s (" << (seconds > 0 ? run->status.step / seconds : 0.0)
                  << " steps/s)";
        // The explorer's pictures: from request to the first UI frame drawing each.
        if (std::vector<double> seconds(run->explorer.latencies().begin(),
                                        run->explorer.latencies().end());
            !seconds.empty()) {
          std::sort(seconds.begin(), seconds.end());
          std::cerr << "; explorer " << seconds.size() << " pictures, request to screen median "
                    << 1000 * seconds[seconds.size() / 2] << " ms, p95 "
                    << 1000 * seconds[seconds.size() * 95 / 100] << " ms";
        }
        diverged |= run->status.state == RunState::Diverged;
      }
      std::cerr << "\n";
      runs.clear();  // stops the trainers without waiting for a long update
      endIfUpdatesRemain(diverged ? kExitDiverged : kExitOk);
      return diverged ? kExitDiverged : kExitOk;
    }
    if (ui.close_run && *ui.close_run > 0 && *ui.close_run < runs.size()) {
      runs.erase(runs.begin() + static_cast<std::ptrdiff_t>(*ui.close_run));
    }
    ui.close_run.reset();
    if (ui.start_compare) {
      startCompare(runs, ui, maker, session_options);
      ui.start_compare.reset();
    }
    // Pace the next frame (see the frame caps above): pictures that came for this frame will
    // likely come for the next.
    const double period = interacting   ? kInteractiveFrameSeconds
                          : new_picture ? kPictureFrameSeconds
                                        : kStepsFrameSeconds;
    const double frame_seconds = std::chrono::duration<double>(Clock::now() - start).count();
    window->waitEvents(std::max(0.0, period - frame_seconds));
  }
  close_deadline.closing();
  if (!view_path.empty()) {
    try {
      saveViewSettings(view_path, view);
    } catch (const std::exception& error) {
      std::cerr << "ganscope: display settings not saved: " << error.what() << "\n";
    }
  }
  // Closed by a signal: the shell's convention, 128 + the signal (130 SIGINT, 143 SIGTERM).
  const int exit_code = g_close_signal ? 128 + g_close_signal : kExitOk;
  runs.clear();  // stops the trainers without waiting for a long update
  window.reset();
  endIfUpdatesRemain(exit_code);
  return exit_code;
}

}  // namespace ganscope
