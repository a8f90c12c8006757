// StepStats: the figures of one training step, sent for every step. Plain data: no torch, no
// imgui, no GL, no pointers.
#pragma once
#include <cstdint>
#include <type_traits>

#include "core/api/config.hpp"

namespace ganscope {

/// One training step, pushed for every step through a lock-free queue.
struct StepStats {
  int64_t step = 0;              ///< steps done in this run: full steps (k D + 1 G updates) and
                                 ///< single D or G updates from StepOnce alike
  uint32_t generation = 0;       ///< bumps on every reset and state load: the UI clears its history
  uint32_t config_revision = 0;  ///< the Session's config revision this step ran with
  LossKind loss = LossKind::NonSaturating;  ///< the loss this step ran with (labels its plots)
  float seconds = 0;                        ///< wall time since the run started
  float d_loss = 0;  ///< D's loss as trained: the configured loss with label smoothing and
                     ///< penalties (GP, R1) included; 2 log 2 at equilibrium for the paper's losses
  float g_loss = 0;  ///< the generator's loss, whichever of the six losses is configured
  float d_real_mean = 0;  ///< mean D(x) over the real batch
  float d_fake_mean = 0;  ///< mean D(G(z)) over the fake batch
  float value = 0;  ///< -(D's loss) before label smoothing and penalties: V(D,G) for minimax and
                    ///< non-saturating, -log 4 at the optimum
  float g_grad_norm = 0;  ///< L2 norm of G's loss gradient over all of G's parameters, at the
                          ///< step's G update (the unrolled one: against the look-ahead D)
  float d_grad_norm = 0;  ///< L2 norm of D's loss gradient (penalties included) over all of D's
                          ///< parameters, at the step's last D update
};
static_assert(std::is_trivially_copyable_v<StepStats>);

}  // namespace ganscope
