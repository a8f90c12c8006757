// Divergence: why a run stopped as diverged (a NaN or Inf, or a blow-up past the limits), and
// the limits themselves. Torch-free, so the window and the headless output can say why.
#pragma once
#include <cstdint>
#include <string>

namespace ganscope {

/// What made a run diverge.
enum class Divergence : uint8_t {
  None,
  NotFinite,    ///< a loss or a weight became NaN or Inf
  LossBlowUp,   ///< a loss's magnitude passed kDivergentLoss
  WeightBlowUp  ///< a weight's magnitude passed kDivergentWeight
};

// The limits. Healthy runs stay far below both: over every built-in preset's full run (its seed
// and steps, the fast engine) the largest |loss| (D's, G's or the game's value) was 14.1
// (ring-wgan-gp's critic; 1.5-2.8 for the probability losses) and the largest |weight| 4.3
// (figure1; weights read every 50 steps). A run past them has blown up: Adam at a learning rate
// of 50 reaches losses of 1e23 with every number finite.
/// |d_loss|, |g_loss| or |V(D,G)| beyond this (any loss) is divergence.
inline constexpr double kDivergentLoss = 1e6;
/// |weight| of G or D beyond this is divergence.
inline constexpr double kDivergentWeight = 1e6;

/// Why the run diverged at `step`, for a person: "losses beyond 1e6 at step 12". Empty for None.
std::string describeDivergence(Divergence why, int64_t step);
/// A short stable name for files: "not_finite", "loss_blow_up", "weight_blow_up", or "".
const char* toString(Divergence why);

}  // namespace ganscope
