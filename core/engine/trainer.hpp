// Trainer: one GAN run, a GanState stepped by its step engine (the hand-written fast path or
// autograd), and the probes that draw its frames. Runs on the training thread only; not
// thread-safe.
#pragma once
#include <torch/torch.h>

#include <atomic>
#include <optional>

#include "core/api/commands.hpp"
#include "core/api/config.hpp"
#include "core/api/divergence.hpp"
#include "core/api/scenario.hpp"
#include "core/api/telemetry/frames.hpp"
#include "core/api/telemetry/step_stats.hpp"
#include "core/engine/gan_state.hpp"
#include "core/engine/generator_history.hpp"
#include "core/engine/image_metrics_worker.hpp"
#include "core/engine/latent_outbox.hpp"
#include "core/engine/latent_worker.hpp"
#include "core/engine/step/step_driver.hpp"
#include "core/engine/step/step_engine.hpp"
#include "core/latent/direction_tracker.hpp"
#include "core/probes/figure1_probe.hpp"
#include "core/probes/image_probe.hpp"
#include "core/probes/plane_probe.hpp"
#include "core/probes/probe_inputs.hpp"

namespace ganscope {

class Trainer {
 public:
  /// Builds data, G, D and optimisers from `config`, seeding everything from config.seed.
  explicit Trainer(const TrainConfig& config);
  /// Continues the run `state` describes (a loaded one, or a fresh GanState).
  explicit Trainer(GanState state);

  /// The run's state, e.g. to save it between steps.
  const GanState& state() const { return state_; }
  /// Records the run's wall time so far (the session's clock) in the state, to save with it.
  void setSeconds(float seconds) { state_.stats.seconds = seconds; }

  /// Takes effect at the next step.
  void setHyperparams(const Hyperparams& hyper);

  /// Runs one step of `target` (Both: k D updates and one G update) and returns its stats.
  /// Values that `target` did not touch keep their previous figures.
  StepStats step(StepTarget target);
  /// As step(target), but when `cancel` becomes true the step stops before its next update and
  /// returns nullopt; the next call continues that step (with its own target) from where it
  /// stopped, so the run stays exact.
  std::optional<StepStats> step(StepTarget target, const std::atomic<bool>& cancel);
  /// True while a step interrupted by its cancel flag waits to be continued.
  bool midStep() const { return progress_.started; }
  /// Whether the run has diverged after its last step: a loss (D's, G's, the game's value)
  /// not finite or beyond kDivergentLoss; with `scan_weights` also every weight of G and D
  /// (a few tensor ops: not every step) not finite or beyond kDivergentWeight.
  Divergence divergence(bool scan_weights) const;

  /// The picture this run makes (scenarioOf its config).
  Scenario scenario() const { return scenario_; }
  /// Fills the frame of the current state: the header (step, loss, D's display mapping; the
  /// Session stamps generation, revision and sequence) and every probe of the picture. Each
  /// throws std::logic_error for a frame kind that is not this run's scenario's.
  /// With `cancel` set part way, a plane frame stops between its probes and returns false
  /// (its contents are then incomplete); true when the frame is whole.
  bool fillFrame(Figure1Frame& out, const std::atomic<bool>* cancel = nullptr);
  bool fillFrame(PlaneFrame& out, const std::atomic<bool>* cancel = nullptr);
  bool fillFrame(ImageFrame& out, const std::atomic<bool>* cancel = nullptr);
  /// Image runs: hands G's samples of this step to the metrics worker (if it is not already
  /// evaluating them) and waits until their metrics are in, the classifier has failed or
  /// `stop`: the final frame of a headless run carries the final step's metrics.
  void settleImageMetrics(const std::atomic<bool>& stop);
  /// Image runs: the classifier behind the metrics (its status is readable from any thread);
  /// null otherwise.
  std::shared_ptr<ClassifierJob> classifierJob() const;

