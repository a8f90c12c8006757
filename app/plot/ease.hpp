// Easing by elapsed time: a view moves toward its target by the same share per second whatever
// the frame rate, so a plot settles as fast at 3 fps as at 60.
#pragma once

namespace ganscope::plot {

/// The share of the way to its target an exponential ease with time constant
/// `time_constant_s` covers in `dt_s` seconds: 1 - exp(-dt / tau). 1 when tau <= 0 (jump),
/// 0 when dt <= 0 or is not finite.
double easeFraction(double dt_s, double time_constant_s);

/// `current` eased toward `target` over `dt_s` seconds; a non-finite `current` jumps.
double easeToward(double current, double target, double dt_s, double time_constant_s);

}  // namespace ganscope::plot
