// The Trainer's GANSpace directions: its DirectionTracker run on the preview G in eval mode.
#include "core/engine/trainer.hpp"

namespace ganscope {

bool Trainer::directionsDue(const SetLatentDirections& settings) const {
  if (settings.count < 1) return false;
  return !directions_ || directions_->due(settings, state_.stats.step);
}

std::optional<LatentDirections> Trainer::computeDirections(const SetLatentDirections& settings,
                                                           const std::atomic<bool>* cancel) {
  if (!directions_) directions_ = std::make_unique<DirectionTracker>(state_.config.latent);
  c10::InferenceMode inference;
  const EvalMode eval(*state_.generator, *state_.discriminator);
  return directions_->compute(previewGenerator(), settings, state_.stats.step, cancel);
}

}  // namespace ganscope
