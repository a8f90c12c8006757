// Session: the training thread, its run state, the command and stats queues and one frame
// channel per frame kind.
#include "core/api/session.hpp"

#include <atomic>
#include <chrono>
#include <mutex>
#include <optional>
#include <thread>

#include <readerwriterqueue/readerwriterqueue.h>

#include "common/runtime_info.hpp"
#include "core/engine/frame_channel.hpp"
#include "core/engine/gan_state_io.hpp"
#include "core/engine/trainer.hpp"

namespace ganscope {
namespace {
using Clock = std::chrono::steady_clock;
constexpr auto kIdleWait = std::chrono::milliseconds(100);  // paused: wake this often at most
constexpr int kWeightCheckInterval = 64;                    // steps between scans of the weights

Clock::duration clockDuration(double seconds) {
  return std::chrono::duration_cast<Clock::duration>(std::chrono::duration<double>(seconds));
}

template <class Kinds>
struct ChannelsOf;
template <class... Frames>
struct ChannelsOf<std::tuple<Frames...>> {
  using type = std::tuple<FrameChannel<Frames>...>;
  static type make(int buffers) { return type(((void)sizeof(Frames), buffers)...); }
};
using FrameChannels = ChannelsOf<FrameKinds>;
}  // namespace

struct Session::Impl {
  Impl(std::unique_ptr<Trainer> first, const SessionOptions& opts)
      : options(opts),
        trainer(std::move(first)),
        stats(opts.stats_capacity),
        channels(FrameChannels::make(opts.frame_buffers)),
        state(opts.start_paused ? RunState::Paused : RunState::Running),
        running_loss(trainer->state().config.hyper.loss) {
    step.store(trainer->state().stats.step);
    run_start = Clock::now() - clockDuration(trainer->state().stats.seconds);
    thread = std::thread([this] { run(); });
  }

  ~Impl() {
    stop.store(true);
    commands.enqueue(Pause{});  // wakes a paused trainer at once
    thread.join();
  }

  void run();
  void loop();
  void fail(const std::exception& error);
  void apply(Command& command);
  /// Runs `fill` for request `request` and sends its Reply; an exception becomes its error.
  template <class Fill>
  void answer(uint64_t request, Fill fill);
  /// Sends `command` (retrying while the queue is full) and waits for its reply; throws
  /// std::runtime_error with the reply's error. UI thread.
  Reply ask(Command command, uint64_t request);
  /// Continues with `next` (a reset or loaded run) as a new generation.
  void replaceTrainer(std::unique_ptr<Trainer> next, bool stopped);
  void trainStep(StepTarget target);
  /// Publishes a frame of the trainer's scenario if a buffer is free (the frame is then no
  /// longer owed); a periodic frame that finds none counts as dropped.
  void publishFrame(bool periodic);
  template <class Frame>
  bool publish(bool periodic);

  const SessionOptions options;
  std::unique_ptr<Trainer> trainer;  // trainer thread only

  moodycamel::BlockingReaderWriterQueue<Command> commands{64};
  moodycamel::BlockingReaderWriterQueue<Reply> replies{16};  // trainer -> UI
  moodycamel::ReaderWriterQueue<StepStats> stats;
  FrameChannels::type channels;

  // Written by the trainer thread, read by the UI.
  std::atomic<RunState> state;
  std::atomic<int64_t> step{0};
  std::atomic<uint32_t> generation{0};
  std::atomic<int64_t> diverged_at{-1};
  std::atomic<Divergence> diverged_why{Divergence::None};
  std::atomic<uint64_t> dropped_stats{0};
  std::atomic<uint64_t> dropped_frames{0};
  std::atomic<bool> stop{false};
  mutable std::mutex failure_mutex;
  std::string failure;  // guarded by failure_mutex

  // Trainer thread only.
  std::optional<StepTarget> pending_step;
  bool frame_owed = true;  // the UI needs a picture of the current state
  uint32_t revision = 0;   // config revision applied: counts SetHyperparams and Reset
  LossKind running_loss;   // the loss the trainer runs with
  uint64_t frames_published = 0;
  Clock::time_point run_start = Clock::now();
  Clock::time_point next_frame = Clock::now();

