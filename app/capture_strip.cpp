// CaptureStrip: keeps up to four snapshots, by click or at planned steps.
#include "app/capture_strip.hpp"

namespace ganscope {

void CaptureStrip::capture(const Snapshot& snapshot) {
  if (captures_.size() == kSlots) captures_.erase(captures_.begin());
  captures_.push_back(snapshot);
}

void CaptureStrip::captureIfPlanned(const Snapshot& snapshot,
                                    const std::array<int64_t, kSlots>& planned) {
  if (snapshot.generation != generation_) {
    // A reset starts a new series of captures.
    clear();
    generation_ = snapshot.generation;
  }
  for (size_t i = 0; i < kSlots; ++i) {
    if (planned_done_[i] || planned[i] < 0 || snapshot.step < planned[i]) continue;
    planned_done_[i] = true;
    capture(snapshot);
    return;
  }
}

void CaptureStrip::clear() {
  captures_.clear();
  planned_done_ = {};
}

}  // namespace ganscope
