// runStep and the unrolled G update on top of a StepEngine, stopping between updates on request.
#include "core/engine/step/step_driver.hpp"

namespace ganscope {
namespace {

bool cancelled(const std::atomic<bool>* cancel) {
  return cancel && cancel->load(std::memory_order_relaxed);
}

/// The unrolled GAN's G update: D takes `unrolled_steps` updates, G updates against that D, then
/// D (weights and optimiser state) returns to where it was; only g_loss changes in stats. False
/// when cancelled between two look-ahead updates (D stays saved to return to).
bool unrolledGeneratorStep(StepEngine& engine, GanState& state, StepProgress& progress,
                           const std::atomic<bool>* cancel) {
  if (!progress.lookahead_saved) {
    progress.kept = state.stats;
    state.d_opt->save();
    progress.lookahead_saved = true;
    progress.lookahead_done = 0;
  }
  while (progress.lookahead_done < state.config.hyper.unrolled_steps) {
    if (cancelled(cancel)) return false;
    engine.discriminatorStep(state);
    ++progress.lookahead_done;
  }
  engine.generatorStep(state);
  state.d_opt->restore();
  const float g_loss = state.stats.g_loss;
  state.stats = progress.kept;
  state.stats.g_loss = g_loss;
  return true;
}

}  // namespace

bool runStep(StepEngine& engine, GanState& state, StepTarget target, StepProgress& progress,
             const std::atomic<bool>* cancel) {
  if (!progress.started) {
    if (cancelled(cancel)) return false;  // nothing done yet: no half step to continue
    progress = StepProgress{true, target};
  }
  const Hyperparams& hyper = state.config.hyper;
  if (progress.target != StepTarget::Generator) {
    const int updates = progress.target == StepTarget::Both ? hyper.d_steps : 1;
    while (progress.d_done < updates) {
      if (cancelled(cancel)) return false;
      engine.discriminatorStep(state);
      // Both engines leave an update's gradient in the flat buffer until the next one: the
      // last update's is read at once, before a cancel could leave the step between updates.
      if (++progress.d_done == updates) {
        state.stats.d_grad_norm = static_cast<float>(state.d_params->gradNorm());
      }
    }
  }
  if (progress.target != StepTarget::Discriminator) {
    if (hyper.unrolled_steps > 0 || progress.lookahead_saved) {
      if (!unrolledGeneratorStep(engine, state, progress, cancel)) return false;
    } else {
      if (cancelled(cancel)) return false;
      engine.generatorStep(state);
    }
    state.stats.g_grad_norm = static_cast<float>(state.g_params->gradNorm());
    state.updateAverage();
  }
  ++state.stats.step;
  progress = StepProgress{};
  return true;
}

StepStats runStep(StepEngine& engine, GanState& state, StepTarget target) {
  StepProgress progress;
  runStep(engine, state, target, progress);
  return state.stats;
}

}  // namespace ganscope
