// ArrowScale: how long to draw the plane's gradient-field arrows. A robust maximum (the 90th
// percentile of the push lengths) gets the longest arrow, so one outlier cannot shrink the rest.
#pragma once
#include <span>
#include <utility>

#include "core/api/telemetry/plane_frame.hpp"

namespace ganscope {

struct ArrowScale {
  float reference = 0;   ///< a push this long (or longer) is drawn at full length (0: no arrows)
  float max_length = 0;  ///< the full length, in data units

  /// The arrow for push (dx, dy), in data units: along the push, |push| / reference of the full
  /// length, at most the full length. {0, 0} for a non-finite push or when there are no arrows.
  std::pair<float, float> arrow(float dx, float dy) const;
};

/// The scale for a frame's pushes (interleaved dx, dy; non-finite ones are skipped) whose
/// longest arrow is `max_length`.
ArrowScale arrowScale(std::span<const float, 2 * kShownPoints> push_xy, float max_length);

}  // namespace ganscope
