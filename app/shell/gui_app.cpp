// GuiApp: the frame loop. Drains the session's queues, lays the panels out for the window
// size, handles shortcuts, paces frames and, for scripted runs, writes the screenshot.
#include "app/shell/gui_app.hpp"

#define GLFW_INCLUDE_NONE
#include <GLFW/glfw3.h>
#include <imgui.h>

#include <sys/resource.h>
#include <unistd.h>

#include <array>
#include <chrono>
#include <deque>
#include <iostream>
#include <thread>
#include <type_traits>

#include "app/shell/cli.hpp"
#include "app/state/metric_store.hpp"
#include "app/panels/panel_registry.hpp"
#include "app/panels/panels.hpp"
#include "app/state/ui_state.hpp"
#include "app/state/view_settings.hpp"
#include "app/shell/window.hpp"
#include "common/byte_stream.hpp"
#include "common/runtime_info.hpp"
#include "core/api/session.hpp"

namespace ganscope {
namespace {

using Clock = std::chrono::steady_clock;
// Frame caps (vsync is absent under Xvfb): 60 fps while the user interacts, 30 fps while only
// telemetry streams in (frames come at 30 Hz, so more frames would repeat the picture and
// take CPU from the trainer on machines that render in software).
constexpr double kInteractiveFrameSeconds = 1.0 / 60.0;
constexpr double kStreamingFrameSeconds = 1.0 / 30.0;
constexpr double kIdleWaitSeconds = 0.25;  // paused and quiet: look for telemetry this often
constexpr int kActiveFrames = 6;           // frames drawn after any input or new data
constexpr int kUiNiceness = 10;            // scheduling niceness of the UI and render threads

struct SlotRect {
  ImVec2 pos, size;
};

/// Where each slot sits for the current window size (computed, so the layout is the same on
/// every machine and projector).
std::array<SlotRect, kSlotCount> slotRects() {
  const ImVec2 display = ImGui::GetIO().DisplaySize;
  const float font = ImGui::GetFontSize();
  const float status_h = font * 2.0f;
  const float controls_w = std::min(display.x * 0.3f, font * 22.0f);
  const float right_w = (display.x - controls_w) * 0.36f;
  const float centre_w = display.x - controls_w - right_w;
  const float body_h = display.y - status_h;
  const float figure_h = body_h * 0.6f;
  const float third = body_h / 3.0f;
  const float right_x = controls_w + centre_w;
  std::array<SlotRect, kSlotCount> rects;
  auto at = [&](Slot slot) -> SlotRect& { return rects[static_cast<size_t>(slot)]; };
  at(Slot::Controls) = {ImVec2(0, 0), ImVec2(controls_w, body_h)};
  at(Slot::Main) = {ImVec2(controls_w, 0), ImVec2(centre_w, figure_h)};
  at(Slot::Below) = {ImVec2(controls_w, figure_h), ImVec2(centre_w, body_h - figure_h)};
  at(Slot::RightTop) = {ImVec2(right_x, 0), ImVec2(right_w, third)};
  at(Slot::RightMiddle) = {ImVec2(right_x, third), ImVec2(right_w, third)};
  at(Slot::RightBottom) = {ImVec2(right_x, 2 * third), ImVec2(right_w, body_h - 2 * third)};
  at(Slot::Status) = {ImVec2(0, body_h), ImVec2(display.x, status_h)};
  return rects;
}

/// The panels of the newest frame's scenario, each in its slot, then the error dialog.
void drawLayout(PanelContext& ctx, const PanelRegistry& registry) {
  const std::array<SlotRect, kSlotCount> rects = slotRects();
  for (const Placement& placement : registry.layout(ctx.store.scenario())) {
    const SlotRect& rect = rects[static_cast<size_t>(placement.slot)];
    placement.panel->draw(ctx, slotName(placement.slot), rect.pos, rect.size);
  }
  drawErrorDialog(ctx);
}

/// Keyboard shortcuts; ignored while a text field has the keyboard.
void handleShortcuts(PanelContext& ctx, const std::vector<Window::KeyPress>& presses) {
  if (ImGui::GetIO().WantTextInput) return;
  for (const Window::KeyPress& press : presses) {
    const bool ctrl = press.mods & GLFW_MOD_CONTROL;
    if (press.key == GLFW_KEY_SPACE && !ctrl) {
      const bool running = ctx.status.state == RunState::Running;
      sendCommand(ctx, running ? Command{Pause{}} : Command{Resume{}});
    } else if (press.key == GLFW_KEY_S && !ctrl) {
      sendCommand(ctx, StepOnce{StepTarget::Both});
    } else if (ctrl && (press.key == GLFW_KEY_EQUAL || press.key == GLFW_KEY_KP_ADD)) {
      ctx.view.ui_scale = std::min(3.0f, ctx.view.ui_scale * 1.1f);
    } else if (ctrl && (press.key == GLFW_KEY_MINUS || press.key == GLFW_KEY_KP_SUBTRACT)) {
      ctx.view.ui_scale = std::max(0.5f, ctx.view.ui_scale / 1.1f);
    }
  }
}

/// Moves everything waiting in the session's queues into the store. True if anything came.
bool drain(Session& session, MetricStore& store, UiState& ui, const ViewSettings& view) {
  bool received = false;
  StepStats stats;
  while (session.pollStats(stats)) {
    store.append(stats);
    received = true;
  }
  forEachFrameKind([&](auto kind) {
    using Frame = typename decltype(kind)::type;
    while (const Frame* frame = session.poll<Frame>()) {
      store.setFrame(*frame);
      ui.captures.captureIfPlanned(*frame, view.capture_steps);
      if constexpr (std::is_same_v<Frame, PlaneFrame>) ui.trails.push(*frame);
      session.recycle(frame);
      received = true;
    }
  });
  return received;
}

}  // namespace

bool sendCommand(PanelContext& ctx, Command command) {
  try {
    if (ctx.session.send(std::move(command))) return true;
    ctx.ui.error = "The trainer is busy; try again.";
  } catch (const ConfigError& error) {
    ctx.ui.error = error.what();
  }
  return false;
}

int runGui(const TrainConfig& config, const GuiOptions& options) {
  const bool scripted = !options.screenshot_path.empty();
  SessionOptions session_options;
  session_options.intra_op_threads = options.threads;
  session_options.pause_at_step = options.pause_at_step;
  // An interactive run waits for the window's first frame, so no step happens unseen.
  session_options.start_paused = !scripted;

  // The trainer thread starts first, at normal priority; then this thread (and the renderer's
  // worker threads it creates with the GL context, e.g. Mesa llvmpipe's) drops to a lower one,
  // so on a machine that renders in software the picture slows down before the training does.
  std::unique_ptr<Session> started;
  try {
    started = options.session ? std::make_unique<Session>(options.session->state, session_options)
                              : std::make_unique<Session>(config, session_options);
  } catch (const FormatError& error) {
    std::cerr << "ganscope: --session: " << error.what() << "\n";
    return kExitBadInput;
  }
  Session& session = *started;
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
  MetricStore store;
  UiState ui;
  const std::string view_path = viewSettingsPath();
  ViewSettings view;
  try {
    view = loadViewSettings(view_path);
  } catch (const ConfigError& error) {
    ui.error = std::string("Display settings not loaded, using defaults: ") + error.what();
  }
  if (options.session) {
    store.importHistory(options.session->history, 0, "session history");
    view = options.session->view;
  }
  ui.edit = config;
  const std::string blas = blasDescription();
  std::unique_ptr<gl::ScalarFieldView> d_strip, d_field;
  try {
    d_strip = std::make_unique<gl::ScalarFieldView>(gl::discriminatorColormap());
    d_field = std::make_unique<gl::ScalarFieldView>(gl::discriminatorColormap());
  } catch (const std::exception& error) {
    ui.error = std::string("D's colour views are off: ") + error.what();
  }
  std::cerr << "ganscope: GL renderer " << window->renderer() << "; BLAS " << blas << "\n";

  const PanelRegistry registry;
  int frames = 0;
  int active_frames = 0;
  std::deque<Clock::time_point> recent_frames;  // starts of the frames of the last second
  while (!window->shouldClose()) {
    const SessionStatus status = session.status();
    const bool streaming = drain(session, store, ui, view);
    if (streaming || status.state == RunState::Running || window->takeInput()) {
      active_frames = kActiveFrames;
    }
    if (active_frames == 0 && !scripted) {
      // Paused and quiet: draw nothing, sleep until input (or a late frame) arrives.
      window->waitEvents(kIdleWaitSeconds);
      continue;
    }
    --active_frames;
    const auto start = Clock::now();
    recent_frames.push_back(start);
    while (start - recent_frames.front() > std::chrono::seconds(1)) recent_frames.pop_front();
    const double fps = static_cast<double>(recent_frames.size());

    window->setUiScale(view.ui_scale);
    window->beginFrame();
    PanelContext ctx{session, store, status, view, ui, fps, blas, d_strip.get(), d_field.get()};
    handleShortcuts(ctx, window->takeKeyPresses());
    drawLayout(ctx, registry);
    if (ui.opened_history) {
      store.importHistory(ui.opened_history->bytes, ui.opened_history->generation, "session");
      ui.opened_history.reset();
    }
    const ImGuiIO& io = ImGui::GetIO();
    const bool interacting = io.MouseDelta.x != 0 || io.MouseDelta.y != 0 || io.MouseWheel != 0 ||
                             ImGui::IsAnyMouseDown() || ImGui::IsAnyItemActive();
    ++frames;
    const bool training_done =
        (status.state == RunState::Diverged || status.state == RunState::Failed ||
         status.step >= options.pause_at_step) &&
        store.newestHeader() && store.newestHeader()->step == status.step;
    const bool capture = scripted && frames >= options.screenshot_frames && training_done;
    if (!window->endFrame(capture ? options.screenshot_path : std::string())) {
      std::cerr << "ganscope: cannot write " << options.screenshot_path << "\n";
      return kExitFailure;
    }
    if (frames == 1 && !scripted && !options.start_paused) session.send(Resume{});
    if (capture) {
      const double seconds = store.last().seconds;
      std::cerr << "ganscope: wrote " << options.screenshot_path << " after " << frames
                << " frames; trained " << status.step << " steps in " << seconds << " s ("
                << (seconds > 0 ? status.step / seconds : 0.0) << " steps/s)\n";
      return status.state == RunState::Diverged ? kExitDiverged : kExitOk;
    }
    // Pace the next frame (see the frame caps above).
    const double period = interacting ? kInteractiveFrameSeconds : kStreamingFrameSeconds;
    const double frame_seconds = std::chrono::duration<double>(Clock::now() - start).count();
    window->waitEvents(std::max(0.0, period - frame_seconds));
  }
  if (!view_path.empty()) {
    try {
      saveViewSettings(view_path, view);
    } catch (const std::exception& error) {
      std::cerr << "ganscope: display settings not saved: " << error.what() << "\n";
    }
  }
  return kExitOk;
}

}  // namespace ganscope
