// Step helpers shared by the step engines: latent sampling, the learning-rate schedule and
// instance noise, each drawing only from the generator it is given.
#pragma once
#include <torch/torch.h>

#include "core/api/config.hpp"

namespace ganscope {

/// Fills `z` with latent samples of `latent`'s kind, drawing from `generator`.
void sampleLatent(const LatentConfig& latent, const torch::Tensor& z, at::Generator& generator);
/// `config` with its learning rate on the schedule at `step`.
OptimizerConfig scheduled(const Hyperparams& hyper, OptimizerConfig config, int64_t step);
/// Adds the scheduled instance noise (if any) to `inputs` in place, drawing from `generator`.
void addInstanceNoise(const Hyperparams& hyper, int64_t step, torch::Tensor& inputs,
                      torch::Tensor& noise_buffer, at::Generator& generator);

}  // namespace ganscope
