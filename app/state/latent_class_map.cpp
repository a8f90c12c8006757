// LatentClassMap: one request at a time, a new one once the last is in and G has trained on.
#include "app/state/latent_class_map.hpp"

#include <algorithm>
#include <stdexcept>
#include <string>

namespace ganscope {

ClassMapKey classMapKey(const LatentConfig& latent, const LatentExplorerState& state, int side,
                        std::span<const float> offset) {
  ClassMapKey key;
  key.side = side;
  for (const int i : {kAnchorA, kAnchorB, kAnchorC}) {
    const Latent z = shapeLatent(state, anchorLatent(latent, state, i), latent, offset);
    key.anchors.insert(key.anchors.end(), z.begin(), z.end());
  }
  return key;
}

std::optional<RenderClassMap> LatentClassMap::next(const LatentConfig& latent,
                                                   const ClassMapKey& key, int64_t step,
                                                   uint32_t generation, double now) {
  if (generation != generation_) {
    generation_ = generation;
    map_.reset();
    sent_.reset();  // its answer would be of the old G
    error_.clear();
    retry_after_ = -1e9;
    ++version_;
  }
  if (sent_ && now - sent_->time < pace.resend_seconds) return std::nullopt;  // one at a time
  if (now < retry_after_) return std::nullopt;  // the last one failed: not at frame rate
  const bool same = map_ && shown_key_ == key;
  if (same) {
    const double cost = map_->milliseconds / 1000.0 * pace.cost_factor;
    const bool due =
        step - map_->step >= pace.min_steps && now - last_send_ >= std::max(pace.min_seconds, cost);
    if (!due) return std::nullopt;
  }
  if (latent.dim < 1) throw std::invalid_argument("class map: the latent has no dimensions");
  if (key.anchors.size() != 3 * static_cast<size_t>(latent.dim)) {
    throw std::invalid_argument("class map: the anchors have " +
                                std::to_string(key.anchors.size()) + " values; three z of " +
                                std::to_string(latent.dim) + " expected");
  }
  RenderClassMap request;
  request.request = next_request_++;
  request.side = key.side;
  request.anchors = key.anchors;
  sent_ = Sent{request.request, key, now};
  last_send_ = now;
  return request;
}

bool LatentClassMap::receive(const ClassMap& map, double now) {
  if (!sent_ || map.request != sent_->request) return false;
  const Sent sent = *sent_;
  sent_.reset();
  if (!map.error.empty()) {
    error_ = map.error;
    retry_after_ = now + pace.retry_seconds;
    return true;
  }
  if (map.generation != generation_) return true;  // an old run's G: answered, not shown
  error_.clear();
  map_ = map;
  shown_key_ = sent.key;
  ++version_;
  return true;
}

float classMapStrength(float confidence, int classes) {
  const float chance = 1.0f / static_cast<float>(std::max(classes, 1));
  if (chance >= 1) return 1;
  const float sure = std::clamp((confidence - chance) / (1 - chance), 0.0f, 1.0f);
  return kClassMapFaintest + (1 - kClassMapFaintest) * sure;
}

}  // namespace ganscope
