// Session: the torch-free facade app/ uses. Owns the training thread and its lock-free queues
// (commands in; per-step stats and, per frame kind, pooled frames out). The trainer never blocks
// on the UI: when an outgoing queue is full it drops the item and counts the drop. Nor does the
// UI wait for a step: Pause stops a step between two updates, and a Reset, a loaded state or
// the Session's end leaves an update still running to finish on its old thread, discarded.
#pragma once
#include <cstdint>
#include <memory>
#include <string>

#include "core/api/commands.hpp"
#include "core/api/config.hpp"
#include "core/api/divergence.hpp"
#include "core/api/telemetry/class_map.hpp"
#include "core/api/telemetry/found_latent.hpp"
#include "core/api/telemetry/frames.hpp"
#include "core/api/telemetry/latent_directions.hpp"
#include "core/api/telemetry/step_stats.hpp"

namespace ganscope {

struct SessionOptions {
  int intra_op_threads = 1;    ///< LibTorch threads of the trainer; 1 leaves a core to the UI
  double frame_hz = 30;        ///< frame rate while running (default: 30)
  bool start_paused = false;   ///< wait for Resume or StepOnce before the first step
  int64_t pause_at_step = -1;  ///< pause when this many steps are done (-1: never)
  /// After a Reset, pause at its config's `steps`; after a loaded state, that many steps past
  /// the state's step (the window's "the preset's steps stop the run"). Default: false.
  bool pause_at_config_steps = false;
  double steps_per_second = 0;      ///< the speed limit to start with (0: unlimited), SetSpeedLimit
  bool reset_pauses = false;        ///< a Reset or loaded state waits paused at its first step
  size_t stats_capacity = 1 << 16;  ///< StepStats queue slots before drops (default: 65536)
  int frame_buffers = 4;            ///< pool size of each frame kind (default: 4)
  /// Image runs: at the pause step, wait for that step's class metrics (and the classifier)
  /// before the frame is sent, so a headless run's last frame carries them.
  bool settle_image_metrics = false;
};

enum class RunState : uint8_t {
  Running,
  Paused,
  Diverged,  ///< a loss or weight became NaN/Inf or blew up (Divergence); stepping stops until
             ///< Reset
  Failed,    ///< the trainer hit an error (see Session::failure()); stepping stops until Reset
};

/// Where an image run's classifier (core/metrics) stands.
enum class ClassifierPhase : uint8_t {
  None,      ///< not an image run
  Loading,   ///< reading the cache (or about to train)
  Training,  ///< training: the first image run on this data (progress, text)
  Ready,     ///< the class metrics are being computed
  Failed,    ///< it could not be loaded or trained (text says why): no class metrics
};

struct ClassifierStatus {
  ClassifierPhase phase = ClassifierPhase::None;
  float progress = 0;  ///< Training: the share done, 0 to 1
  float accuracy = 0;  ///< Ready: accuracy on the test images
  std::string text;    ///< what it is doing; Ready: a note about the cache, if any; Failed: why
};

/// Counters and state the UI reads every frame; all of it is a copy.
struct SessionStatus {
  RunState state = RunState::Paused;
  int64_t step = 0;                            ///< steps done in this run
  uint32_t generation = 0;                     ///< resets so far
  int64_t diverged_at = -1;                    ///< step whose loss or weights diverged, else -1
  Divergence diverged_why = Divergence::None;  ///< what diverged at diverged_at
  uint64_t dropped_stats = 0;                  ///< StepStats dropped because the queue was full
  uint64_t dropped_frames = 0;                 ///< frames skipped because no pool buffer was free
  uint64_t frames_sent = 0;                    ///< frames published so far
  /// Paused by itself at its pause step (pause_at_step or the config's steps); cleared when it
  /// steps again.
  bool at_pause_step = false;
  double seconds_since_step = 0;  ///< since the last step completed (or the run started)
  ClassifierStatus classifier;    ///< image runs: the classifier behind the class metrics
  uint64_t latent_rendered = 0;   ///< RenderLatent requests answered
  uint64_t latent_coalesced = 0;  ///< RenderLatent requests replaced by a newer one unanswered

