// GanState construction: data, G, D, flat parameters and optimisers, seeded from config.seed.
#include "core/engine/gan_state.hpp"

#include <ATen/CPUGeneratorImpl.h>

#include "core/api/scenario.hpp"
#include "core/data/image_data.hpp"
#include "core/models/networks.hpp"

namespace ganscope {
namespace {

std::unique_ptr<DataSource> makeData(const TrainConfig& config) {
  if (config.data.kind == DataKind::Images) return std::make_unique<ImageData>(config.data);
  return std::make_unique<GaussianMixture>(config.data);
}

}  // namespace

GanState::GanState(const TrainConfig& config_in)
    : config(config_in),
      data(makeData(config)),
      input(data->dim(), config.discriminator),
      random(at::make_generator<at::CPUGeneratorImpl>(config.seed)) {
  {
    std::lock_guard lock(networkInitMutex());
    torch::manual_seed(config.seed);
    generator = makeGenerator(config, data->dim());
    discriminator = makeDiscriminator(config, input);
  }
  g_params = std::make_unique<FlatParameters>(*generator);
  d_params = std::make_unique<FlatParameters>(*discriminator);
  g_opt = std::make_unique<FlatOptimizer>(*g_params);
  d_opt = std::make_unique<FlatOptimizer>(*d_params);
  if (scenarioOf(config) == Scenario::Image) g_average = g_params->values().clone();
}

void GanState::updateAverage() {
  if (!g_average.defined()) return;
  torch::NoGradGuard no_grad;
  g_average.lerp_(g_params->values(), 1.0 - config.hyper.ema_decay);
}

}  // namespace ganscope
