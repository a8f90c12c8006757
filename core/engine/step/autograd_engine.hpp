// AutogradEngine: the training updates written with LibTorch's autograd over the modules'
// forward(), for any architecture (the MLPs now; conv nets with BatchNorm next). It draws from
// the state's generator in the fast path's order, so both engines can be compared step by step.
#pragma once
#include "core/engine/step/step_engine.hpp"

namespace ganscope {

/// D and G updates by autograd: gradients go into the FlatParameters' grad buffer (zeroed, then
/// backward) and the FlatOptimizers apply them, as in the fast path. Losses and their logit
/// gradients come from core/losses (backpropagated with logits.backward(grad)); packing and
/// minibatch stddev are torch ops, so autograd carries G's gradient through the stddev feature.
///
/// BatchNorm convention: D judges the real batch and the fake batch in separate forward passes
/// (as the DCGAN reference does), so its batch statistics never mix real and fake samples. For
/// a D without BatchNorm (the MLPs) this equals one joint pass up to rounding. The penalties
/// (WGAN-GP on interpolates, R1 on the real rows) take one more pass each.
///
/// Runs with autograd on even when called inside c10::InferenceMode or a NoGradGuard.
class AutogradEngine : public StepEngine {
 public:
  void discriminatorStep(GanState& state) override;
  void generatorStep(GanState& state) override;

 private:
  torch::Tensor noise_ = torch::empty({0});  ///< instance-noise scratch
};

}  // namespace ganscope
