// MlpGanPass: hand-written forward/backward of Linear [BatchNorm1d] activation blocks.
#include "core/models/mlp_gan_pass.hpp"

#include <stdexcept>
#include <string>
#include <tuple>

namespace ganscope {
namespace {

/// Sizes a reused buffer to [rows, cols]; within its capacity this moves no memory.
torch::Tensor& shaped(torch::Tensor& buffer, int64_t rows, int64_t cols) {
  if (buffer.dim() != 2 || buffer.size(0) != rows || buffer.size(1) != cols) {
    buffer.resize_({rows, cols});
  }
  return buffer;
}

[[noreturn]] void refuse(const std::string& why) {
  throw std::invalid_argument(
      "the MLP GAN pass (fast engine) runs Linear, BatchNorm1d, "
      "LeakyReLU and Tanh blocks only: " +
      why);
}

}  // namespace

MlpGanPass::MlpGanPass(Network& network) {
  for (const auto& module : network.modules(/*include_self=*/false)) {
    if (std::dynamic_pointer_cast<torch::nn::SequentialImpl>(module)) continue;
    if (auto linear = std::dynamic_pointer_cast<torch::nn::LinearImpl>(module)) {
      if (!linear->bias.defined()) refuse("a Linear without bias");
      Block block;
      block.linear = linear;
      blocks_.push_back(std::move(block));
      continue;
    }
    if (blocks_.empty()) refuse(module->name() + " before the first Linear");
    Block& block = blocks_.back();
    if (auto norm = std::dynamic_pointer_cast<torch::nn::BatchNorm1dImpl>(module)) {
      const auto& options = norm->options;
      if (block.norm || block.activation != Activation::None) {
        refuse("a BatchNorm1d not right after a Linear");
      }
      if (!options.affine() || !options.track_running_stats() || !options.momentum()) {
        refuse("a BatchNorm1d without affine parameters, running statistics or a momentum");
      }
      block.norm = norm;
    } else if (block.activation != Activation::None) {
      refuse("two activations after one Linear");
    } else if (auto leaky = std::dynamic_pointer_cast<torch::nn::LeakyReLUImpl>(module)) {
      if (leaky->options.negative_slope() < 0) refuse("a LeakyReLU with a negative slope");
      block.activation = Activation::LeakyRelu;
      block.slope = leaky->options.negative_slope();
    } else if (std::dynamic_pointer_cast<torch::nn::TanhImpl>(module)) {
      block.activation = Activation::Tanh;
    } else {
      refuse("no pass for " + module->name());
    }
  }
  if (blocks_.empty()) refuse("a network without a Linear");
  for (Block& b : blocks_) {
    for (torch::Tensor* buffer : {&b.pre, &b.out, &b.out_grad, &b.act_grad}) {
      *buffer = torch::empty({0});
    }
  }
  input_grad_ = torch::empty({0});
}

const torch::Tensor& MlpGanPass::forward(const torch::Tensor& input) {
  input_ = input;
  const int64_t n = input.size(0);
  for (size_t i = 0; i < blocks_.size(); ++i) {
    Block& b = blocks_[i];
    const torch::Tensor& in = i == 0 ? input : blocks_[i - 1].out;
    torch::Tensor& pre = shaped(b.pre, n, b.linear->weight.size(0));
    at::addmm_out(pre, b.linear->bias, in, b.linear->weight.t());
    if (b.norm) {
      if (!b.norm->is_training()) {
        throw std::logic_error("the MLP GAN pass trains only: a BatchNorm1d is in eval mode");
      }
      // As BatchNormImpl::forward in train mode: count the batch, then normalise and update.
      b.norm->num_batches_tracked.add_(1);
      const auto& options = b.norm->options;
      // (LibTorch 1.13 has no CPU kernel for the out= form: the results are fresh tensors.)
      std::tie(b.out, b.mean, b.invstd) = at::native_batch_norm(
          pre, b.norm->weight, b.norm->bias, b.norm->running_mean, b.norm->running_var,
          /*training=*/true, *options.momentum(), options.eps());
    } else {
      b.out = pre;
    }
    switch (b.activation) {
      case Activation::None:
        break;
      case Activation::LeakyRelu:
        at::leaky_relu_(b.out, b.slope);
        break;
      case Activation::Tanh:
        b.out.tanh_();
        break;
    }
  }
  return blocks_.back().out;
}

const torch::Tensor& MlpGanPass::backward(const torch::Tensor& grad_output, bool weight_grads,
                                          bool input_grad) {
  const int64_t n = grad_output.size(0);
  const torch::Tensor* grad = &grad_output;  // dL/d(output of block i)
  for (size_t i = blocks_.size(); i-- > 0;) {
    Block& b = blocks_[i];
    const int64_t width = b.linear->weight.size(0);
    switch (b.activation) {  // the outputs hold the activated values
      case Activation::None:
        break;
      case Activation::LeakyRelu:
        grad = &at::leaky_relu_backward_out(shaped(b.act_grad, n, width), *grad, b.out, b.slope,
                                            /*self_is_result=*/true);
        break;
      case Activation::Tanh:
        grad = &at::tanh_backward_out(shaped(b.act_grad, n, width), *grad, b.out);
        break;
    }
    if (b.norm) {
      const double eps = b.norm->options.eps();
      torch::Tensor weight_grad, bias_grad;
      std::tie(b.pre_grad, weight_grad, bias_grad) = at::native_batch_norm_backward(
          *grad, b.pre, b.norm->weight, b.norm->running_mean, b.norm->running_var, b.mean, b.invstd,
          /*train=*/true, eps, {true, weight_grads, weight_grads});
      if (weight_grads) {
        b.norm->weight.mutable_grad().copy_(weight_grad);
        b.norm->bias.mutable_grad().copy_(bias_grad);
      }
      grad = &b.pre_grad;
    }
    const torch::Tensor& in = i == 0 ? input_ : blocks_[i - 1].out;
    if (weight_grads) {
      at::mm_out(b.linear->weight.mutable_grad(), grad->t(), in);
      at::sum_out(b.linear->bias.mutable_grad(), *grad, {0});
    }
    if (i == 0) {
      if (!input_grad) return none_;
      return at::mm_out(shaped(input_grad_, n, b.linear->weight.size(1)), *grad, b.linear->weight);
    }
    torch::Tensor& next = shaped(blocks_[i - 1].out_grad, n, b.linear->weight.size(1));
    at::mm_out(next, *grad, b.linear->weight);
    grad = &next;
  }
  return none_;
}

}  // namespace ganscope
