// Trainer: one GAN (an MLP generator and discriminator on 1-D or 2-D data) trained one step at
// a time with the configured loss and remedies, plus its telemetry. Runs on the training
// thread only; not thread-safe.
#pragma once
#include <torch/torch.h>

#include "core/commands.hpp"
#include "core/config.hpp"
#include "core/data/gaussian_mixture.hpp"
#include "core/discriminator_input.hpp"
#include "core/flat_optimizer.hpp"
#include "core/models/mlp.hpp"
#include "core/models/mlp_pass.hpp"
#include "core/telemetry.hpp"

namespace ganscope {

class Trainer {
 public:
  /// Builds data, G, D and optimisers from `config`, seeding everything from config.seed.
  explicit Trainer(const TrainConfig& config);

  /// Takes effect at the next step.
  void setHyperparams(const Hyperparams& hyper);

  /// Runs one step of `target` (Both: k D updates and one G update) and returns its stats.
  /// Values that `target` did not touch keep their previous figures.
  StepStats step(StepTarget target);
  /// True when the last step's losses were not finite.
  bool lastStepDiverged() const { return !std::isfinite(stats_.d_loss + stats_.g_loss); }
  /// Checks every weight of G and D (a few tensor ops; not every step).
  bool weightsFinite() const;

  /// Fills the picture of the current state: curves for 1-D data, the plane for 2-D.
  void fillSnapshot(Snapshot& out);
  /// `count` fresh samples of G, interleaved; a function of (seed, step, count).
  std::vector<float> sampleGenerator(int count);

  /// Test-only: G's and D's flat parameters (the step-engine tests compare and load them).
  FlatParameters& generatorParams() { return *g_params_; }
  FlatParameters& discriminatorParams() { return *d_params_; }

 private:
  void resizeBatch(int batch_size);
  void sampleLatent(const torch::Tensor& z, at::Generator& generator);
  /// `config` with its learning rate on the schedule at the current step.
  OptimizerConfig scheduled(OptimizerConfig config) const;
  /// Adds the scheduled instance noise (if any) to a batch of D's inputs, in place.
  void addInstanceNoise(torch::Tensor& inputs);
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

  Hyperparams hyper_;
  at::Generator random_;           ///< training samples: the run is reproducible from the seed
  at::Generator snapshot_random_;  ///< snapshot samples, so telemetry timing cannot change training
  uint64_t seed_;
  LatentConfig latent_;
  GaussianMixture data_;
  DiscriminatorInput input_;
  Mlp generator_{nullptr};
  Mlp discriminator_{nullptr};
  std::unique_ptr<FlatParameters> g_params_, d_params_;
  std::unique_ptr<FlatOptimizer> g_opt_, d_opt_;
  std::unique_ptr<MlpPass> g_pass_, d_pass_;
  StepStats stats_;

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
