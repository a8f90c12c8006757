// GAN losses on D's raw outputs l and their gradients with respect to those outputs. For the
// probability losses (minimax, non-saturating) l is a logit, D = sigmoid(l), written with
// softplus so they stay finite where log D or log(1 - D) would not: -log D = softplus(-l),
// -log(1 - D) = softplus(l), d softplus(l)/dl = sigmoid(l). LSGAN regresses l on the labels;
// WGAN and hinge treat l as a critic score. Penalties on D's input gradient (WGAN-GP, R1) are
// in gradient_penalty.hpp. Plain C++: the trainer feeds these gradients into its backward pass.
#pragma once
#include <span>

#include "core/api/config.hpp"

namespace ganscope {

double softplus(double x);
double sigmoid(double x);

/// D's output as shown to the user: sigmoid(l) for the probability losses, l itself otherwise.
double discriminatorOutput(LossKind kind, double logit);

/// D's loss for outputs stacked as [real; fake] (equal halves); writes dloss/dl into `grad`
/// (same size). Minimax and non-saturating: -E[log D(x)] - E[log(1 - D(G(z)))], 2 log 2 when
/// D = 1/2. WGAN: E[l(fake)] - E[l(real)]. LSGAN: (E[(l(real) - t)^2] + E[l(fake)^2]) / 2. Hinge:
/// E[max(0, 1 - l(real))] + E[max(0, 1 + l(fake))]. `real_label` t < 1 is one-sided label
/// smoothing: the probability losses use cross-entropy against t, LSGAN regresses on t; WGAN and
/// hinge have no labels and ignore it.
double discriminatorLoss(LossKind kind, std::span<const float> logits, std::span<float> grad,
                         double real_label = 1.0);

/// G's loss on D's outputs for fake samples: minimax E[log(1 - D(G(z)))] (-log 2 at D = 1/2),
/// non-saturating -E[log D(G(z))] (log 2), WGAN and hinge -E[l], LSGAN E[(l - 1)^2] / 2.
/// Writes dloss/dl into `grad`.
double generatorLoss(LossKind kind, std::span<const float> logits, std::span<float> grad);

}  // namespace ganscope
