// GanState: everything that defines a run at a step (networks, optimiser state, the training
// random generator, the step counter, the config). Saved and loaded by gan_state_io.hpp.
#pragma once
#include <torch/torch.h>

#include <memory>

#include "core/api/config.hpp"
#include "core/api/telemetry/step_stats.hpp"
#include "core/data/gaussian_mixture.hpp"
#include "core/engine/step/flat_optimizer.hpp"
#include "core/losses/discriminator_input.hpp"
#include "core/models/mlp.hpp"

namespace ganscope {

/// Everything that defines a run at a step. Built from a config, seeded from config.seed,
/// exactly as Trainer builds its members today (same construction order, same RNG draws,
/// so a GanState-based run is bit-identical to today's Trainer).
struct GanState {
  explicit GanState(const TrainConfig& config);
  TrainConfig config;        ///< the run's config; config.hyper is the live hyperparameters
  GaussianMixture data;      ///< p_data (a function of config.data; sampling buffers only)
  DiscriminatorInput input;  ///< packing / minibatch-stddev encoder (stateless)
  Mlp generator{nullptr};
  Mlp discriminator{nullptr};
  std::unique_ptr<FlatParameters> g_params, d_params;  ///< flat views of the modules' parameters
  std::unique_ptr<FlatOptimizer> g_opt, d_opt;
  at::Generator random;  ///< the training generator: every training draw comes from it
  StepStats stats;       ///< the last step's figures; stats.step is the step counter
};

}  // namespace ganscope
