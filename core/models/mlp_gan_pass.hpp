// MlpGanPass: forward and backward of the source material's MLP GAN (G and D: Linear blocks with
// an optional training-mode BatchNorm1d and LeakyReLU or Tanh) written out by hand over reused
// buffers (BatchNorm's results excepted: LibTorch 1.13 has no CPU out= kernel for them), with
// ATen's own kernels and no autograd graph, as MlpPass does for the plain MLP.
#pragma once
#include <torch/torch.h>

#include <memory>
#include <vector>

#include "core/models/network.hpp"
#include "core/models/network_pass.hpp"

namespace ganscope {

class MlpGanPass : public NetworkPass {
 public:
  /// Binds to `network`'s Linear, BatchNorm1d, LeakyReLU and Tanh modules in order, using their
  /// parameters, buffers and the parameters' .grad() tensors (set up by FlatParameters) in place.
  /// Throws std::invalid_argument for a network of other modules or of another order, and for a
  /// BatchNorm1d without affine parameters, running statistics or a fixed momentum.
  explicit MlpGanPass(Network& network);

  /// As the module in train mode: each BatchNorm normalises by its batch's mean and biased
  /// variance and moves its running mean and (unbiased) variance by its momentum, and counts
  /// the batch in num_batches_tracked, exactly as torch::nn::BatchNorm1d does. Throws
  /// std::logic_error when a BatchNorm is in eval mode (the pass trains only).
  const torch::Tensor& forward(const torch::Tensor& input) override;
  const torch::Tensor& backward(const torch::Tensor& grad_output, bool weight_grads,
                                bool input_grad) override;

 private:
  enum class Activation : uint8_t { None, LeakyRelu, Tanh };
  /// Linear, then BatchNorm1d if `norm`, then the activation; with the block's buffers.
  struct Block {
    std::shared_ptr<torch::nn::LinearImpl> linear;
    std::shared_ptr<torch::nn::BatchNorm1dImpl> norm;  ///< null: no BatchNorm
    Activation activation = Activation::None;
    double slope = 0;                  ///< LeakyReLU's negative slope
    torch::Tensor pre;                 ///< the Linear's output [n, out]
    torch::Tensor out;                 ///< the block's output (pre itself without BatchNorm)
    torch::Tensor mean, invstd;        ///< the batch statistics BatchNorm saved [out]
    torch::Tensor out_grad;            ///< dL/d(block output) [n, out], from the block above
    torch::Tensor act_grad, pre_grad;  ///< dL/d(before the activation), dL/d(pre) [n, out]
  };

  std::vector<Block> blocks_;
  torch::Tensor input_;  ///< the last forward's input (a shared handle)
  torch::Tensor input_grad_, none_;
};

}  // namespace ganscope
