// CaptureStrip: up to four Figure 1 snapshots kept side by side, like panels (a)-(d) of the
// paper; filled by a click or automatically when training passes chosen steps.
#pragma once
#include <array>
#include <cstddef>
#include <cstdint>
#include <vector>

#include "core/telemetry.hpp"

namespace ganscope {

class CaptureStrip {
 public:
  static constexpr size_t kSlots = 4;

  /// Keeps a copy of `snapshot`; with all slots full, the oldest capture makes room.
  void capture(const Snapshot& snapshot);
  /// Captures `snapshot` if it is the first one at or past a planned step not yet captured.
  void captureIfPlanned(const Snapshot& snapshot, const std::array<int64_t, kSlots>& planned);
  void clear();

  const std::vector<Snapshot>& captures() const { return captures_; }

 private:
  std::vector<Snapshot> captures_;
  std::array<bool, kSlots> planned_done_ = {};
  uint32_t generation_ = 0;
};

}  // namespace ganscope
