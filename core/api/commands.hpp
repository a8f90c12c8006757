// Commands from the UI to the training thread, applied between two steps, and the replies to
// requests. Plain data (no pointers, no callbacks), so that a remote trainer can take the same
// commands over a socket.
#pragma once
#include <cstdint>
#include <string>
#include <variant>
#include <vector>

#include "core/api/config.hpp"
#include "core/api/telemetry/class_map.hpp"
#include "core/api/telemetry/found_latent.hpp"
#include "core/api/telemetry/latent_directions.hpp"

namespace ganscope {

/// Replaces every hyperparameter at once before the next step.
struct SetHyperparams {
  Hyperparams value;
};
/// Stops stepping; a step under way stops before its next update (and continues on Resume).
/// status() reads Paused as soon as it is sent; the one update then running still finishes.
struct Pause {};
struct Resume {};
/// The pace: at most `steps_per_second` steps a second (0 or infinity: as fast as it can). The
/// trainer waits between steps on its command queue, so commands act at once; at a limit of at
/// most the frame rate every step sends its frame, so slow motion is smooth.
struct SetSpeedLimit {
  double steps_per_second = 0;
};

enum class StepTarget : uint8_t {
  Discriminator,  ///< one D update
  Generator,      ///< one G update
  Both,           ///< k D updates then one G update: a full training step
};
/// Runs exactly one step of `target` (also while paused), then stays paused.
struct StepOnce {
  StepTarget target = StepTarget::Both;
};
/// Rebuilds networks, data and optimisers from `config` (new architecture, data or seed) and
/// restarts from step 0. A running run keeps running; a paused one stays paused; a diverged or
/// failed one becomes paused. A step under way is left to finish in the background, its result
/// discarded, so a Reset acts at once even on a config whose single update takes seconds.
struct Reset {
  TrainConfig config;
};

// Requests: answered between steps, also while paused, by a Reply carrying the same
// `request` number.

/// Asks for `count` fresh samples of G (count x data dims, interleaved, in Reply::samples).
/// Session::sampleGenerator wraps it.
struct SampleGenerator {
  uint64_t request = 0;
  int count = 0;
};
/// Asks for the run's state as bytes (GanState format, in Reply::bytes). Session::saveState
/// wraps it.
struct SaveState {
  uint64_t request = 0;
};
/// Replaces the run with the one `bytes` describe (as Reset does, but continuing from the saved
/// step). Bad bytes give a Reply with an error and leave the current run untouched.
/// Session::loadState wraps it.
struct LoadState {
  uint64_t request = 0;
  std::string bytes;
};

/// Asks for G's pictures of `count` latents (`z`: count x latent dim, row-major) and D's score
/// of each, from the preview G (image runs: eval mode or the moving average) under NoGrad,
/// never touching the training state. Answered between steps (also while paused) by a
/// LatentPicture on Session::pollLatent, so the UI never waits; only the newest request waiting
/// is answered (a newer one replaces it: a dragged slider's requests coalesce).
struct RenderLatent {
  uint64_t request = 0;  ///< the caller's number for it, echoed in the LatentPicture (not 0)
  int count = 0;         ///< latents in `z`, 1 to kMaxLatentBatch
  std::vector<float> z;  ///< count x the run's latent dim
  /// Also draw latents history_from .. history_from + history_count - 1 with each earlier G the
  /// trainer keeps (up to 8 snapshots evenly spread over the run so far: the training-time
  /// view), into LatentPicture::history_*. 0: none.
  int history_from = 0;
  int history_count = 0;
};
/// Latents a RenderLatent may carry.
inline constexpr int kMaxLatentBatch = 256;

/// The answer to a RenderLatent.
struct LatentPicture {
  uint64_t request = 0;        ///< the request answered
  std::string error;           ///< why it failed (a bad z size, no run); empty when it succeeded
  int64_t step = -1;           ///< the training step of the G that drew it
  uint32_t generation = 0;     ///< the run generation of that G
  int count = 0;               ///< samples
  int dims = 0;                ///< data dims of each sample (784 for images, 2, 1)
  std::vector<float> samples;  ///< count x dims, interleaved; images: pixels in [-1, 1]
  /// D's score of each sample as the grid shows it: a probability for the probability losses,
  /// the raw output for the others.
  std::vector<float> d_score;
  /// With RenderLatent::history_count: the steps of the earlier G's, oldest first, and their
  /// pictures of those latents (history_steps.size() x history_count x dims).
  std::vector<int64_t> history_steps;
  std::vector<float> history_samples;
};

/// Switches GANSpace directions on (`count` 1 to kMaxDirections) or off (0). When on, a set is
/// computed at once (also while paused; again after a reset or a loaded run), then each time
/// `interval_steps` more steps are trained, but never more than kDirectionsBudget of the time;
/// each set comes on Session::pollDirections, matched to the one before. Computed on a thread of
/// its own (the explorer's LatentWorker) from a copy of the preview G (eval mode or the moving
/// average) under NoGrad, with z of their own fixed seed: training neither waits nor changes.
/// Session::send throws ConfigError for values out of range.
struct SetLatentDirections {
  int count = 0;  ///< 0: off, 1 to kMaxDirections: on
  /// Training steps between two sets at least (the time budget stretches it for a costly G:
  /// fashion-dcgan's ~1.5 s sets come every ~700-1200 steps on a busy 2-core machine).
  int64_t interval_steps = 200;
  DirectionSource source = DirectionSource::FirstHidden;  ///< what the PCA analyses
};

/// "Find z for this real image": optimises z so that the preview G's picture reproduces
/// `target` (L1 per value plus a penalty holding |z - centre| near the prior's typical norm;
/// Adam on z from `restarts` random starts side by side, the best kept), on a copy of the preview
/// G taken between steps and searched on a thread of its own: training never waits for it nor
/// changes. Answers come on Session::pollFoundLatent every `report_every` iterations and once
/// done; bad input gives one answer whose error names the field and what is allowed. A newer
/// FindLatent replaces one not yet started and stops one running.
struct FindLatent {
  uint64_t request = 0;       ///< the caller's number, echoed in each FoundLatent (not 0)
  std::vector<float> target;  ///< the data's dims values in [-1, 1] (images: 784 pixels)
  int iterations = kFindLatentIterations;      ///< Adam steps, 1 to 5000
  int restarts = kFindLatentRestarts;          ///< random starts, 1 to 16
  double norm_weight = kFindLatentNormWeight;  ///< the norm penalty's weight, 0 to 100
  /// Iterations between progress answers (0: the final one only).
  int report_every = kFindLatentReportEvery;
  uint64_t seed = 1;  ///< the starts' random generator
};

/// Asks for the class map of the plane through three anchors (image runs): the built-in
/// classifier's class of G(z) on a side x side grid of z(u, v) = A + u (B - A) + v (C - A) (see
/// ClassMap for the grid). Computed off the training thread on a copy of the preview G taken
/// between steps, so training is untouched and barely slowed; answered on
/// Session::pollClassMap (a request still waiting is replaced by a newer one). Bad input (a side
/// outside kMinClassMapSide..kMaxClassMapSide, anchors of the wrong size, a run without images)
/// is answered with ClassMap::error.
struct RenderClassMap {
  uint64_t request = 0;             ///< the caller's number for it, echoed in the ClassMap
  int side = kDefaultClassMapSide;  ///< cells a side, kMinClassMapSide to kMaxClassMapSide
  std::vector<float> anchors;       ///< A, B, C: 3 x the run's latent dim, row-major
};

/// The answer to a request.
struct Reply {
  uint64_t request = 0;        ///< the request answered
  std::string error;           ///< why it failed; empty when it succeeded
  std::vector<float> samples;  ///< SampleGenerator's samples
  std::string bytes;           ///< SaveState's state
};

using Command = std::variant<SetHyperparams, Pause, Resume, SetSpeedLimit, StepOnce, Reset,
                             SampleGenerator, SaveState, LoadState, RenderLatent,
                             SetLatentDirections, FindLatent, RenderClassMap>;

}  // namespace ganscope
