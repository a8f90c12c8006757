// Session::Impl: the Session's state shared by its threads (the training thread, its standby,
// the UI): queues, frame channels, the run's atomics and the hand-over. session.cpp runs the
// thread and its state machine; session_explorer.cpp answers the latent explorer's commands.
#pragma once
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <tuple>

#include <readerwriterqueue/readerwriterqueue.h>

#include "core/api/session.hpp"
#include "core/engine/frame_channel.hpp"
#include "core/engine/latent_outbox.hpp"
#include "core/engine/trainer.hpp"

namespace ganscope {
namespace detail {
template <class Kinds>
struct ChannelsOf;
template <class... Frames>
struct ChannelsOf<std::tuple<Frames...>> {
  using type = std::tuple<FrameChannel<Frames>...>;
  static type make(int buffers) { return type(((void)sizeof(Frames), buffers)...); }
};
}  // namespace detail

struct Session::Impl : std::enable_shared_from_this<Session::Impl> {
  using Clock = std::chrono::steady_clock;
  using FrameChannels = detail::ChannelsOf<FrameKinds>;
  using CancelFlag = std::shared_ptr<std::atomic<bool>>;
  static Clock::duration clockDuration(double seconds) {
    return std::chrono::duration_cast<Clock::duration>(std::chrono::duration<double>(seconds));
  }

  Impl(std::unique_ptr<Trainer> first, const SessionOptions& opts)
      : options(opts),
        trainer(std::move(first)),
        stats(opts.stats_capacity),
        channels(FrameChannels::make(opts.frame_buffers)),
        state(opts.start_paused ? RunState::Paused : RunState::Running),
        running_loss(trainer->state().config.hyper.loss),
        pause_at(opts.pause_at_step),
        speed_limit(opts.steps_per_second) {
    step.store(trainer->state().stats.step);
    run_start = Clock::now() - clockDuration(trainer->state().stats.seconds);
    markStep();
    classifier_job = trainer->classifierJob();
  }

  /// Starts the first training thread and its standby (both at this thread's priority).
  void start() {
    auto self = shared_from_this();
    active = std::thread([self, flag = cancel] { self->run(0, flag); });
    standby = std::thread([self] { self->waitToTakeOver(); });
  }
  /// Stops the threads; an update under way finishes in the background. UI thread.
  void shutDown();

  void run(uint64_t me, CancelFlag flag);
  /// The standby thread: waits until it takes over a run (or the session ends).
  void waitToTakeOver();
  /// Whether worker `me` still owns the run (false once handed over).
  bool owns(uint64_t me) {
    std::lock_guard lock(handoff);
    return worker == me;
  }
  /// Marks worker `me` inside (true) or out of an update; false when it no longer owns the run.
  bool enterUpdate(uint64_t me);
  bool leaveUpdate(uint64_t me);

  void loop(uint64_t me, std::atomic<bool>& cancel);
  void fail(const std::exception& error);
  void apply(uint64_t me, Command& command);
  template <class Fill>
  void answer(uint64_t request, Fill fill);
  /// Sends `command` (retrying while the queue is full) and waits for its reply; throws
  /// std::runtime_error with the reply's error. UI thread.
  Reply ask(Command command, uint64_t request);
  Reply awaitReply(uint64_t request);
  /// Whether the owner is inside an update (a step or a frame) now.
  bool busy() {
    std::lock_guard lock(handoff);
    return in_update;
  }
  /// Continues with `next` (a reset or loaded run) as a new generation, pausing at
  /// `pause_step`.
  void replaceTrainer(std::unique_ptr<Trainer> next, int64_t pause_step);
  /// One step (or its continuation); false when worker `me` lost the run during it.
  bool trainStep(uint64_t me, StepTarget target, const std::atomic<bool>* cancel);
  bool publishFrame(uint64_t me, bool periodic, const std::atomic<bool>* cancel);
  template <class Frame>
  bool publish(uint64_t me, bool periodic, const std::atomic<bool>* cancel, bool& sent);
  void markStep() { last_step.store(Clock::now().time_since_epoch().count()); }
  void cancelStep() {
    std::lock_guard lock(handoff);
    cancel->store(true);
  }
  /// Queues `command` (false when the queue is full) and stops the step under way at its next
  /// check. With `hand_over` (a Reset, a loaded run) a run whose update is still running also
  /// goes to the standby thread, which then finds the command waiting. One critical section:
  /// while `in_update` holds the owner cannot be dequeuing, so the command is known to be
  /// unconsumed when the run is handed over (queued first, the owner could take it, build the
  /// new run and enter its next update, and the hand-over would then drop the new run).
  bool enqueueInterrupting(Command&& command, bool hand_over) {
    std::lock_guard lock(handoff);
    if (!commands.try_enqueue(std::move(command))) return false;
    if (!hand_over || !handOverIfBusyLocked()) cancel->store(true);
    return true;
  }
  /// Hands the run to the standby thread if the active one is inside an update; the update
  /// finishes on its old thread with its result discarded. True if handed over. UI thread,
  /// with `handoff` held.
  bool handOverIfBusyLocked();

