// FakeTrails: the last few positions of each fixed-z fake of the plane panel, kept app-side from
// the stream of plane frames, so the panel can draw where G's samples came from.
#pragma once
#include <array>
#include <cstdint>

#include "core/api/telemetry/plane_frame.hpp"

namespace ganscope {

class FakeTrails {
 public:
  static constexpr int kLength = 8;  ///< positions kept per fake

  /// Adds the frame's fake positions. A new run (its generation changes) or a step that goes
  /// backwards starts the trails afresh; a repeat of the newest step is ignored.
  void push(const PlaneFrame& frame);
  void clear() { size_ = 0; }

  /// Positions held per fake, 0..kLength.
  int size() const { return size_; }
  /// Fake `i`'s position `age` frames back (0: the newest), as {x, y}.
  const float* at(int age, int i) const;

 private:
  using Positions = std::array<float, 2 * kShownPoints>;
  std::array<Positions, kLength> positions_{};  // a ring; newest_ is the latest slot
  int newest_ = 0;
  int size_ = 0;
  uint32_t generation_ = 0;
  int64_t step_ = 0;
};

}  // namespace ganscope
