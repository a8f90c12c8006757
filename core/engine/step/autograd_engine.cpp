// AutogradEngine: D and G updates through autograd with every loss, penalty and remedy, in the
// fast path's order of random draws.
#include "core/engine/step/autograd_engine.hpp"

#include <span>
#include <vector>

#include "core/engine/step/discriminator_update.hpp"
#include "core/engine/step/step_helpers.hpp"
#include "core/losses/losses.hpp"
#include "core/tensor_span.hpp"

namespace ganscope {
namespace {

/// The rows D judges for `samples` [pack * n, data dim], as differentiable torch ops: `pack`
/// consecutive samples side by side, then the group's minibatch-stddev feature if D has one.
torch::Tensor encodeRows(const DiscriminatorInput& input, const torch::Tensor& samples) {
  if (input.identity()) return samples;
  const int64_t n = samples.size(0) / input.pack();
  const int64_t packed = samples.size(1) * input.pack();
  const torch::Tensor rows = samples.reshape({n, packed});
  if (input.width() == packed) return rows;
  return torch::cat({rows, DiscriminatorInput::groupStddev(samples).expand({n, 1})}, 1);
}

/// Backpropagates dloss/doutput `grads` from `outputs` into the .grad() of `parameters` only
/// (accumulating: the caller zeroes them first).
void backwardInto(const std::vector<torch::Tensor>& outputs,
                  const std::vector<torch::Tensor>& grads,
                  const std::vector<torch::Tensor>& parameters) {
  torch::autograd::backward(outputs, grads, /*retain_graph=*/false, /*create_graph=*/false,
                            parameters);
}

}  // namespace

void AutogradEngine::discriminatorStep(GanState& state) {
  c10::InferenceMode autograd_on(false);
  const Hyperparams& hyper = state.config.hyper;
  const int64_t b = hyper.batch_size, group = state.input.pack() * b, step = state.stats.step;
  // Real samples, then G's: one buffer, so the instance noise is drawn for both at once.
  torch::Tensor samples = torch::empty({2 * group, state.data->dim()});
  const torch::Tensor real = samples.narrow(0, 0, group), fake = samples.narrow(0, group, group);
  state.data->sample(real, state.random);
  const torch::Tensor z = torch::empty({group, state.config.latent.dim});
  sampleLatent(state.config.latent, z, state.random);
  {
    torch::NoGradGuard no_grad;  // G is a constant in D's update
    fake.copy_(state.generator->forward(z));
  }
  addInstanceNoise(hyper, step, samples, noise_, state.random);
  const torch::Tensor real_rows = encodeRows(state.input, real);
  const torch::Tensor fake_rows = encodeRows(state.input, fake);
  // Two passes: a BatchNorm in D never mixes real and fake statistics.
  const torch::Tensor real_logits = state.discriminator->forward(real_rows);
  const torch::Tensor fake_logits = state.discriminator->forward(fake_rows);
  const torch::Tensor logits = torch::cat({real_logits, fake_logits}).detach().contiguous();
  const torch::Tensor grad = torch::empty_like(logits);
  const std::span<const float> l = asSpan(logits);
  const double d_loss = discriminatorLossOf(state, l, asMutableSpan(grad));
  state.d_params->grads().zero_();
  backwardInto({real_logits, fake_logits}, {grad.narrow(0, 0, b), grad.narrow(0, b, b)},
               state.discriminator->parameters());
  finishDiscriminatorUpdate(state, real_rows.detach(), fake_rows.detach(), l, d_loss);
}

void AutogradEngine::generatorStep(GanState& state) {
  c10::InferenceMode autograd_on(false);
  const Hyperparams& hyper = state.config.hyper;
  const int64_t group = state.input.pack() * hyper.batch_size;
  const torch::Tensor z = torch::empty({group, state.config.latent.dim});
  sampleLatent(state.config.latent, z, state.random);
  torch::Tensor fake = state.generator->forward(z);
  // The noise goes onto a copy: G's last op (an image model's Tanh) keeps its output for
  // backward, which an in-place add would change.
  if (instanceNoiseStd(hyper, state.stats.step) > 0) fake = fake.clone();
  // D sees G(z) + noise; the noise is a constant, so the gradient passes through unchanged.
  addInstanceNoise(hyper, state.stats.step, fake, noise_, state.random);
  const torch::Tensor output = state.discriminator->forward(encodeRows(state.input, fake));
  const torch::Tensor logits = output.detach().contiguous();
  const torch::Tensor grad = torch::empty_like(logits);
  state.stats.g_loss =
      static_cast<float>(generatorLoss(hyper.loss, asSpan(logits), asMutableSpan(grad)));
  // Through D (whose weights keep their gradients) and G, into G's gradients only.
  state.g_params->grads().zero_();
  backwardInto({output}, {grad}, state.generator->parameters());
  state.g_opt->step(scheduled(hyper, hyper.g_opt, state.stats.step));
}

}  // namespace ganscope
