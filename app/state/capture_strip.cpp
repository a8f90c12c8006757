// CaptureStrip: keeps up to four frames, by click or at planned steps.
#include "app/state/capture_strip.hpp"

namespace ganscope {

void CaptureStrip::capture(const AnyFrame& frame) {
  if (captures_.size() == kSlots) captures_.erase(captures_.begin());
  captures_.push_back(frame);
}

bool CaptureStrip::plannedNow(const FrameHeader& header, const Planned& planned) {
  if (header.generation != generation_) {
    // A reset starts a new series of captures.
    clear();
    generation_ = header.generation;
  }
  for (size_t i = 0; i < kSlots; ++i) {
    if (planned_done_[i] || planned[i] < 0 || header.step < planned[i]) continue;
    planned_done_[i] = true;
    return true;
  }
  return false;
}

void CaptureStrip::clear() {
  captures_.clear();
  planned_done_ = {};
}

}  // namespace ganscope
