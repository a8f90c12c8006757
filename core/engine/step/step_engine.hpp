// StepEngine: the interface of the two ways to make one training update of a GanState (the
// hand-written MLP fast path and the autograd path over torch::nn modules).
#pragma once
#include <memory>

#include "core/engine/gan_state.hpp"

namespace ganscope {

/// One training update of a GanState: a D update on a fresh batch or a G update against the
/// current D, with the configured loss and every remedy (packing, minibatch stddev, instance
/// noise, label smoothing, WGAN clipping, GP, R1, lr schedule). The unrolled look-ahead is
/// built on top of these by the trainer (save D, u D updates, G update, restore).
class StepEngine {
 public:
  virtual ~StepEngine() = default;
  /// Writes stats d_loss, value, d_real_mean, d_fake_mean.
  virtual void discriminatorStep(GanState& state) = 0;
  /// Writes stats g_loss.
  virtual void generatorStep(GanState& state) = 0;
};

/// The engine engineFor(state.config) names, bound to `state` (which must outlive it).
std::unique_ptr<StepEngine> makeStepEngine(GanState& state);

}  // namespace ganscope
