// GAN losses on discriminator logits l (D = sigmoid(l)), written with softplus so they stay
// finite where log(D) or log(1 - D) would overflow: -log D = softplus(-l), -log(1-D) = softplus(l).
#pragma once
#include <torch/torch.h>

#include "core/config.hpp"

namespace ganscope {

/// -E[log D(x)] - E[log(1 - D(G(z)))] for logits of a batch stacked as [real; fake] with
/// `labels` 1 for real rows and 0 for fake rows (equal counts). 2 log 2 when D = 1/2.
torch::Tensor discriminatorLoss(const torch::Tensor& logits, const torch::Tensor& labels);

/// The generator's loss on D's logits for fake samples:
/// minimax E[log(1 - D(G(z)))] (-log 2 at D = 1/2) or non-saturating -E[log D(G(z))] (log 2).
torch::Tensor generatorLoss(LossKind kind, const torch::Tensor& fake_logits);

/// Scalar helpers for telemetry computed from logits already on the CPU.
double softplus(double x);
double sigmoid(double x);

}  // namespace ganscope