  // UI thread only.
  TrainConfig config;
  uint32_t config_revision = 0;
  uint64_t last_request = 0;  // the number of the last request asked
  std::thread thread;
};

void Session::Impl::run() {
  at::set_num_threads(options.intra_op_threads);
  // BLAS threads beyond LibTorch's spin on the few cores left to the UI: one set of threads.
  setBlasThreads(options.intra_op_threads);
  // An exception must not end the thread (std::terminate): report it and wait for a Reset.
  while (!stop.load()) {
    try {
      loop();
    } catch (const std::exception& error) {
      fail(error);
    }
  }
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

void Session::Impl::loop() {
  const auto period = std::chrono::duration_cast<Clock::duration>(
      std::chrono::duration<double>(1.0 / options.frame_hz));
  Command command;
  while (!stop.load(std::memory_order_relaxed)) {
    const bool stepping = state.load() == RunState::Running || pending_step;
    if (!stepping) {
      // Paused or diverged: sleep until a command comes (owing a frame: retry soon).
      if (frame_owed) publishFrame(false);
      const auto wait = frame_owed ? std::chrono::milliseconds(5) : kIdleWait;
      if (commands.wait_dequeue_timed(command, wait)) apply(command);
      continue;
    }
    // A queued StepOnce is one step each: stop draining once a step is pending.
    while (!pending_step && commands.try_dequeue(command)) apply(command);
    if (state.load() != RunState::Running && !pending_step) continue;
    const StepTarget target = pending_step.value_or(StepTarget::Both);
    pending_step.reset();
    trainStep(target);
    const auto now = Clock::now();
    if (frame_owed || now >= next_frame) {
      publishFrame(!frame_owed);
      // At most a fifth of the trainer's time goes to pictures: a costly frame (a large D on
      // the 2-D field) comes less often than frame_hz.
      const auto cost = Clock::now() - now;
      next_frame = now + std::max<Clock::duration>(period, 5 * cost);
    }
  }
}

void Session::Impl::apply(Command& command) {
  std::visit(
      [this](auto& c) {
        using T = std::decay_t<decltype(c)>;
        const bool stopped = state.load() == RunState::Diverged || state.load() == RunState::Failed;
        if constexpr (std::is_same_v<T, SetHyperparams>) {
          ++revision;  // first, so a refusal below keeps it in step with the UI's count
          trainer->setHyperparams(c.value);
          running_loss = c.value.loss;
        } else if constexpr (std::is_same_v<T, Pause>) {
          if (!stopped) state.store(RunState::Paused);
          frame_owed = !stopped;
        } else if constexpr (std::is_same_v<T, Resume>) {
          if (!stopped) state.store(RunState::Running);
        } else if constexpr (std::is_same_v<T, StepOnce>) {
          if (!stopped) {
            state.store(RunState::Paused);
            pending_step = c.target;
          }
        } else if constexpr (std::is_same_v<T, SampleGenerator>) {
          answer(c.request,
                 [&](Reply& reply) { reply.samples = trainer->sampleGenerator(c.count); });
        } else if constexpr (std::is_same_v<T, SaveState>) {
          answer(c.request, [&](Reply& reply) {
            // A step that failed may have stopped half way: that state would not resume exactly.
            if (state.load() == RunState::Failed) {
              throw std::runtime_error("the trainer failed (" + failure + "); nothing to save");
            }
            reply.bytes = saveGanState(trainer->state());
          });
        } else if constexpr (std::is_same_v<T, LoadState>) {
          answer(c.request, [&](Reply&) {
            replaceTrainer(std::make_unique<Trainer>(loadGanState(c.bytes)), stopped);
            ++revision;  // the UI counts a load once it has succeeded
          });
        } else if constexpr (std::is_same_v<T, Reset>) {
          ++revision;  // first, so a refusal below keeps it in step with the UI's count
          replaceTrainer(std::make_unique<Trainer>(c.config), stopped);
        }
      },
      command);
}

void Session::Impl::replaceTrainer(std::unique_ptr<Trainer> next, bool stopped) {
  trainer = std::move(next);
  running_loss = trainer->state().config.hyper.loss;
  generation.fetch_add(1);
  step.store(trainer->state().stats.step);
  diverged_at.store(-1);
  diverged_why.store(Divergence::None);
  if (stopped) state.store(RunState::Paused);
  std::lock_guard lock(failure_mutex);
  failure.clear();
  pending_step.reset();
  run_start = Clock::now() - clockDuration(trainer->state().stats.seconds);
  frame_owed = true;
}

void Session::Impl::trainStep(StepTarget target) {
  StepStats s = trainer->step(target);
  s.generation = generation.load(std::memory_order_relaxed);
  s.config_revision = revision;
  s.loss = running_loss;
  s.seconds = std::chrono::duration<float>(Clock::now() - run_start).count();
  trainer->setSeconds(s.seconds);
  if (!stats.try_enqueue(s)) dropped_stats.fetch_add(1, std::memory_order_relaxed);
  step.store(s.step, std::memory_order_relaxed);
  // A single step, or any step while paused (StepOnce), is owed a picture of its own: nothing
  // else would publish one before the next command.
  if (target != StepTarget::Both || state.load() != RunState::Running) frame_owed = true;

  const Divergence why = trainer->divergence(s.step % kWeightCheckInterval == 0);
  if (why != Divergence::None) {
    diverged_at.store(s.step);
    diverged_why.store(why);
    state.store(RunState::Diverged);
    frame_owed = true;
  } else if (s.step == options.pause_at_step && state.load() == RunState::Running) {
    state.store(RunState::Paused);
    frame_owed = true;
  }
}

template <class Frame>
bool Session::Impl::publish(bool periodic) {
  FrameChannel<Frame>& channel = std::get<FrameChannel<Frame>>(channels);
  Frame* buffer = channel.acquire();
  if (!buffer) {
    if (periodic) dropped_frames.fetch_add(1, std::memory_order_relaxed);
    return false;
  }
  try {
    trainer->fillFrame(*buffer);
  } catch (...) {
    channel.giveBack(buffer);  // the run fails, but its next frame still finds a buffer
    throw;
  }
  buffer->header.generation = generation.load(std::memory_order_relaxed);
  buffer->header.config_revision = revision;
  buffer->header.sequence = frames_published++;
  channel.publish(buffer);
  return true;
}

void Session::Impl::publishFrame(bool periodic) {
  forEachFrameKind([&](auto kind) {
    using Frame = typename decltype(kind)::type;
    if (Frame::kScenario == trainer->scenario() && publish<Frame>(periodic)) frame_owed = false;
  });
}

Session::Session(const TrainConfig& config, const SessionOptions& options) {
  validate(config);
  impl_ = std::make_unique<Impl>(std::make_unique<Trainer>(config), options);
  impl_->config = config;
}

Session::Session(const std::string& state_bytes, const SessionOptions& options) {
  auto trainer = std::make_unique<Trainer>(loadGanState(state_bytes));
  const TrainConfig config = trainer->state().config;
  impl_ = std::make_unique<Impl>(std::move(trainer), options);
  impl_->config = config;
}

Session::~Session() = default;

bool Session::send(Command command) {
  TrainConfig next = impl_->config;
  if (auto* hyper = std::get_if<SetHyperparams>(&command)) {
    validate(hyper->value);
    next.hyper = hyper->value;
  } else if (auto* reset = std::get_if<Reset>(&command)) {
    validate(reset->config);
    next = reset->config;
  }
  const bool revises =
      std::holds_alternative<SetHyperparams>(command) || std::holds_alternative<Reset>(command);
  if (!impl_->commands.try_enqueue(std::move(command))) return false;
  impl_->config = std::move(next);
  if (revises) ++impl_->config_revision;
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

SessionStatus Session::status() const {
  SessionStatus s;
  s.state = impl_->state.load();
  s.step = impl_->step.load();
  s.generation = impl_->generation.load();
  s.diverged_at = impl_->diverged_at.load();
  s.diverged_why = impl_->diverged_why.load();
  s.dropped_stats = impl_->dropped_stats.load();
  s.dropped_frames = impl_->dropped_frames.load();
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
  while (!commands.try_enqueue(command)) std::this_thread::sleep_for(std::chrono::milliseconds(1));
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
  return impl_->ask(SampleGenerator{request, count}, request).samples;
}

std::string Session::saveState() {
  const uint64_t request = ++impl_->last_request;
  return impl_->ask(SaveState{request}, request).bytes;
}

void Session::loadState(const std::string& state_bytes) {
  TrainConfig config = configOfState(state_bytes);
  const uint64_t request = ++impl_->last_request;
  impl_->ask(LoadState{request, state_bytes}, request);
  impl_->config = std::move(config);
  ++impl_->config_revision;  // as the trainer counts a load that succeeded
}

TrainConfig Session::configOfState(const std::string& state_bytes) {
  return ganStateConfig(state_bytes);
}

int64_t Session::stepOfState(const std::string& state_bytes) {
  return ganStateStep(state_bytes);
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
