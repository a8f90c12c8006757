// Helpers every step engine shares: latent sampling, the learning-rate schedule and instance
// noise, each drawing from the generator it is given in a fixed order.
#pragma once
#include <torch/torch.h>

#include "core/config.hpp"

namespace ganscope {

/// Fills `z` with latent samples of `latent`'s kind (U(0, 1) or N(0, 1)) drawn from `generator`.
void sampleLatent(const LatentConfig& latent, const torch::Tensor& z, at::Generator& generator);
/// `config` with its learning rate on the schedule at `step`.
OptimizerConfig scheduled(const Hyperparams& hyper, OptimizerConfig config, int64_t step);
/// Adds the scheduled instance noise (if any) to `inputs` in place, drawing from `generator`.
/// `noise_buffer` (a defined tensor, e.g. torch::empty({0})) is resized to `inputs` as needed.
void addInstanceNoise(const Hyperparams& hyper, int64_t step, torch::Tensor& inputs,
                      torch::Tensor& noise_buffer, at::Generator& generator);

}  // namespace ganscope
