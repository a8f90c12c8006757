// Trainer: one GAN (an MLP generator and discriminator on 1-D or 2-D data) trained one step at
// a time with the configured loss and remedies, plus its telemetry. Runs on the training
// thread only; not thread-safe.
#pragma once
#include <torch/torch.h>

#include "core/commands.hpp"
#include "core/config.hpp"
#include "core/engine/gan_state.hpp"
#include "core/models/mlp_pass.hpp"
#include "core/telemetry.hpp"

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
  /// True when the last step's losses were not finite.
  bool lastStepDiverged() const {
    return !std::isfinite(state_.stats.d_loss + state_.stats.g_loss);
  }
  /// Checks every weight of G and D (a few tensor ops; not every step).
  bool weightsFinite() const;

  /// Fills the picture of the current state: curves for 1-D data, the plane for 2-D.
  void fillSnapshot(Snapshot& out);
  /// `count` fresh samples of G, interleaved; a function of (seed, step, count).
  std::vector<float> sampleGenerator(int count);

 private:
  void resizeBatch(int batch_size);
  // The pictures, in trainer_snapshot.cpp.
  void prepareSnapshotInputs();
  void fillSnapshot1d(Snapshot& out);
  void fillSnapshot2d(Snapshot& out);
  /// 2-D: the generator manifold, G over a regular grid of z.
  void fillManifold(Snapshot& out);
  /// D's histograms and V(D,G) on `real` and `fake` samples.
  void fillDiscriminatorStats(const torch::Tensor& real, const torch::Tensor& fake, Snapshot& out);
  /// D's outputs for display on `samples` [n, dim]: a packed D sees each sample with the
  /// pack - 1 `companions` rows; the stddev feature is `stddev` (a 0-d tensor).
  torch::Tensor judge(const torch::Tensor& samples, const torch::Tensor& companions,
                      const torch::Tensor& stddev);
  /// The direction G's loss moves each of `fakes` (minus its gradient with respect to x), with
  /// the fakes as one batch as D sees them in G's update.
  torch::Tensor generatorPush(const torch::Tensor& fakes);
  void discriminatorStep();
  void generatorStep();
  /// The unrolled GAN's G update: D takes `unrolled_steps` updates, G updates against that
  /// D, then D returns to where it was (first order: no gradient through D's look-ahead).
  void unrolledGeneratorStep();

  GanState state_;                 ///< networks, optimisers, training generator, step, config
  at::Generator snapshot_random_;  ///< snapshot samples, so telemetry timing cannot change training
  std::unique_ptr<MlpPass> g_pass_, d_pass_;

  // Per-batch buffers, reallocated only when the batch size changes. B is the batch size (rows
  // D judges per group), m the pack: each group has m B samples.
  torch::Tensor z_;           ///< [mB, latent dim] latent batch
  torch::Tensor samples_;     ///< [2mB, data dim]: real samples, then G's samples
  torch::Tensor rows_;        ///< [2B, D's input width]: D's input (samples_ itself unpacked)
  torch::Tensor fake_rows_;   ///< [B, D's input width]: G's batch as D sees it in G's update
  torch::Tensor fake_grad_;   ///< [mB, data dim]: dloss/dsample in G's update
  torch::Tensor logit_grad_;  ///< [2B, 1]: dloss/dlogit for D's batch (first B rows for G's)
  torch::Tensor noise_ = torch::empty({0});       ///< instance noise
  torch::Tensor noisy_fake_ = torch::empty({0});  ///< G's batch plus noise, as D sees it
  // Snapshot inputs, fixed for the run. 1-D: stratified latents behind p_g and the latents of
  // the mapping lines (positions on the z-line in mapping_position_). 2-D: the latents of the
  // fakes drawn, so their movement is visible.
  torch::Tensor snapshot_z_, mapping_z_, mapping_position_, shown_z_;
};

}  // namespace ganscope
