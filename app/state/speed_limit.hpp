// The speed control's stops: a log scale of step rates from 1 a second to unlimited, as the
// toolbar slider, the [ and ] keys and --speed share them.
#pragma once
#include <array>
#include <cmath>

namespace ganscope {

/// Steps per second at each stop; the last, 0, is "max" (unlimited).
inline constexpr std::array<double, 10> kSpeedStops = {1, 2, 5, 10, 20, 50, 100, 200, 500, 0};
inline constexpr int kMaxSpeedStop = static_cast<int>(kSpeedStops.size()) - 1;

/// The stop nearest `steps_per_second` on the log scale (0 or infinity: max).
inline int nearestSpeedStop(double steps_per_second) {
  if (!(steps_per_second > 0) || !std::isfinite(steps_per_second)) return kMaxSpeedStop;
  int best = 0;
  for (int i = 0; i < kMaxSpeedStop; ++i) {
    if (std::abs(std::log(steps_per_second / kSpeedStops[i])) <
        std::abs(std::log(steps_per_second / kSpeedStops[best]))) {
      best = i;
    }
  }
  return steps_per_second > kSpeedStops[kMaxSpeedStop - 1] * 1.5 ? kMaxSpeedStop : best;
}

}  // namespace ganscope
