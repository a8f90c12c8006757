// The push field: minus the gradient of G's loss at each shown fake.
#include "core/probes/push_probe.hpp"

#include <vector>

#include "core/losses/losses.hpp"
#include "core/tensor_span.hpp"

namespace ganscope {

void fillPush(const ProbeInputs& in, const torch::Tensor& shown, PlaneFrame& out) {
  // As in G's update: each fake is packed with other fakes (the shown set, rotated; held
  // fixed, so each fake is pushed through its own row only), and the stddev feature is the
  // fakes' own, so the push includes its path through the batch's spread.
  c10::InferenceMode autograd_on(false);
  const torch::Tensor x = shown.detach().clone().requires_grad_(true);
  const int64_t n = x.size(0);
  std::vector<torch::Tensor> columns = {x};
  for (int k = 1; k < in.input.pack(); ++k) columns.push_back(shown.roll(k, 0));
  if (in.input.width() > in.data_dim * in.input.pack()) {
    columns.push_back(DiscriminatorInput::groupStddev(x).expand({n, 1}));
  }
  const torch::Tensor output = in.discriminator.forward(torch::cat(columns, 1));
  // dloss/doutput per fake, unscaled by the batch mean, from the same loss code as training.
  torch::Tensor output_grad = torch::empty({n, 1});
  {
    torch::NoGradGuard no_grad;
    const torch::Tensor values = output.detach().contiguous();
    generatorLoss(in.loss, asSpan(values), asMutableSpan(output_grad));
    output_grad.mul_(-static_cast<double>(n));
  }
  const torch::Tensor push =
      torch::autograd::grad({output}, {x}, {output_grad})[0].detach().contiguous();
  std::copy_n(push.data_ptr<float>(), 2 * kShownPoints, out.fake_push);
}

}  // namespace ganscope
