// Balance warnings, as the source material's training monitor gives them: D is winning (it
// tells real from fake with confidence, so G's gradient vanishes) or G is winning (D rates
// G's samples above the real ones), judged over the recent mean D outputs of every step.
#pragma once
#include <cstdint>
#include <span>

namespace ganscope {

// D is winning while mean D(x) >= 0.9 and mean D(G(z)) <= 0.1: the minimax generator's
// gradient on a logit is -D(G(z)), so at 0.1 G gets a fifth of what it gets at the equilibrium
// (1/2), and less as D grows surer.
inline constexpr double kDWinsReal = 0.9;
inline constexpr double kDWinsFake = 0.1;
// G is winning while mean D(G(z)) > mean D(x) + 0.05: at the equilibrium both means are 1/2 and
// differ only by batch noise (a batch of 64 outputs spread by ~0.1 gives means ~0.013 apart),
// so 0.05 is several times that noise, and a steady lead means D is being fooled.
inline constexpr double kGWinsMargin = 0.05;
// For this many consecutive steps (a few seconds of a 2-D run, a blink of figure1's): a
// passing swing is not a verdict.
inline constexpr int64_t kBalanceSteps = 200;

enum class Balance : uint8_t { Even, DWinning, GWinning };

/// The verdict on the newest steps, with the numbers behind it.
struct BalanceVerdict {
  Balance balance = Balance::Even;
  int64_t steps = 0;     ///< how many of the newest steps meet the newest step's condition (the
                         ///< newest kBalanceSteps when it meets neither)
  double real_mean = 0;  ///< mean D(x) over those steps
  double fake_mean = 0;  ///< mean D(G(z)) over the same steps
};

/// Judges per-step means `real` (D(x)) and `fake` (D(G(z))) at step numbers `steps` (ascending,
/// as the metric store keeps them: a thinned history is every other step). A verdict needs its
/// condition on every point of at least the newest kBalanceSteps steps. For D outputs that are
/// probabilities only (outputIsProbability of the loss); NaNs break a run of steps.
BalanceVerdict judgeBalance(std::span<const double> steps, std::span<const float> real,
                            std::span<const float> fake);

}  // namespace ganscope
