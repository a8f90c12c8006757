// Session: the training thread and its state machine (run, pause, step, reset, load, save),
// the command and stats queues and one frame channel per frame kind. A Reset (or a loaded
// state, or the Session's end) that arrives while an update is running hands the run over to a
// standby thread and leaves the update to finish on its old thread, result discarded: the UI
// never waits for a step. The latent explorer's commands are answered in session_explorer.cpp.
#include "core/api/session.hpp"

#include <atomic>
#include <chrono>
#include <cmath>
#include <mutex>
#include <optional>
#include <thread>

#include "common/runtime_info.hpp"
#include "core/config/step_cost.hpp"
#include "core/engine/class_map_job.hpp"
#include "core/engine/gan_state_io.hpp"
#include "core/engine/session_impl.hpp"

namespace ganscope {
namespace {
constexpr auto kIdleWait = std::chrono::milliseconds(100);  // paused: wake this often at most
constexpr double kMinStepsPerSecond = 1.0 / 3600;  // a limit below one step an hour: refused
constexpr int kWeightCheckInterval = 64;           // steps between scans of the weights

/// Updates left running by handed-over runs, across all sessions.
std::atomic<int> g_background_updates{0};
std::atomic<bool> g_left_threads_behind{false};  // sticky: see Session::leftThreadsBehind
}  // namespace

void Session::Impl::run(uint64_t me, CancelFlag flag) {
  at::set_num_threads(options.intra_op_threads);
  // BLAS threads beyond LibTorch's spin on the few cores left to the UI: one set of threads.
  setBlasThreads(options.intra_op_threads);
  // An exception must not end the thread (std::terminate): report it and wait for a Reset.
  while (!stop.load() && owns(me)) {
    try {
      loop(me, *flag);
    } catch (const std::exception& error) {
      if (leaveUpdate(me)) {
        fail(error);
      } else {
        g_background_updates.fetch_sub(1);  // a handed-over update failed: nobody waits for it
      }
    }
  }
}

void Session::Impl::waitToTakeOver() {
  uint64_t me = 0;
  CancelFlag flag;
  {
    std::unique_lock lock(handoff);
    take_over.wait(lock, [&] { return standby_go || stop.load(); });
    if (stop.load() && !standby_go) return;
    standby_go = false;
    me = worker;
    flag = cancel;
    // Its successor, made here: a thread takes its creator's priority, and the UI's is lower.
    if (!stop.load()) {
      auto self = shared_from_this();
      next_standby.emplace([self] { self->waitToTakeOver(); });
    }
  }
  run(me, flag);
}

bool Session::Impl::handOverIfBusyLocked() {
  if (!standby_ready && next_standby) {  // the standby the last new owner made
    standby = std::move(*next_standby);
    next_standby.reset();
    standby_ready = true;
  }
  if (!in_update || !standby_ready) return false;
  ++worker;  // the busy thread sees it after its update and ends
  in_update = false;
  cancel->store(true);  // ... stopping at its next check
  cancel = std::make_shared<std::atomic<bool>>(false);
  trainer.reset();  // the busy thread keeps its own reference; the new owner builds its own
  g_background_updates.fetch_add(1);
  g_left_threads_behind.store(true);
  active.detach();
  active = std::move(standby);
  standby_ready = false;
  standby_go = true;
  take_over.notify_all();
  return true;
}

bool Session::Impl::enterUpdate(uint64_t me) {
  std::lock_guard lock(handoff);
  if (worker != me) return false;
  in_update = true;
  return true;
}

bool Session::Impl::leaveUpdate(uint64_t me) {
  std::lock_guard lock(handoff);
  if (worker != me) return false;
  in_update = false;
  return true;
}

void Session::Impl::shutDown() {
  stop.store(true);
  commands.enqueue(Pause{});  // wakes a paused trainer at once
  bool busy = false;
  std::optional<std::thread> successor;
  {
    std::lock_guard lock(handoff);
    cancel->store(true);
    busy = in_update;
    if (busy) {
      ++worker;  // the busy thread ends after its update, which nobody waits for
      g_background_updates.fetch_add(1);
      g_left_threads_behind.store(true);
    }
    successor = std::move(next_standby);
    next_standby.reset();
    take_over.notify_all();
  }
  if (busy) {
    active.detach();
  } else if (active.joinable()) {
    active.join();
  }
  if (standby.joinable()) standby.join();
  // The standby made by the thread that took over last (none is made once `stop` is set).
  if (successor && successor->joinable()) successor->join();
}

void Session::Impl::fail(const std::exception& error) {
  {
    std::lock_guard lock(failure_mutex);
    // LibTorch's errors carry a C++ backtrace after the message: the user needs the message.
    const auto* torch_error = dynamic_cast<const c10::Error*>(&error);
    failure = torch_error ? torch_error->what_without_backtrace() : error.what();
  }
  state.store(RunState::Failed);
  pending_step.reset();
  frame_owed = false;
}

void Session::Impl::loop(uint64_t me, std::atomic<bool>& cancel_flag) {
  const auto period = std::chrono::duration_cast<Clock::duration>(
      std::chrono::duration<double>(1.0 / options.frame_hz));
  Command command;
  while (!stop.load(std::memory_order_relaxed)) {
    const bool can_step = trainer != nullptr;
    const bool stepping = can_step && (state.load() == RunState::Running || pending_step);
    if (!stepping) {
      // Paused or diverged: sleep until a command comes (owing a frame: retry soon).
      if (can_step && frame_owed && !publishFrame(me, false, &cancel_flag)) return;
      const auto wait = can_step && frame_owed ? std::chrono::milliseconds(5) : kIdleWait;
      cancel_flag.store(false);
      if (commands.wait_dequeue_timed(command, wait)) apply(me, command);
      if (!owns(me)) return;
      renderWaitingLatent(false);  // its wake-up may not have fitted in a full queue
      postDirectionsIfDue();
      continue;
    }
    // A queued StepOnce is one step each: stop draining once a step is pending. The flag is
    // cleared first, so a command queued after this drain cancels the next step.
    cancel_flag.store(false);
    while (!pending_step && commands.try_dequeue(command)) apply(me, command);
    if (!owns(me)) return;
    renderWaitingLatent(true);
    if (!trainer || (state.load() != RunState::Running && !pending_step)) continue;
    const auto now = Clock::now();
    const bool limited = speed_limit > 0 && !pending_step;
    if (limited && now < next_step) {
      // Keep the pace: wait on the queue, so a command acts at once.
      if (commands.wait_dequeue_timed(command, next_step - now)) apply(me, command);
      if (!owns(me)) return;
      continue;
    }
    if (limited) {
      const auto step_period = clockDuration(1.0 / speed_limit);
      // On time: the next step one period after this one's slot (no drift); late: from now.
      next_step = now - next_step > step_period ? now + step_period : next_step + step_period;
    }
    const StepTarget target = pending_step.value_or(StepTarget::Both);
    pending_step.reset();
    if (!trainStep(me, target, &cancel_flag)) return;
    const auto after = Clock::now();
    const bool every_step = speed_limit > 0 && speed_limit <= options.frame_hz;
    if (frame_owed || every_step || after >= next_frame) {
      if (!publishFrame(me, !frame_owed, &cancel_flag)) return;
      // At most a fifth of the trainer's time goes to pictures: a costly frame (a large D on
      // the 2-D field) comes less often than frame_hz. Image grids, whose G and D passes over
      // 256 + 256 images cost more than a step, get a twentieth (the window's cost, issue 9).
      const auto cost = Clock::now() - after;
      next_frame = after + std::max<Clock::duration>(
                               period, (trainer->scenario() == Scenario::Image ? 20 : 5) * cost);
    }
    postDirectionsIfDue();
  }
}

void Session::Impl::apply(uint64_t me, Command& command) {
  std::visit(
      [this, me](auto& c) {
        using T = std::decay_t<decltype(c)>;
        const bool stopped = state.load() == RunState::Diverged || state.load() == RunState::Failed;
        if constexpr (std::is_same_v<T, SetHyperparams>) {
          ++revision;  // first, so a refusal below keeps it in step with the UI's count
          running_loss = c.value.loss;
          if (trainer) trainer->setHyperparams(c.value);
        } else if constexpr (std::is_same_v<T, Pause>) {
          if (!stopped) state.store(RunState::Paused);
          frame_owed = !stopped && trainer;
        } else if constexpr (std::is_same_v<T, Resume>) {
          if (!stopped) {
            state.store(RunState::Running);
            at_pause_step.store(false);
            next_step = Clock::now();
          }
        } else if constexpr (std::is_same_v<T, SetSpeedLimit>) {
          speed_limit = std::isfinite(c.steps_per_second) ? c.steps_per_second : 0;
          next_step = Clock::now();
        } else if constexpr (std::is_same_v<T, StepOnce>) {
          if (!stopped) {
            state.store(RunState::Paused);
            at_pause_step.store(false);
            pending_step = c.target;
          }
        } else if constexpr (std::is_same_v<T, SampleGenerator>) {
          answer(c.request, [&](Reply& reply) {
            if (!trainer) throw std::runtime_error("the run is being replaced; try again");
            reply.samples = trainer->sampleGenerator(c.count);
          });
        } else if constexpr (std::is_same_v<T, SaveState>) {
          answer(c.request, [&](Reply& reply) {
            if (!trainer) throw std::runtime_error("the run is being replaced; try again");
            // A step that failed may have stopped half way: that state would not resume exactly.
            if (state.load() == RunState::Failed) {
              throw std::runtime_error("the trainer failed (" + failure + "); nothing to save");
            }
            // A step stopped between two updates is finished first, so the state is exact;
            // unless that would keep the UI waiting for a heavy step.
            if (trainer->midStep()) {
              if (const std::string slow = slowStepWarning(trainer->state().config);
                  !slow.empty()) {
                throw std::runtime_error(
                    "a step is half done (stopped between two of its updates) and " + slow +
                    ": finish it with S or Space (then pause) and save again");
              }
              if (!trainStep(me, StepTarget::Both, nullptr)) {
                throw std::runtime_error("the run was reset while saving");
              }
            }
            reply.bytes = saveGanState(trainer->state());
          });
        } else if constexpr (std::is_same_v<T, LoadState>) {
          answer(c.request, [&](Reply&) {
            auto next = std::make_unique<Trainer>(loadGanState(c.bytes));
            const GanState& loaded = next->state();
            const int64_t pause_step =
                options.pause_at_config_steps ? loaded.stats.step + loaded.config.steps : pause_at;
            replaceTrainer(std::move(next), pause_step);
            ++revision;  // the UI counts a load once it has succeeded
          });
        } else if constexpr (std::is_same_v<T, RenderLatent>) {
          // The queue carries a wake-up; the request is in the mailbox.
          renderWaitingLatent(state.load() == RunState::Running);
        } else if constexpr (std::is_same_v<T, SetLatentDirections>) {
          directions_wanted = c;  // posted between steps by postDirectionsIfDue
        } else if constexpr (std::is_same_v<T, FindLatent>) {
          postFindLatent(c);
        } else if constexpr (std::is_same_v<T, RenderClassMap>) {
          postClassMap(trainer.get(), c, generation.load(), outbox);  // on the latent worker
        } else if constexpr (std::is_same_v<T, Reset>) {
          ++revision;  // first, so a refusal below keeps it in step with the UI's count
          const int64_t pause_step = options.pause_at_config_steps ? c.config.steps : pause_at;
          replaceTrainer(std::make_unique<Trainer>(c.config), pause_step);
        }
      },
      command);
}

void Session::Impl::replaceTrainer(std::unique_ptr<Trainer> next, int64_t pause_step) {
  trainer = std::move(next);
  {
    std::lock_guard lock(classifier_mutex);
    classifier_job = trainer->classifierJob();
  }
  running_loss = trainer->state().config.hyper.loss;
  generation.fetch_add(1);
  step.store(trainer->state().stats.step);
  diverged_at.store(-1);
  diverged_why.store(Divergence::None);
  at_pause_step.store(false);
  pause_at = pause_step;
  const RunState now = state.load();
  if (options.reset_pauses || now == RunState::Diverged || now == RunState::Failed) {
    state.store(RunState::Paused);
  }
  {
    std::lock_guard lock(failure_mutex);
    failure.clear();
  }
  pending_step.reset();
  run_start = Clock::now() - clockDuration(trainer->state().stats.seconds);
  markStep();
  frame_owed = true;
}

bool Session::Impl::trainStep(uint64_t me, StepTarget target, const std::atomic<bool>* cancel) {
  std::shared_ptr<Trainer> own = trainer;  // outlives a hand-over during the update
  if (!enterUpdate(me)) return false;
  std::optional<StepStats> done =
      cancel ? own->step(target, *cancel) : std::optional<StepStats>(own->step(target));
  if (!leaveUpdate(me)) {
    own.reset();  // handed over: the result is discarded, with the run's memory
    g_background_updates.fetch_sub(1);
    return false;
  }
  if (!done) return true;  // stopped between two updates: it continues on the next step
  StepStats& s = *done;
  s.generation = generation.load(std::memory_order_relaxed);
  s.config_revision = revision;
  s.loss = running_loss;
  s.seconds = std::chrono::duration<float>(Clock::now() - run_start).count();
  own->setSeconds(s.seconds);
  if (!stats.try_enqueue(s)) dropped_stats.fetch_add(1, std::memory_order_relaxed);
  step.store(s.step, std::memory_order_relaxed);
  markStep();
  // A single step, or any step while paused (StepOnce), is owed a picture of its own: nothing
  // else would publish one before the next command.
  if (target != StepTarget::Both || state.load() != RunState::Running) frame_owed = true;

  const Divergence why = own->divergence(s.step % kWeightCheckInterval == 0);
  if (why != Divergence::None) {
    diverged_at.store(s.step);
    diverged_why.store(why);
    state.store(RunState::Diverged);
    frame_owed = true;
  } else if (s.step == pause_at && state.load() == RunState::Running) {
    if (options.settle_image_metrics) own->settleImageMetrics(stop);
    state.store(RunState::Paused);
    at_pause_step.store(true);
    frame_owed = true;
  }
  return true;
}

template <class Frame>
bool Session::Impl::publish(uint64_t me, bool periodic, const std::atomic<bool>* cancel,
                            bool& sent) {
  FrameChannel<Frame>& channel = std::get<FrameChannel<Frame>>(channels);
  std::shared_ptr<Trainer> own = trainer;  // outlives a hand-over during the filling
  Frame* buffer = nullptr;
  {
    std::lock_guard lock(handoff);
    if (worker != me) return false;
    buffer = channel.acquire();
    if (!buffer) {
      if (periodic) dropped_frames.fetch_add(1, std::memory_order_relaxed);
      return true;
    }
    in_update = true;
  }
  bool whole = false;
  try {
    whole = own->fillFrame(*buffer, cancel);
  } catch (...) {
    std::lock_guard lock(handoff);
    channel.giveBack(buffer);  // the run fails, but its next frame still finds a buffer
    if (worker == me) in_update = false;
    throw;
  }
  std::lock_guard lock(handoff);
  if (worker != me || !whole) {
    channel.giveBack(buffer);  // cancelled or handed over: the frame is not sent
    if (worker != me) {
      own.reset();
      g_background_updates.fetch_sub(1);
      return false;
    }
    in_update = false;
    return true;
  }
  in_update = false;
  buffer->header.generation = generation.load(std::memory_order_relaxed);
  buffer->header.config_revision = revision;
  buffer->header.sequence = frames_sent.fetch_add(1);
  channel.publish(buffer);
  sent = true;
  return true;
}

bool Session::Impl::publishFrame(uint64_t me, bool periodic, const std::atomic<bool>* cancel) {
  bool owner = true;
  forEachFrameKind([&](auto kind) {
    using Frame = typename decltype(kind)::type;
    if (!owner || Frame::kScenario != trainer->scenario()) return;
    bool sent = false;
    owner = publish<Frame>(me, periodic, cancel, sent);
    if (sent) frame_owed = false;
  });
  return owner;
}

Session::Session(const TrainConfig& config, const SessionOptions& options) {
  validate(config);
  impl_ = std::make_shared<Impl>(std::make_unique<Trainer>(config), options);
  impl_->config = config;
  impl_->start();
}

Session::Session(const std::string& state_bytes, const SessionOptions& options) {
  auto trainer = std::make_unique<Trainer>(loadGanState(state_bytes));
  const TrainConfig config = trainer->state().config;
  impl_ = std::make_shared<Impl>(std::move(trainer), options);
  impl_->config = config;
  impl_->start();
}

Session::~Session() {
  if (impl_) impl_->shutDown();
}

bool Session::send(Command command) {
  if (auto* latent = std::get_if<RenderLatent>(&command)) {
    impl_->postLatent(std::move(*latent));
    return true;
  }
  TrainConfig next = impl_->config;
  if (auto* hyper = std::get_if<SetHyperparams>(&command)) {
    validate(hyper->value);
    next.hyper = hyper->value;
  } else if (auto* reset = std::get_if<Reset>(&command)) {
    validate(reset->config);
    next = reset->config;
  } else if (auto* directions = std::get_if<SetLatentDirections>(&command)) {
    Impl::checkDirections(*directions);
  } else if (auto* limit = std::get_if<SetSpeedLimit>(&command)) {
    // A positive limit below one step an hour would overflow the wait between steps.
    if (!(limit->steps_per_second >= 0) ||
        (limit->steps_per_second > 0 && limit->steps_per_second < kMinStepsPerSecond)) {
      throw ConfigError("speed limit", std::to_string(limit->steps_per_second) +
                                           " steps/s; give 0 (unlimited), infinity (unlimited) "
                                           "or from 1/3600 up");
    }
  }
  const bool revises =
      std::holds_alternative<SetHyperparams>(command) || std::holds_alternative<Reset>(command);
  const bool pause = std::holds_alternative<Pause>(command);
  const bool replaces = std::holds_alternative<Reset>(command);
  // These stop a step under way between two of its updates; a Reset also hands a run whose
  // single update is still running to a fresh thread, so it acts at once.
  const bool interrupts = pause || replaces || std::holds_alternative<LoadState>(command) ||
                          std::holds_alternative<SampleGenerator>(command);
  // Cancelled after queueing: the trainer clears the flag, then drains.
  const bool queued = interrupts ? impl_->enqueueInterrupting(std::move(command), replaces)
                                 : impl_->commands.try_enqueue(std::move(command));
  if (!queued) return false;
  impl_->config = std::move(next);
  if (revises) ++impl_->config_revision;
  if (pause) {
    // A Pause shows at once, even while an update finishes (the trainer stops after it).
    RunState running = RunState::Running;
    impl_->state.compare_exchange_strong(running, RunState::Paused);
  }
  return true;
}

bool Session::pollStats(StepStats& out) {
  return impl_->stats.try_dequeue(out);
}

template <class Frame>
const Frame* Session::poll() {
  return std::get<FrameChannel<Frame>>(impl_->channels).poll();
}

template <class Frame>
void Session::recycle(const Frame* frame) {
  std::get<FrameChannel<Frame>>(impl_->channels).recycle(frame);
}

// One pair per frame kind of FrameKinds.
template const Figure1Frame* Session::poll<Figure1Frame>();
template const PlaneFrame* Session::poll<PlaneFrame>();
template void Session::recycle<Figure1Frame>(const Figure1Frame*);
template void Session::recycle<PlaneFrame>(const PlaneFrame*);
template const ImageFrame* Session::poll<ImageFrame>();
template void Session::recycle<ImageFrame>(const ImageFrame*);

SessionStatus Session::status() const {
  SessionStatus s;
  s.state = impl_->state.load();
  s.step = impl_->step.load();
  s.generation = impl_->generation.load();
  s.diverged_at = impl_->diverged_at.load();
  s.diverged_why = impl_->diverged_why.load();
  s.dropped_stats = impl_->dropped_stats.load();
  s.dropped_frames = impl_->dropped_frames.load();
  s.frames_sent = impl_->frames_sent.load();
  s.latent_rendered = impl_->latent_rendered.load();
  s.latent_coalesced = impl_->latent_coalesced.load();
  s.directions_computed = impl_->outbox->directions_computed.load();
  s.directions_dropped = impl_->outbox->directions_dropped.load();
  s.at_pause_step = impl_->at_pause_step.load();
  using Clock = Impl::Clock;
  const Clock::time_point last{Clock::duration(impl_->last_step.load())};
  s.seconds_since_step = std::chrono::duration<double>(Clock::now() - last).count();
  std::lock_guard lock(impl_->classifier_mutex);
  if (impl_->classifier_job) s.classifier = impl_->classifier_job->status();
  return s;
}

template <class Fill>
void Session::Impl::answer(uint64_t request, Fill fill) {
  Reply reply;
  reply.request = request;
  try {
    fill(reply);
  } catch (const std::exception& error) {
    const auto* torch_error = dynamic_cast<const c10::Error*>(&error);
    reply.error = torch_error ? torch_error->what_without_backtrace() : error.what();
  }
  replies.enqueue(std::move(reply));
}

Reply Session::Impl::ask(Command command, uint64_t request) {
  // Queued, then the step under way stops at its next check, so the answer comes after the
  // update under way (cancelled first, a trainer between steps could clear the flag, find the
  // queue still empty and run a whole step before it looks again).
  while (!enqueueInterrupting(Command(command), false)) {
    std::this_thread::sleep_for(std::chrono::milliseconds(1));
  }
  return awaitReply(request);
}

Reply Session::Impl::awaitReply(uint64_t request) {
  Reply reply;
  // Requests are asked one at a time, so the next reply is ours; an older one is skipped.
  do {
    replies.wait_dequeue(reply);
  } while (reply.request != request);
  if (!reply.error.empty()) throw std::runtime_error(reply.error);
  return reply;
}

std::vector<float> Session::sampleGenerator(int count) {
  const uint64_t request = ++impl_->last_request;
  // Answered between two updates of a long step (cancelled after queueing, as in send).
  return impl_->ask(SampleGenerator{request, count}, request).samples;
}

std::string Session::saveState() {
  const uint64_t request = ++impl_->last_request;
  // Answered after the update under way, not the whole step (cancelled after queueing).
  return impl_->ask(SaveState{request}, request).bytes;
}

void Session::loadState(const std::string& state_bytes) {
  TrainConfig config = configOfState(state_bytes);
  const uint64_t request = ++impl_->last_request;
  if (impl_->busy()) {
    // The run is handed to a fresh thread (as on Reset) once the bytes are known to load: a
    // failed load must leave the current run untouched.
    loadGanState(state_bytes);
    while (!impl_->enqueueInterrupting(LoadState{request, state_bytes}, true)) {
      std::this_thread::sleep_for(std::chrono::milliseconds(1));
    }
    impl_->awaitReply(request);
  } else {
    impl_->ask(LoadState{request, state_bytes}, request);
  }
  impl_->config = std::move(config);
  ++impl_->config_revision;  // as the trainer counts a load that succeeded
}

TrainConfig Session::configOfState(const std::string& state_bytes) {
  return ganStateConfig(state_bytes);
}

int64_t Session::stepOfState(const std::string& state_bytes) {
  return ganStateStep(state_bytes);
}

int Session::backgroundUpdates() {
  return g_background_updates.load();
}

bool Session::leftThreadsBehind() {
  return g_left_threads_behind.load();
}

std::string Session::failure() const {
  std::lock_guard lock(impl_->failure_mutex);
  return impl_->failure;
}

TrainConfig Session::config() const {
  return impl_->config;
}

uint32_t Session::configRevision() const {
  return impl_->config_revision;
}

}  // namespace ganscope
