// runStep and the unrolled G update on top of a StepEngine.
#include "core/engine/step/step_driver.hpp"

namespace ganscope {

StepStats runStep(StepEngine& engine, GanState& state, StepTarget target) {
  const Hyperparams& hyper = state.config.hyper;
  if (target != StepTarget::Generator) {
    const int updates = target == StepTarget::Both ? hyper.d_steps : 1;
    for (int i = 0; i < updates; ++i) engine.discriminatorStep(state);
    // Both engines leave an update's gradient in the flat buffer until the next one.
    state.stats.d_grad_norm = static_cast<float>(state.d_params->gradNorm());
  }
  if (target != StepTarget::Discriminator) {
    if (hyper.unrolled_steps > 0) {
      unrolledGeneratorStep(engine, state);
    } else {
      engine.generatorStep(state);
    }
    state.stats.g_grad_norm = static_cast<float>(state.g_params->gradNorm());
  }
  ++state.stats.step;
  return state.stats;
}

void unrolledGeneratorStep(StepEngine& engine, GanState& state) {
  const StepStats kept = state.stats;
  state.d_opt->save();
  for (int i = 0; i < state.config.hyper.unrolled_steps; ++i) engine.discriminatorStep(state);
  engine.generatorStep(state);
  state.d_opt->restore();
  const float g_loss = state.stats.g_loss;
  state.stats = kept;
  state.stats.g_loss = g_loss;
}

}  // namespace ganscope
