// The mode-coverage verdict the modes panel shows, from one count of "covered" (a mode holding
// at least 1% of the samples as high-quality samples), the same number as its headline.
#pragma once
#include <cstdint>
#include <span>

namespace ganscope {

// No verdict before this many steps: an untrained G is one blob near where it started, which
// reads as "collapse" though nothing has collapsed yet; G needs some hundreds of steps to first
// reach the data.
inline constexpr int64_t kModeAlarmWarmupSteps = 500;
// Shares pile up when one mode holds this many times its fair share (1/K) of the HQ samples.
inline constexpr float kConcentratedShare = 3;

enum class ModeAlarm : uint8_t {
  WarmingUp,     ///< step < kModeAlarmWarmupSteps: no verdict yet
  Collapse,      ///< half the modes or more are not covered
  Concentrated,  ///< most are covered, but one holds kConcentratedShare x its fair share
  None,
};

/// The verdict at `step` for `covered` of `total` modes covered (>= 1% of the samples each) and
/// per-mode shares of the HQ samples `share` (total entries).
ModeAlarm modeAlarm(int64_t step, int covered, int total, std::span<const float> share);

}  // namespace ganscope
