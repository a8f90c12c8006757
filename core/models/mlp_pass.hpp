// MlpPass: forward and backward of an Mlp written out by hand (addmm and ATen's activation
// backward kernels) into reused buffers. No autograd graph is built: on networks this small the
// graph's bookkeeping, not the arithmetic, is most of the cost of a training step.
#pragma once
#include <torch/torch.h>

#include "core/models/mlp.hpp"
#include "core/models/network_pass.hpp"

namespace ganscope {

class MlpPass : public NetworkPass {
 public:
  /// Uses `mlp`'s parameters and their .grad() tensors in place (set up by FlatParameters).
  explicit MlpPass(Mlp mlp);

  const torch::Tensor& forward(const torch::Tensor& input) override;
  const torch::Tensor& backward(const torch::Tensor& grad_output, bool weight_grads,
                                bool input_grad) override;

 private:
  Mlp mlp_;
  torch::Tensor input_;                 ///< the last forward's input (a shared handle)
  std::vector<torch::Tensor> outputs_;  ///< after each layer (activation applied in place)
  std::vector<torch::Tensor> grads_;    ///< dL/d(pre-activation) scratch per layer
  torch::Tensor input_grad_, none_;
};

}  // namespace ganscope
