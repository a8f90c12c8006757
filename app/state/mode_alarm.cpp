// The mode-coverage verdict.
#include "app/state/mode_alarm.hpp"

#include <algorithm>

namespace ganscope {

ModeAlarm modeAlarm(int64_t step, int covered, int total, std::span<const float> share) {
  if (step < kModeAlarmWarmupSteps || total <= 0) return ModeAlarm::WarmingUp;
  if (covered * 2 <= total) return ModeAlarm::Collapse;
  const float peak = share.empty() ? 0 : *std::max_element(share.begin(), share.end());
  if (peak * static_cast<float>(total) >= kConcentratedShare) return ModeAlarm::Concentrated;
  return ModeAlarm::None;
}

}  // namespace ganscope
