// The explorer's latent search for one run: the request made from a real grid image, answers
// kept for the newest request and generation only.
#include "app/state/latent_search.hpp"

#include <stdexcept>
#include <string>

#include "app/gl/image_atlas.hpp"

namespace ganscope {

LatentSearch::LatentSearch() = default;
LatentSearch::~LatentSearch() = default;

FindLatent LatentSearch::start(const ImageFrame& frame, int index, const FindLatent& settings) {
  if (index < 0 || index >= kGridImages) {
    throw std::invalid_argument("find z: real image " + std::to_string(index) + "; give 0 to " +
                                std::to_string(kGridImages - 1));
  }
  FindLatent request = settings;
  request.request = next_request_++;
  const uint8_t* pixels = frame.real + static_cast<size_t>(index) * kImagePixels;
  request.target.resize(kImagePixels);
  for (int p = 0; p < kImagePixels; ++p) request.target[p] = pixels[p] / 127.5f - 1.0f;
  request_ = request.request;
  generation_ = frame.header.generation;
  target_index_ = index;
  target_ = request.target;
  answer_.reset();
  ++version_;
  return request;
}

bool LatentSearch::receive(const FoundLatent& answer) {
  if (request_ == 0 || answer.request != request_) return false;
  if (answer.error.empty() && answer.generation != generation_) return false;
  answer_ = answer;
  ++version_;
  return true;
}

void LatentSearch::follow(uint32_t generation) {
  if (generation == generation_ || request_ == 0) {
    generation_ = generation;
    return;
  }
  generation_ = generation;
  request_ = 0;
  target_index_ = -1;
  target_.clear();
  answer_.reset();
  ++version_;
}

std::optional<float> LatentSearch::startL1() const {
  if (!answer_ || answer_->l1_curve.empty()) return std::nullopt;
  return answer_->l1_curve.front();
}

}  // namespace ganscope
