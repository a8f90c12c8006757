// CaptureStrip: up to four frames kept side by side, like panels (a)-(d) of Figure 1 of the
// paper; filled by a click or automatically when training passes chosen steps.
#pragma once
#include <array>
#include <cstddef>
#include <cstdint>
#include <vector>

#include "core/api/telemetry/frames.hpp"

namespace ganscope {

class CaptureStrip {
 public:
  static constexpr size_t kSlots = 4;
  using Planned = std::array<int64_t, kSlots>;

  /// Keeps a copy of `frame`; with all slots full, the oldest capture makes room.
  void capture(const AnyFrame& frame);
  /// Captures `frame` if it is the first one at or past a planned step not yet captured.
  template <class Frame>
  void captureIfPlanned(const Frame& frame, const Planned& planned) {
    if (plannedNow(frame.header, planned)) capture(frame);
  }
  void clear();

  const std::vector<AnyFrame>& captures() const { return captures_; }

 private:
  /// True (marking the slot done) when a frame with `header` is due for a planned slot; a new
  /// generation starts a new series of captures first.
  bool plannedNow(const FrameHeader& header, const Planned& planned);

  std::vector<AnyFrame> captures_;
  std::array<bool, kSlots> planned_done_ = {};
  uint32_t generation_ = 0;
};

}  // namespace ganscope