  uint64_t directions_computed = 0;  ///< LatentDirections sets computed (SetLatentDirections)
  uint64_t directions_dropped = 0;   ///< of those, dropped because 4 waited unpolled
};

class Session {
 public:
  /// Builds the trainer from `config` (throws ConfigError) and starts the training thread.
  Session(const TrainConfig& config, const SessionOptions& options = {});
  /// Continues the run saved in `state_bytes` (saveState's bytes) from its step; throws
  /// std::runtime_error naming what is wrong with them before any thread starts.
  Session(const std::string& state_bytes, const SessionOptions& options);
  /// Stops the training thread. A step under way is not waited for: its thread finishes the
  /// update in the background and ends (see backgroundUpdates()).
  ~Session();
  Session(const Session&) = delete;
  Session& operator=(const Session&) = delete;

  /// Queues a command; false if the command queue is full (the UI may retry next frame).
  /// Throws ConfigError for invalid hyperparameters or configs, before queueing. A RenderLatent
  /// always goes in: it replaces the one still waiting, if any (that one is never answered).
  bool send(Command command);

  /// Pops the oldest LatentPicture (RenderLatent's answer); false when none is waiting.
  bool pollLatent(LatentPicture& out);
  /// Pops the oldest set of latent directions (after send(SetLatentDirections{count, ...}));
  /// false when none is waiting. Poll each frame and keep the last set popped: each set is
  /// already matched to the one computed before it, so sets may be skipped (a set dropped
  /// because four waited unpolled is counted in SessionStatus::directions_dropped).
  bool pollDirections(LatentDirections& out);
  /// Pops the oldest class map waiting (RenderClassMap's answer: a request not yet started when
  /// a newer one comes is dropped unanswered, and a map made while four wait unpolled is
  /// dropped); false when none is waiting.
  bool pollClassMap(ClassMap& out);

  /// Pops the oldest FoundLatent (FindLatent's answers: progress every report_every iterations,
  /// then the final one; an error answer for bad input); false when none is waiting. A few are
  /// kept unpolled, the oldest dropped first.
  bool pollFoundLatent(FoundLatent& out);

  /// Pops the oldest StepStats; false when none is waiting.
  bool pollStats(StepStats& out);
  /// The oldest frame of kind `Frame` (one of FrameKinds) not yet taken, or nullptr. Hand it
  /// back with `recycle` once copied or drawn: the trainer skips frames (and counts them) while
  /// all buffers of the kind are out. A run makes the frame kind of its scenario only.
  template <class Frame>
  const Frame* poll();
  template <class Frame>
  void recycle(const Frame* frame);

  /// `count` fresh samples of the current G (count x data dims, interleaved); waits for the
  /// trainer to answer between steps. Throws std::runtime_error if it cannot.
  std::vector<float> sampleGenerator(int count);

  /// The current run's state as bytes (networks, optimisers, random generator, step, config);
  /// waits for the trainer to answer between two updates (also while paused). A step stopped half
  /// way is finished first, so the state is at a step boundary; for a heavy step (see
  /// slowStepWarning) that would take long, so it throws std::runtime_error saying so instead.
  std::string saveState();
  /// Replaces the current run with the one saved in `state_bytes`, continuing from its step
  /// (the generation bumps, as on Reset). Waits for the trainer; bad bytes throw
  /// std::runtime_error naming what is wrong, and the current run goes on untouched.
  void loadState(const std::string& state_bytes);
  /// The config saved in state bytes; throws std::runtime_error when they are not a state.
  static TrainConfig configOfState(const std::string& state_bytes);
  /// The steps done in the run saved in state bytes; throws like configOfState.
  static int64_t stepOfState(const std::string& state_bytes);
  /// Updates still running on threads that a Reset, a loaded state or a destroyed Session left
  /// behind (each ends when its update does). A process ending while this is not 0 must not
  /// run static destructors under them: it ends with std::quick_exit/_Exit instead.
  static int backgroundUpdates();
  /// Whether any Session of this process ever left a thread behind (a hand-over, or a Session
  /// destroyed mid-update). Sticky: a left-behind thread still unwinds (its trainer, LibTorch's
  /// thread-local state) after backgroundUpdates() counts it done, so a process that ends must
  /// skip static destructors (std::_Exit after flushing) whenever this holds.
  static bool leftThreadsBehind();

  SessionStatus status() const;
  /// What stopped the trainer when status().state is Failed, else "".
  std::string failure() const;
  /// The config of the current run including every command sent so far (the trainer applies
  /// them in order, before its next step).
  TrainConfig config() const;
  /// The revision of config(): 0 at the start, +1 for every SetHyperparams and Reset sent and every
  /// state loaded. Stats
  /// and frames carry the revision they were made under.
  uint32_t configRevision() const;

 private:
  struct Impl;
  std::shared_ptr<Impl> impl_;  // shared with its threads: one may outlive the Session
};

}  // namespace ganscope
