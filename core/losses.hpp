// GAN losses on discriminator logits l (D = sigmoid(l)) and their gradients with respect to
// the logits, written with softplus so they stay finite where log D or log(1 - D) would not:
// -log D = softplus(-l), -log(1 - D) = softplus(l), d softplus(l)/dl = sigmoid(l).
// Plain C++: the trainer feeds these gradients into the hand-written backward pass.
#pragma once
#include <span>

#include "core/config.hpp"

namespace ganscope {

double softplus(double x);
double sigmoid(double x);

/// D's loss -E[log D(x)] - E[log(1 - D(G(z)))] for logits stacked as [real; fake] (equal
/// halves): 2 log 2 when D = 1/2. With `real_label` t < 1 (one-sided label smoothing) the real
/// half is the cross-entropy against target t: -t log D(x) - (1 - t) log(1 - D(x)).
/// Writes dloss/dlogit into `grad` (same size).
double discriminatorLoss(std::span<const float> logits, std::span<float> grad,
                         double real_label = 1.0);

/// G's loss on D's logits for fake samples: minimax E[log(1 - D(G(z)))] (-log 2 at D = 1/2)
/// or non-saturating -E[log D(G(z))] (log 2). Writes dloss/dlogit into `grad`.
double generatorLoss(LossKind kind, std::span<const float> logits, std::span<float> grad);

}  // namespace ganscope
