// The step cost estimate: multiply-adds of the MLPs at the config's shapes, times a measured
// rate.
#include "core/config/step_cost.hpp"

#include <cmath>
#include <cstdio>

namespace ganscope {
namespace {

// Seconds per multiply-add of a training step at one trainer thread (OpenBLAS sgemm on one core
// of our 2-core machine): a ring run with G and D 4 x 512 and batch 1024 (1.05e10 multiply-adds
// a step) took 0.33 s a step headless (30 steps in 9.9 s, frames included). A check: 6 x 768,
// batch 2048, k 4 (estimated 6 s a step) took 9.5 s a step on the machine loaded by other work
// (3.6 s of CPU time), within the factor of 2 promised.
constexpr double kSecondsPerMultiplyAdd = 3.1e-11;

/// Multiply-adds of one forward pass of an MLP from `in` to `out` features, per sample.
double mlpMultiplyAdds(double in, const MlpConfig& mlp, double out) {
  const double width = mlp.width;
  if (mlp.hidden_layers <= 0) return in * out;
  return in * width + (mlp.hidden_layers - 1) * width * width + width * out;
}

}  // namespace

double stepMultiplyAdds(const TrainConfig& config) {
  const double dims = dataDimension(config.data.kind);
  const DiscriminatorConfig& d = config.discriminator;
  const double g_pass = mlpMultiplyAdds(config.latent.dim, config.generator, dims);
  const double d_pass = mlpMultiplyAdds(dims * d.pack + (d.minibatch_stddev ? 1 : 0), d, 1);
  const double rows = config.hyper.batch_size;
  const double samples = rows * d.pack;
  // A D update: fakes from G (forward only), D forward and backward on real and fake rows.
  const double d_update = g_pass * samples + 3 * d_pass * 2 * rows;
  // The G update: G and D forward and backward on the fake rows.
  const double g_update = 3 * g_pass * samples + 3 * d_pass * rows;
  const double d_updates = config.hyper.d_steps + config.hyper.unrolled_steps;
  return d_updates * d_update + g_update;
}

double estimatedStepSeconds(const TrainConfig& config) {
  return stepMultiplyAdds(config) * kSecondsPerMultiplyAdd;
}

std::string slowStepWarning(const TrainConfig& config) {
  const double seconds = estimatedStepSeconds(config);
  if (!(seconds >= kSlowStepSeconds)) return "";
  char text[64];
  if (seconds < 120) {
    std::snprintf(text, sizeof(text), "one step will take about %.0f s", seconds);
  } else if (seconds < 7200) {
    std::snprintf(text, sizeof(text), "one step will take about %.0f min", seconds / 60);
  } else {
    std::snprintf(text, sizeof(text), "one step will take about %.0f h", seconds / 3600);
  }
  return text;
}

}  // namespace ganscope
