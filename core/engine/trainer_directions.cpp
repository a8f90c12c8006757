// The Trainer's GANSpace directions: its DirectionTracker run by the LatentWorker on a copy of
// the preview G.
#include "core/engine/trainer.hpp"

namespace ganscope {

bool Trainer::directionsDue(const SetLatentDirections& settings) const {
  if (settings.count < 1) return false;
  if (latent_worker_ && !latent_worker_->idle(LatentJobSlot::Directions)) return false;
  return !directions_ || directions_->due(settings, state_.stats.step);
}

void Trainer::postDirections(const SetLatentDirections& settings, uint32_t generation,
                             std::shared_ptr<LatentOutbox> outbox) {
  if (!directions_) directions_ = std::make_shared<DirectionTracker>(state_.config.latent);
  latentWorker().post(
      LatentJobSlot::Directions, previewSnapshot(),
      [tracker = directions_, settings, step = state_.stats.step, generation,
       outbox = std::move(outbox)](Network& generator, const std::atomic<bool>& cancel) {
        c10::InferenceMode inference;
        std::optional<LatentDirections> set = tracker->compute(generator, settings, step, &cancel);
        if (!set) return;  // cancelled: the run is going
        set->generation = generation;
        outbox->directions_computed.fetch_add(1);
        if (!outbox->directions.push(*set)) outbox->directions_dropped.fetch_add(1);
      });
}

}  // namespace ganscope
