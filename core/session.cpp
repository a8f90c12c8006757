// Session: the training thread, its run state and the three lock-free queues.
#include "core/session.hpp"

#include <atomic>
#include <chrono>
#include <mutex>
#include <optional>
#include <thread>

#include <readerwriterqueue/readerwriterqueue.h>

#include "common/runtime_info.hpp"
#include "core/trainer.hpp"

namespace ganscope {
namespace {
using Clock = std::chrono::steady_clock;
constexpr auto kIdleWait = std::chrono::milliseconds(100);  // paused: wake this often at most
constexpr int kWeightCheckInterval = 64;  // steps between full NaN/Inf scans of the weights
}  // namespace

struct Session::Impl {
  Impl(const TrainConfig& config, const SessionOptions& opts)
      : options(opts),
        trainer(std::make_unique<Trainer>(config)),
        stats(opts.stats_capacity),
        full(opts.snapshot_buffers),
        free(opts.snapshot_buffers),
        state(opts.start_paused ? RunState::Paused : RunState::Running) {
    for (int i = 0; i < opts.snapshot_buffers; ++i) {
      pool.push_back(std::make_unique<Snapshot>());
      free.enqueue(pool.back().get());
    }
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
  void trainStep(StepTarget target);
  void publishSnapshot(bool periodic);

  const SessionOptions options;
  std::unique_ptr<Trainer> trainer;  // trainer thread only

  moodycamel::BlockingReaderWriterQueue<Command> commands{64};
  moodycamel::ReaderWriterQueue<StepStats> stats;
  moodycamel::ReaderWriterQueue<Snapshot*> full;  // trainer -> UI
  moodycamel::ReaderWriterQueue<Snapshot*> free;  // UI -> trainer
  std::vector<std::unique_ptr<Snapshot>> pool;

  // Written by the trainer thread, read by the UI.
  std::atomic<RunState> state;
  std::atomic<int64_t> step{0};
  std::atomic<uint32_t> generation{0};
  std::atomic<int64_t> diverged_at{-1};
  std::atomic<uint64_t> dropped_stats{0};
  std::atomic<uint64_t> dropped_snapshots{0};
  std::atomic<bool> stop{false};
  mutable std::mutex failure_mutex;
  std::string failure;  // guarded by failure_mutex

  // Trainer thread only.
  std::optional<StepTarget> pending_step;
  bool snapshot_owed = true;  // the UI needs a picture of the current state
  Clock::time_point run_start = Clock::now();
  Clock::time_point next_snapshot = Clock::now();

  // UI thread only.
  TrainConfig config;
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
  snapshot_owed = false;
}

void Session::Impl::loop() {
  const auto period = std::chrono::duration_cast<Clock::duration>(
      std::chrono::duration<double>(1.0 / options.snapshot_hz));
  Command command;
  while (!stop.load(std::memory_order_relaxed)) {
    const bool stepping = state.load() == RunState::Running || pending_step;
    if (!stepping) {
      // Paused or diverged: sleep until a command comes (owing a snapshot: retry soon).
      if (snapshot_owed) publishSnapshot(false);
      const auto wait = snapshot_owed ? std::chrono::milliseconds(5) : kIdleWait;
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
    if (snapshot_owed || now >= next_snapshot) {
      publishSnapshot(!snapshot_owed);
      // At most a fifth of the trainer's time goes to pictures: a costly snapshot (a large D
      // on the 2-D field) comes less often than snapshot_hz.
      const auto cost = Clock::now() - now;
      next_snapshot = now + std::max<Clock::duration>(period, 5 * cost);
    }
  }
}

void Session::Impl::apply(Command& command) {
  std::visit(
      [this](auto& c) {
        using T = std::decay_t<decltype(c)>;
        const bool stopped = state.load() == RunState::Diverged || state.load() == RunState::Failed;
        if constexpr (std::is_same_v<T, SetHyperparams>) {
          trainer->setHyperparams(c.value);
        } else if constexpr (std::is_same_v<T, Pause>) {
          if (!stopped) state.store(RunState::Paused);
          snapshot_owed = !stopped;
        } else if constexpr (std::is_same_v<T, Resume>) {
          if (!stopped) state.store(RunState::Running);
        } else if constexpr (std::is_same_v<T, StepOnce>) {
          if (!stopped) {
            state.store(RunState::Paused);
            pending_step = c.target;
          }
        } else if constexpr (std::is_same_v<T, SampleGenerator>) {
          try {
            c.result->set_value(trainer->sampleGenerator(c.count));
          } catch (...) {
            c.result->set_exception(std::current_exception());
          }
        } else if constexpr (std::is_same_v<T, Reset>) {
          trainer = std::make_unique<Trainer>(c.config);
          generation.fetch_add(1);
          step.store(0);
          diverged_at.store(-1);
          if (stopped) state.store(RunState::Paused);
          std::lock_guard lock(failure_mutex);
          failure.clear();
          pending_step.reset();
          run_start = Clock::now();
          snapshot_owed = true;
        }
      },
      command);
}

void Session::Impl::trainStep(StepTarget target) {
  StepStats s = trainer->step(target);
  s.generation = generation.load(std::memory_order_relaxed);
  s.seconds = std::chrono::duration<float>(Clock::now() - run_start).count();
  if (!stats.try_enqueue(s)) dropped_stats.fetch_add(1, std::memory_order_relaxed);
  step.store(s.step, std::memory_order_relaxed);
  if (target != StepTarget::Both) snapshot_owed = true;

  const bool diverged = trainer->lastStepDiverged() ||
                        (s.step % kWeightCheckInterval == 0 && !trainer->weightsFinite());
  if (diverged) {
    diverged_at.store(s.step);
    state.store(RunState::Diverged);
    snapshot_owed = true;
  } else if (s.step == options.pause_at_step && state.load() == RunState::Running) {
    state.store(RunState::Paused);
    snapshot_owed = true;
  }
}

void Session::Impl::publishSnapshot(bool periodic) {
  Snapshot* buffer = nullptr;
  if (!free.try_dequeue(buffer)) {
    if (periodic) dropped_snapshots.fetch_add(1, std::memory_order_relaxed);
    return;
  }
  trainer->fillSnapshot(*buffer);
  buffer->generation = generation.load(std::memory_order_relaxed);
  full.enqueue(buffer);
  snapshot_owed = false;
}

Session::Session(const TrainConfig& config, const SessionOptions& options) {
  validate(config);
  impl_ = std::make_unique<Impl>(config, options);
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
  if (!impl_->commands.try_enqueue(std::move(command))) return false;
  impl_->config = std::move(next);
  return true;
}

bool Session::pollStats(StepStats& out) {
  return impl_->stats.try_dequeue(out);
}

const Snapshot* Session::pollSnapshot() {
  Snapshot* next = nullptr;
  return impl_->full.try_dequeue(next) ? next : nullptr;
}

void Session::recycle(const Snapshot* snapshot) {
  if (snapshot) impl_->free.enqueue(const_cast<Snapshot*>(snapshot));
}

SessionStatus Session::status() const {
  SessionStatus s;
  s.state = impl_->state.load();
  s.step = impl_->step.load();
  s.generation = impl_->generation.load();
  s.diverged_at = impl_->diverged_at.load();
  s.dropped_stats = impl_->dropped_stats.load();
  s.dropped_snapshots = impl_->dropped_snapshots.load();
  return s;
}

std::vector<float> Session::sampleGenerator(int count) {
  auto result = std::make_shared<std::promise<std::vector<float>>>();
  std::future<std::vector<float>> answer = result->get_future();
  while (!impl_->commands.try_enqueue(SampleGenerator{count, result})) {
    std::this_thread::sleep_for(std::chrono::milliseconds(1));
  }
  return answer.get();
}

std::string Session::failure() const {
  std::lock_guard lock(impl_->failure_mutex);
  return impl_->failure;
}

TrainConfig Session::config() const {
  return impl_->config;
}

}  // namespace ganscope
