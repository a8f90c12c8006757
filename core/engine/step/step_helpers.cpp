// Step helpers, moved out of Trainer unchanged in behaviour.
#include "core/engine/step/step_helpers.hpp"

namespace ganscope {

void sampleLatent(const LatentConfig& latent, const torch::Tensor& z, at::Generator& generator) {
  if (latent.kind == LatentKind::Uniform) {
    z.uniform_(0, 1, generator);
  } else {
    z.normal_(0, 1, generator);
  }
}

OptimizerConfig scheduled(const Hyperparams& hyper, OptimizerConfig config, int64_t step) {
  config.lr = static_cast<float>(config.lr * learningRateScale(hyper, step));
  return config;
}

void addInstanceNoise(const Hyperparams& hyper, int64_t step, torch::Tensor& inputs,
                      torch::Tensor& noise_buffer, at::Generator& generator) {
  const double std = instanceNoiseStd(hyper, step);
  if (std <= 0) return;
  noise_buffer.resize_as_(inputs).normal_(0, std, generator);
  inputs.add_(noise_buffer);
}

}  // namespace ganscope
