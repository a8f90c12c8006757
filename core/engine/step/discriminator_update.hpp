// The parts of D's update that both step engines share once D has judged a real and a fake
// batch: the loss on the logits (with the game's value), then the penalties, the optimiser
// step, weight clipping and the batch means.
#pragma once
#include <span>

#include "core/engine/gan_state.hpp"

namespace ganscope {

/// D's loss on `logits` (B real rows, then B fake rows) with its gradient in `grad`; records
/// the game's value (plain labels) in state.stats and returns D's own loss (one-sided label
/// smoothing moves the real target).
double discriminatorLossOf(GanState& state, std::span<const float> logits, std::span<float> grad);

/// Ends D's update whose loss gradient is already in D's grads: adds the WGAN-GP penalty
/// (between `real_rows` and `fake_rows`, drawing from state.random) and R1 (on `real_rows`),
/// steps D's optimiser, clips a WGAN critic's weights, and records d_loss and the batch means
/// of D's output on `logits`.
void finishDiscriminatorUpdate(GanState& state, const torch::Tensor& real_rows,
                               const torch::Tensor& fake_rows, std::span<const float> logits,
                               double d_loss);

}  // namespace ganscope
