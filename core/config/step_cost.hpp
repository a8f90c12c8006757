// An estimate of one training step's cost from the config's shapes alone (torch-free), so the
// window and headless runs can say "one step will take about N s" before starting it.
#pragma once
#include "core/api/config.hpp"

namespace ganscope {

/// Multiply-adds of one training step of `config`: k (+ unrolled) D updates, each G forward on
/// pack x batch samples and D forward and backward on the real and fake rows, and one G update
/// (G and D forward and backward). Backward counts as twice the forward.
double stepMultiplyAdds(const TrainConfig& config);

/// stepMultiplyAdds times the rate measured on our 2-core machine at one trainer thread (see
/// kSecondsPerMultiplyAdd in the .cpp): seconds one step takes, give or take a factor of 2.
double estimatedStepSeconds(const TrainConfig& config);

/// Steps this slow get a warning before they start (window and headless).
inline constexpr double kSlowStepSeconds = 2.0;

/// "one step will take about N s" (or min, h) when estimatedStepSeconds(config) >= kSlowStepSeconds,
/// else "".
std::string slowStepWarning(const TrainConfig& config);

}  // namespace ganscope
