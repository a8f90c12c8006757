// Trainer: one GAN (an MLP generator and discriminator on 1-D or 2-D data) trained one step at
// a time with the configured loss and remedies, plus its telemetry. Runs on the training
// thread only; not thread-safe.
#pragma once
#include <torch/torch.h>

#include "core/api/scenario.hpp"
#include "core/api/telemetry/frames.hpp"
#include "core/api/telemetry/step_stats.hpp"
#include "core/commands.hpp"
#include "core/config.hpp"
#include "core/data/gaussian_mixture.hpp"
#include "core/discriminator_input.hpp"
#include "core/flat_optimizer.hpp"
#include "core/models/mlp.hpp"
#include "core/models/mlp_pass.hpp"
#include "core/probes/figure1_probe.hpp"
#include "core/probes/plane_probe.hpp"
#include "core/probes/probe_inputs.hpp"

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

  /// The picture this run makes (scenarioOf its config).
  Scenario scenario() const { return scenario_; }
  /// Fills the frame of the current state: the header (step, loss, D's display mapping; the
  /// Session stamps generation, revision and sequence) and every probe of the picture. Each
  /// throws std::logic_error for a frame kind that is not this run's scenario's.
  void fillFrame(Figure1Frame& out);
  void fillFrame(PlaneFrame& out);
  /// `count` fresh samples of G, interleaved; a function of (seed, step, count).
  std::vector<float> sampleGenerator(int count);

 private:
  void resizeBatch(int batch_size);
  void sampleLatent(const torch::Tensor& z, at::Generator& generator);
  /// `config` with its learning rate on the schedule at the current step.
  OptimizerConfig scheduled(OptimizerConfig config) const;
  /// Adds the scheduled instance noise (if any) to a batch of D's inputs, in place.
  void addInstanceNoise(torch::Tensor& inputs);
  // The frame entry points' helpers, in trainer_frames.cpp.
  /// Builds the probes of this run's scenario with their fixed inputs.
  void prepareProbes();
  /// Stamps `header` with the step and loss, reseeds the frame generator for this step, and
  /// returns what the probes read.
  ProbeInputs beginFrame(FrameHeader& header);
  void discriminatorStep();
  void generatorStep();
  /// The unrolled GAN's G update: D takes `unrolled_steps` updates, G updates against that
  /// D, then D returns to where it was (first order: no gradient through D's look-ahead).
  void unrolledGeneratorStep();

  Hyperparams hyper_;
  at::Generator random_;           ///< training samples: the run is reproducible from the seed
  at::Generator snapshot_random_;  ///< frame samples, so telemetry timing cannot change training
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
  // The probes of this run's scenario (the other one is null), with their fixed inputs.
  Scenario scenario_;
  std::unique_ptr<Figure1Probe> figure1_probe_;
  std::unique_ptr<PlaneProbe> plane_probe_;
};

}  // namespace ganscope