  /// `count` fresh samples of G (images: of the preview G), interleaved; a function of (seed,
  /// step, count).
  std::vector<float> sampleGenerator(int count);
  /// G's pictures of `request`'s latents and D's score of each (RenderLatent), from the preview
  /// G under NoGrad; touches no training state. Throws std::invalid_argument naming a count
  /// outside 1..kMaxLatentBatch or a z of the wrong size.
  LatentPicture renderLatent(const RenderLatent& request);

  /// A copy of the preview G's weights and buffers now: what a LatentWorker job runs on.
  GeneratorSnapshot previewSnapshot() const;
  /// The thread of the explorer's heavy jobs, on copies of the preview G (made on first use).
  LatentWorker& latentWorker();
  /// Why a LatentWorker job failed (a bug), or empty.
  std::string latentWorkerFailure() const;

  /// GANSpace directions (SetLatentDirections, in trainer_directions.cpp): whether `settings`
  /// want a set at the current step (none yet, or the interval and time budget passed) and the
  /// worker is not computing one.
  bool directionsDue(const SetLatentDirections& settings) const;
  /// Posts the computation of a set of the preview G now to the LatentWorker (eval mode,
  /// NoGrad, z of their own seed: no training state is touched), matched to the last set this
  /// trainer made; the set, stamped with `generation`, goes into `outbox`.
  void postDirections(const SetLatentDirections& settings, uint32_t generation,
                      std::shared_ptr<LatentOutbox> outbox);

 private:
  // The frame entry points' helpers, in trainer_frames.cpp.
  /// Builds the probes of this run's scenario with their fixed inputs.
  void prepareProbes();
  /// The image grid's fixed latents and real images, and the moving average's network.
  void prepareImageProbe();
  /// Stamps `header` with the step and loss, reseeds the frame generator for this step, and
  /// returns what the probes read.
  ProbeInputs beginFrame(FrameHeader& header);
  /// What the probes read: G, D, D's input, the data's dims and mixture, the latent, the loss.
  ProbeInputs probeInputs();
  /// The G that pictures draw from, in eval mode: G itself, or for an image run with
  /// hyper.preview "ema" a copy holding the moving average of G's weights (and G's buffers).
  Network& previewGenerator();
  /// The preview G's flat weights: G's own, or the moving average's.
  const torch::Tensor& previewValues() const;
  /// Keeps a copy of the preview G when the history wants one at this step.
  void keepSnapshot();
  /// A spare G holding `snapshot`'s weights and buffers, in eval mode.
  Network& snapshotGenerator(const GeneratorSnapshot& snapshot);

  GanState state_;              ///< networks, optimisers, training generator, step, config
  at::Generator frame_random_;  ///< frame samples, so telemetry timing cannot change training
  std::unique_ptr<StepEngine> engine_;  ///< the fast path or autograd (engineFor the config)
  StepProgress progress_;               ///< how far an interrupted step got
  // The probes of this run's scenario (the others are null), with their fixed inputs.
  Scenario scenario_;
  std::unique_ptr<Figure1Probe> figure1_probe_;
  std::unique_ptr<PlaneProbe> plane_probe_;
  std::unique_ptr<ImageProbe> image_probe_;
  /// The samples the metrics count: G's (the preview's) for kMetricSamples fixed latents.
  torch::Tensor metricSamples();

  NetworkPtr average_generator_;  ///< image runs: the moving average's network (eval mode)
  std::unique_ptr<FlatParameters> average_params_;
  torch::Tensor metric_z_;                       ///< the metrics' fixed latents
  std::unique_ptr<ImageMetricsWorker> metrics_;  ///< the metrics' thread
  GeneratorHistory history_;                     ///< earlier preview G's, for the explorer
  NetworkPtr snapshot_generator_;                ///< made on the first history request
  std::unique_ptr<FlatParameters> snapshot_params_;
  /// GANSpace directions: made on first use, then used by the worker's jobs only (the trainer
  /// reads it while the worker's directions slot is idle).
  std::shared_ptr<DirectionTracker> directions_;
  /// The explorer's jobs; declared last, so it stops (joining its thread) before the rest goes.
  std::unique_ptr<LatentWorker> latent_worker_;
};

}  // namespace ganscope
