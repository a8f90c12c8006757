// runStep: one training step of a GanState with a StepEngine, composed as Trainer::step does it
// (k D updates and one G update, or the unrolled look-ahead), then the step counted.
#pragma once
#include "core/api/commands.hpp"
#include "core/engine/gan_state.hpp"
#include "core/engine/step/step_engine.hpp"

namespace ganscope {

/// Runs one step of `target` (Both: k D updates and one G update) with `engine` and counts it.
/// With hyper.unrolled_steps > 0 the G update is the unrolled one. Records the gradient norms of
/// the last D update and of the G update (from the flat gradient buffers, the same for every
/// engine). Returns the stats; values that `target` did not touch keep their previous figures.
StepStats runStep(StepEngine& engine, GanState& state, StepTarget target);

/// The unrolled GAN's G update: D takes `unrolled_steps` updates, G updates against that D,
/// then D (weights and optimiser state) returns to where it was; only g_loss changes in stats.
void unrolledGeneratorStep(StepEngine& engine, GanState& state);

}  // namespace ganscope
