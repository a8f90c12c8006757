// Penalties on the gradient of D's output with respect to its input, for the D update:
// WGAN-GP's E[(|grad D(x^)| - 1)^2] on points between real and fake samples (Gulrajani et al.
// 2017) and R1's E[|grad D(x)|^2] on real samples (Mescheder et al. 2018). They need the second
// derivative, so this is the one place where training uses LibTorch's autograd.
#pragma once
#include <torch/torch.h>

#include "core/models/network.hpp"

namespace ganscope {

/// The penalty mean over rows of (|grad_x D(x)| - target)^2 (with target 0: |grad_x D(x)|^2) at
/// D's input rows `points` [n, in]. Adds weight * dpenalty/dparameter to the parameters' .grad()
/// and returns the penalty. Callable inside c10::InferenceMode: it turns autograd back on.
double addGradientPenalty(Network& critic, const torch::Tensor& points, double target,
                          double weight);

/// Points on the segments between paired real and fake rows [n, in], each at a uniform random
/// fraction: WGAN-GP's x^.
torch::Tensor interpolate(const torch::Tensor& real, const torch::Tensor& fake,
                          at::Generator& generator);

}  // namespace ganscope
