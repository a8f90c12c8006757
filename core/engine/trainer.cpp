// Trainer: a GanState stepped by its step engine.
#include "core/engine/trainer.hpp"

#include <ATen/CPUGeneratorImpl.h>

#include <algorithm>
#include <cmath>

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
  keepSnapshot();
  return state_.stats;
}

StepStats Trainer::step(StepTarget target) {
  c10::InferenceMode inference;
  runStep(*engine_, state_, target, progress_);
  keepSnapshot();
  return state_.stats;
}

Divergence Trainer::divergence(bool scan_weights) const {
  const StepStats& s = state_.stats;
  // A sum is NaN or Inf when any term is (std::max would drop a NaN).
  if (!std::isfinite(s.d_loss + s.g_loss + s.value)) return Divergence::NotFinite;
  if (std::max({std::abs(s.d_loss), std::abs(s.g_loss), std::abs(s.value)}) > kDivergentLoss) {
    return Divergence::LossBlowUp;
  }
  if (!scan_weights) return Divergence::None;
  const double g = state_.g_params->maxAbsValue(), d = state_.d_params->maxAbsValue();
  if (!std::isfinite(g + d)) return Divergence::NotFinite;
  if (std::max(g, d) > kDivergentWeight) return Divergence::WeightBlowUp;
  return Divergence::None;
}

}  // namespace ganscope
