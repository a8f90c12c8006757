// FlatParameters + FlatOptimizer: a network's parameters and gradients live in one contiguous
// buffer each, so the finiteness check and a whole SGD/Adam update are a handful of tensor ops
// instead of a handful per parameter (the per-op overhead dominates on small MLPs).
#pragma once
#include <torch/torch.h>

#include "core/api/config.hpp"

namespace ganscope {

class FlatParameters {
 public:
  /// Re-points every parameter of `module` at a slice of one buffer (values are kept).
  explicit FlatParameters(torch::nn::Module& module);

  torch::Tensor& values() { return values_; }
  torch::Tensor& grads() { return grads_; }
  /// The L2 norm of the gradient buffer (the last update's gradient until the next is taken).
  double gradNorm() const;
  /// The largest |value| of the parameters; NaN when any is NaN.
  double maxAbsValue() const;

 private:
  std::vector<torch::Tensor> params_;
  torch::Tensor values_;
  torch::Tensor grads_;
};

/// What a FlatOptimizer carries from one step to the next (saved with a run's state).
struct FlatOptimizerState {
  OptimizerKind kind = OptimizerKind::Adam;  ///< the method the moments belong to
  int64_t adam_steps = 0;                    ///< Adam's step count (bias correction)
  torch::Tensor first_moment;                ///< SGD momentum buffer, or Adam's m
  torch::Tensor second_moment;               ///< Adam's v, RMSprop's mean square
};

/// SGD with momentum, Adam (bias-corrected) or RMSprop over a FlatParameters buffer, each with
/// LibTorch's default semantics (eps 1e-8, no dampening, no weight decay).
class FlatOptimizer {
 public:
  explicit FlatOptimizer(FlatParameters& params);
  /// Applies one update with `config`; switching kind starts the new method from zero state.
  void step(const OptimizerConfig& config);
  /// Remembers the parameters and this optimiser's state; restore() returns to them (the
  /// unrolled GAN's look-ahead updates D and then takes them back).
  void save();
  void restore();
  /// A copy of the state carried between steps.
  FlatOptimizerState state() const;
  /// Replaces that state; throws std::invalid_argument when a moment's size is not the
  /// parameters' or the step count is negative.
  void setState(const FlatOptimizerState& state);

 private:
  FlatParameters& params_;
  OptimizerKind state_kind_ = OptimizerKind::Adam;
  int64_t adam_steps_ = 0;
  torch::Tensor first_moment_;   ///< SGD momentum buffer, or Adam's m
  torch::Tensor second_moment_;  ///< Adam's v, RMSprop's mean square
  torch::Tensor scratch_;        ///< Adam's denominator
  struct Saved {
    torch::Tensor values, first_moment, second_moment;
    OptimizerKind state_kind = OptimizerKind::Adam;
    int64_t adam_steps = 0;
  } saved_;
};

}  // namespace ganscope
