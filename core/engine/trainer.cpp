// Trainer: a GanState stepped by its step engine.
#include "core/engine/trainer.hpp"

#include <ATen/CPUGeneratorImpl.h>

namespace ganscope {

Trainer::Trainer(const TrainConfig& config) : Trainer(GanState(config)) {}

Trainer::Trainer(GanState state)
    : state_(std::move(state)),
      frame_random_(at::make_generator<at::CPUGeneratorImpl>(state_.config.seed)),
      scenario_(scenarioOf(state_.config)) {
  engine_ = makeStepEngine(state_);
  prepareProbes();
}

void Trainer::setHyperparams(const Hyperparams& hyper) {
  state_.config.hyper = hyper;
}

std::optional<StepStats> Trainer::step(StepTarget target, const std::atomic<bool>& cancel) {
  // The fast path's passes and optimisers write their results themselves: no autograd (the
  // autograd engine turns it on for its own updates).
  c10::InferenceMode inference;
  if (!runStep(*engine_, state_, target, progress_, &cancel)) return std::nullopt;
  return state_.stats;
}

StepStats Trainer::step(StepTarget target) {
  c10::InferenceMode inference;
  runStep(*engine_, state_, target, progress_);
  return state_.stats;
}

bool Trainer::weightsFinite() const {
  return state_.g_params->allFinite() && state_.d_params->allFinite();
}

}  // namespace ganscope
