// MlpPass: hand-written forward/backward of an Mlp over reused buffers.
#include "core/models/mlp_pass.hpp"

namespace ganscope {
namespace {
/// Sizes a reused buffer to [rows, cols]; within its capacity this moves no memory.
torch::Tensor& shaped(torch::Tensor& buffer, int64_t rows, int64_t cols) {
  if (buffer.dim() != 2 || buffer.size(0) != rows || buffer.size(1) != cols) {
    buffer.resize_({rows, cols});
  }
  return buffer;
}
}  // namespace

MlpPass::MlpPass(Mlp mlp) : mlp_(std::move(mlp)) {
  const size_t count = mlp_->layers().size();
  for (size_t i = 0; i < count; ++i) {
    outputs_.push_back(torch::empty({0}));
    grads_.push_back(torch::empty({0}));
  }
  input_grad_ = torch::empty({0});
}

const torch::Tensor& MlpPass::forward(const torch::Tensor& input) {
  const auto& layers = mlp_->layers();
  input_ = input;
  for (size_t i = 0; i < layers.size(); ++i) {
    const torch::Tensor& in = i == 0 ? input : outputs_[i - 1];
    torch::Tensor& out = shaped(outputs_[i], input.size(0), layers[i]->weight.size(0));
    at::addmm_out(out, layers[i]->bias, in, layers[i]->weight.t());
    if (i + 1 == layers.size()) break;
    switch (mlp_->options().activation()) {
      case Activation::Relu:
        out.relu_();
        break;
      case Activation::LeakyRelu:
        at::leaky_relu_(out, kLeakyReluSlope);
        break;
      case Activation::Tanh:
        out.tanh_();
        break;
    }
  }
  return outputs_.back();
}

const torch::Tensor& MlpPass::backward(const torch::Tensor& grad_output, bool weight_grads,
                                       bool input_grad) {
  const auto& layers = mlp_->layers();
  const torch::Tensor* grad = &grad_output;  // dL/d(pre-activation of layer i)
  for (size_t i = layers.size(); i-- > 0;) {
    const torch::Tensor& in = i == 0 ? input_ : outputs_[i - 1];
    if (weight_grads) {
      at::mm_out(layers[i]->weight.mutable_grad(), grad->t(), in);
      at::sum_out(layers[i]->bias.mutable_grad(), *grad, {0});
    }
    if (i == 0) {
      if (!input_grad) return none_;
      return at::mm_out(shaped(input_grad_, grad->size(0), layers[0]->weight.size(1)), *grad,
                        layers[0]->weight);
    }
    // dL/d(output of layer i-1), then through its activation (outputs hold the activated values).
    torch::Tensor& next = shaped(grads_[i - 1], grad->size(0), layers[i]->weight.size(1));
    at::mm_out(next, *grad, layers[i]->weight);
    const torch::Tensor& activated = outputs_[i - 1];
    switch (mlp_->options().activation()) {
      case Activation::Relu:
        at::threshold_backward_out(next, next, activated, 0);
        break;
      case Activation::LeakyRelu:
        at::leaky_relu_backward_out(next, next, activated, kLeakyReluSlope,
                                    /*self_is_result=*/true);
        break;
      case Activation::Tanh:
        at::tanh_backward_out(next, next, activated);
        break;
    }
    grad = &next;
  }
  return none_;
}

}  // namespace ganscope
