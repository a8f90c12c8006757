// GanState: built in Trainer's order (data, input, G then D under the seeded global generator,
// flat parameters, optimisers), so both start from the same weights for a seed.
#include "core/engine/gan_state.hpp"

#include <ATen/CPUGeneratorImpl.h>

#include <mutex>

namespace ganscope {
namespace {

// Module initialisation draws from LibTorch's global generator; seeding it and building the
// networks must not interleave with another run doing the same.
std::mutex& initMutex() {
  static std::mutex mutex;
  return mutex;
}

}  // namespace

GanState::GanState(const TrainConfig& config)
    : config(config),
      data(config.data),
      input(data.dim(), config.discriminator),
      random(at::make_generator<at::CPUGeneratorImpl>(config.seed)) {
  {
    std::lock_guard lock(initMutex());
    torch::manual_seed(config.seed);
    generator = Mlp(MlpOptions::from(config.generator, config.latent.dim, data.dim()));
    discriminator = Mlp(MlpOptions::from(config.discriminator, input.width(), 1));
  }
  g_params = std::make_unique<FlatParameters>(*generator);
  d_params = std::make_unique<FlatParameters>(*discriminator);
  g_opt = std::make_unique<FlatOptimizer>(*g_params);
  d_opt = std::make_unique<FlatOptimizer>(*d_params);
}

}  // namespace ganscope
