// Balance warnings: the newest run of steps in which D or G is winning.
#include "app/state/balance_monitor.hpp"

#include <algorithm>

namespace ganscope {
namespace {

bool dWins(float real, float fake) {
  return real >= kDWinsReal && fake <= kDWinsFake;
}

bool gWins(float real, float fake) {
  return fake > real + kGWinsMargin;
}

}  // namespace

BalanceVerdict judgeBalance(std::span<const double> steps, std::span<const float> real,
                            std::span<const float> fake) {
  const size_t n = std::min({steps.size(), real.size(), fake.size()});
  BalanceVerdict verdict;
  if (n == 0) return verdict;
  const bool d_wins = dWins(real[n - 1], fake[n - 1]);
  const bool g_wins = !d_wins && gWins(real[n - 1], fake[n - 1]);
  // The newest points that meet the newest point's condition (none: the window for the means).
  size_t first = n - 1;
  if (d_wins || g_wins) {
    while (first > 0 && (d_wins ? dWins(real[first - 1], fake[first - 1])
                                : gWins(real[first - 1], fake[first - 1]))) {
      --first;
    }
  } else {
    while (first > 0 && steps[n - 1] - steps[first - 1] < kBalanceSteps) --first;
  }
  double real_sum = 0, fake_sum = 0;
  for (size_t i = first; i < n; ++i) {
    real_sum += real[i];
    fake_sum += fake[i];
  }
  verdict.real_mean = real_sum / static_cast<double>(n - first);
  verdict.fake_mean = fake_sum / static_cast<double>(n - first);
  verdict.steps = static_cast<int64_t>(steps[n - 1] - steps[first]) + 1;
  if ((d_wins || g_wins) && verdict.steps >= kBalanceSteps) {
    verdict.balance = d_wins ? Balance::DWinning : Balance::GWinning;
  }
  return verdict;
}

}  // namespace ganscope