  // The latent explorer's commands (session_explorer.cpp).
  /// Throws ConfigError naming the setting when `settings` is out of range. UI thread.
  static void checkDirections(const SetLatentDirections& settings);
  /// Puts `request` in the mailbox (replacing one waiting) and wakes a waiting trainer. UI
  /// thread.
  void postLatent(RenderLatent&& request);
  /// Answers the RenderLatent waiting, if any. The owning worker, between updates. While
  /// `training`, at most once per max(1/60 s, 19 x the last render's cost), so renders take at
  /// most a twentieth of a running trainer's time (bench/latent_explorer.md); the request stays
  /// in the mailbox until then, replaced by newer ones.
  void renderWaitingLatent(bool training);
  /// Posts the computation of a set of latent directions to the trainer's LatentWorker when
  /// SetLatentDirections wants one now, and fails the run if a worker job failed (a bug). The
  /// owning worker, between updates.
  void postDirectionsIfDue();
  /// Posts `request`'s search to the LatentWorker (a newer request stops an older one's), or
  /// answers it with the reason it cannot run. The owning worker, between updates.
  void postFindLatent(FindLatent& request);

  const SessionOptions options;
  std::shared_ptr<Trainer> trainer;  // the owning worker only (a busy old one keeps its own)

  moodycamel::BlockingReaderWriterQueue<Command> commands{64};
  moodycamel::BlockingReaderWriterQueue<Reply> replies{16};  // trainer -> UI
  // RenderLatent: the newest request not yet taken (a newer one replaces it), and the answers.
  Mailbox<RenderLatent> latent_waiting{1, WhenFull::DropOldest};
  moodycamel::ReaderWriterQueue<LatentPicture> latent_pictures{8};  // trainer -> UI
  std::atomic<uint64_t> latent_rendered{0}, latent_coalesced{0};
  // SetLatentDirections: what the LatentWorker computes. The answers of its jobs (directions,
  // class maps, found z) go to the UI through `outbox` (shared: a job may outlive this).
  SetLatentDirections directions_wanted;
  const std::shared_ptr<LatentOutbox> outbox = std::make_shared<LatentOutbox>();
  moodycamel::ReaderWriterQueue<StepStats> stats;
  FrameChannels::type channels;  // trainer side used under `handoff`

  // Written by the trainer thread, read by the UI.
  std::atomic<RunState> state;
  std::atomic<int64_t> step{0};
  std::atomic<uint32_t> generation{0};
  std::atomic<int64_t> diverged_at{-1};
  std::atomic<Divergence> diverged_why{Divergence::None};
  std::atomic<uint64_t> dropped_stats{0};
  std::atomic<uint64_t> dropped_frames{0};
  std::atomic<uint64_t> frames_sent{0};
  std::atomic<bool> at_pause_step{false};
  std::atomic<Clock::rep> last_step{0};
  std::atomic<bool> stop{false};
  // The current run's classifier (image runs), for status() on the UI thread.
  mutable std::mutex classifier_mutex;
  std::shared_ptr<ClassifierJob> classifier_job;
  mutable std::mutex failure_mutex;
  std::string failure;  // guarded by failure_mutex

  // The hand-over, guarded by `handoff`.
  std::mutex handoff;
  std::condition_variable take_over;
  uint64_t worker = 0;     // the worker that owns the run
  bool in_update = false;  // the owner is inside a step or a frame
  bool standby_go = false;
  CancelFlag cancel = std::make_shared<std::atomic<bool>>(false);  // the owner's
  std::optional<std::thread> next_standby;  // made by a thread that took over, for the UI
  bool standby_ready = true;                // `standby` waits and can take over

  // The owning worker only.
  std::optional<StepTarget> pending_step;
  bool frame_owed = true;  // the UI needs a picture of the current state
  uint32_t revision = 0;   // config revision applied: counts SetHyperparams and Reset
  LossKind running_loss;   // the loss the trainer runs with
  int64_t pause_at;        // the step to pause at, -1: none
  double speed_limit;      // steps per second, 0: none
  Clock::time_point run_start = Clock::now();
  Clock::time_point next_frame = Clock::now();
  Clock::time_point next_step = Clock::now();
  Clock::time_point next_latent{};  // a running trainer renders latents from then on

  // UI thread only.
  TrainConfig config;
  uint32_t config_revision = 0;
  uint64_t last_request = 0;  // the number of the last request asked
  std::thread active, standby;
};

}  // namespace ganscope
