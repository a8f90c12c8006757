// FakeTrails: a ring of the fixed-z fakes' recent positions.
#include "app/state/fake_trails.hpp"

#include <algorithm>

namespace ganscope {

void FakeTrails::push(const PlaneFrame& s) {
  const FrameHeader& h = s.header;
  if (size_ > 0 && h.generation == generation_ && h.step == step_) return;
  if (size_ > 0 && (h.generation != generation_ || h.step < step_)) clear();
  generation_ = h.generation;
  step_ = h.step;
  newest_ = (newest_ + 1) % kLength;
  std::copy_n(s.fake_xy, 2 * kShownPoints, positions_[newest_].begin());
  size_ = std::min(size_ + 1, kLength);
}

const float* FakeTrails::at(int age, int i) const {
  return &positions_[(newest_ - age + kLength) % kLength][2 * i];
}

}  // namespace ganscope
