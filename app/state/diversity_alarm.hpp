// The diversity alarm of the class-coverage panel: G's samples have become near-copies of each
// other when their diversity (mean pairwise distance) falls below half the real images'.
#pragma once
#include "core/api/telemetry/image_frame.hpp"

namespace ganscope {

/// The alarm's level, as a share of the real images' diversity. Measured on 1000 Fashion-MNIST
/// test images (pixels in [-1, 1]): all classes 22.7; one class alone 13.5 (Trouser) to 22.1
/// (Bag), 0.59-0.97 of it. Below 0.5, samples are closer together than the images of any one
/// class: near-copies (collapse inside a class), which the class bars alone do not show.
inline constexpr float kDiversityAlarmShare = 0.5f;

/// True when `metrics` holds an evaluation whose diversity is below kDiversityAlarmShare of the
/// real images' (false without an evaluation or a real diversity to compare with).
inline bool diversityAlarm(const ImageMetrics& metrics) {
  return metrics.step >= 0 && metrics.real_diversity > 0 &&
         metrics.diversity < kDiversityAlarmShare * metrics.real_diversity;
}

}  // namespace ganscope
