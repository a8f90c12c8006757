// Exponential easing by elapsed time.
#include "app/plot/ease.hpp"

#include <cmath>

namespace ganscope::plot {

double easeFraction(double dt_s, double time_constant_s) {
  if (time_constant_s <= 0) return 1.0;
  if (!(dt_s > 0) || !std::isfinite(dt_s)) return 0.0;
  return 1.0 - std::exp(-dt_s / time_constant_s);
}

double easeToward(double current, double target, double dt_s, double time_constant_s) {
  if (!std::isfinite(current)) return target;
  return current + (target - current) * easeFraction(dt_s, time_constant_s);
}

}  // namespace ganscope::plot
