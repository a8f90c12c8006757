// MlpPass: forward and backward of an Mlp written out by hand (addmm and ATen's activation
// backward kernels) into reused buffers. No autograd graph is built: on networks this small the
// graph's bookkeeping, not the arithmetic, is most of the cost of a training step.
#pragma once
#include <torch/torch.h>

#include "core/models/mlp.hpp"

namespace ganscope {

class MlpPass {
 public:
  /// Uses `mlp`'s parameters and their .grad() tensors in place (set up by FlatParameters).
  explicit MlpPass(Mlp mlp);

  /// Runs the network on `input` [n, in] and keeps what backward needs. The result [n, out]
  /// lives in a buffer of this object, valid until the next forward.
  const torch::Tensor& forward(const torch::Tensor& input);

  /// Backpropagates `grad_output` (dL/doutput of the last forward). With `weight_grads`, writes
  /// (overwrites) dL/dparameter into the parameters' .grad(). With `input_grad`, returns
  /// dL/dinput [n, in] (a buffer of this object); otherwise an undefined tensor.
  const torch::Tensor& backward(const torch::Tensor& grad_output, bool weight_grads,
                                bool input_grad);

 private:
  Mlp mlp_;
  torch::Tensor input_;                 ///< the last forward's input (a shared handle)
  std::vector<torch::Tensor> outputs_;  ///< after each layer (activation applied in place)
  std::vector<torch::Tensor> grads_;    ///< dL/d(pre-activation) scratch per layer
  torch::Tensor input_grad_, none_;
};

}  // namespace ganscope
