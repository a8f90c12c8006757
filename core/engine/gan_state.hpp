// GanState: everything that defines a run at a step (networks, optimiser state, the training
// random generator, the step counter, the config). Saved and loaded by gan_state_io.hpp.
#pragma once
#include <torch/torch.h>

#include <memory>

#include "core/api/config.hpp"
#include "core/api/telemetry/step_stats.hpp"
#include "core/data/data_source.hpp"
#include "core/data/gaussian_mixture.hpp"
#include "core/engine/step/flat_optimizer.hpp"
#include "core/losses/discriminator_input.hpp"
#include "core/models/network.hpp"

namespace ganscope {

/// Everything that defines a run at a step. Built from a config, seeded from config.seed,
/// exactly as Trainer builds its members today (same construction order, same RNG draws,
/// so a GanState-based run is bit-identical to today's Trainer).
struct GanState {
  explicit GanState(const TrainConfig& config);
  TrainConfig config;  ///< the run's config; config.hyper is the live hyperparameters
  /// p_data, a function of config.data: a GaussianMixture (1-D, 2-D) or ImageData (images).
  std::unique_ptr<DataSource> data;
  DiscriminatorInput input;  ///< packing / minibatch-stddev encoder (stateless)
  NetworkPtr generator;      ///< G: latent rows in, sample rows out
  NetworkPtr discriminator;  ///< D: input rows (input.width() wide) in, one raw output out
  std::unique_ptr<FlatParameters> g_params, d_params;  ///< flat views of the modules' parameters
  std::unique_ptr<FlatOptimizer> g_opt, d_opt;
  at::Generator random;  ///< the training generator: every training draw comes from it
  StepStats stats;       ///< the last step's figures; stats.step is the step counter
  /// Images: the exponential moving average of G's flat weights (hyper.ema_decay per G
  /// update), for previews; undefined for the other scenarios.
  torch::Tensor g_average;

  /// The mixture of a 1-D or 2-D run; null for an image run.
  const GaussianMixture* mixture() const {
    return dynamic_cast<const GaussianMixture*>(data.get());
  }
  /// Folds G's current weights into g_average (when the run keeps one).
  void updateAverage();
};

}  // namespace ganscope
