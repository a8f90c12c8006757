// Gradient penalties through autograd's double backward.
#include "core/losses/gradient_penalty.hpp"

namespace ganscope {

double addGradientPenalty(Network& critic, const torch::Tensor& points, double target,
                          double weight) {
  c10::InferenceMode autograd_on(false);
  const torch::Tensor x = points.detach().clone().requires_grad_(true);
  const torch::Tensor output = critic.forward(x);
  const torch::Tensor slope = torch::autograd::grad({output.sum()}, {x}, {}, /*retain_graph=*/true,
                                                    /*create_graph=*/true)[0];
  const torch::Tensor penalty =
      target == 0 ? slope.square().sum(1).mean() : (slope.norm(2, 1) - target).square().mean();
  std::vector<torch::Tensor> parameters = critic.parameters();
  // The output layer's bias does not change the slope: its gradient is undefined, i.e. zero.
  const std::vector<torch::Tensor> grads =
      torch::autograd::grad({penalty * weight}, parameters, {}, /*retain_graph=*/false,
                            /*create_graph=*/false, /*allow_unused=*/true);
  torch::NoGradGuard no_grad;
  for (size_t i = 0; i < parameters.size(); ++i) {
    if (grads[i].defined()) parameters[i].mutable_grad().add_(grads[i]);
  }
  return penalty.item<double>();
}

torch::Tensor interpolate(const torch::Tensor& real, const torch::Tensor& fake,
                          at::Generator& generator) {
  const torch::Tensor fraction = torch::empty({real.size(0), 1}).uniform_(0, 1, generator);
  return fake + (real - fake) * fraction;
}

}  // namespace ganscope
