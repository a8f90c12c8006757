// FastEngine: D and G updates with every loss and remedy on the hand-written MLP and MLP GAN
// passes.
#include "core/engine/step/fast_engine.hpp"

#include "core/engine/step/discriminator_update.hpp"
#include "core/engine/step/step_helpers.hpp"
#include "core/losses/losses.hpp"
#include "core/models/mlp_gan_pass.hpp"
#include "core/models/mlp_pass.hpp"
#include "core/tensor_span.hpp"

#include <stdexcept>

namespace ganscope {
namespace {

/// The hand-written pass of `network`: MlpPass for the plain MLP, MlpGanPass (which throws for
/// other modules) for the rest.
std::unique_ptr<NetworkPass> passFor(const NetworkPtr& network) {
  if (auto mlp = std::dynamic_pointer_cast<MlpImpl>(network))
    return std::make_unique<MlpPass>(Mlp(mlp));
  return std::make_unique<MlpGanPass>(*network);
}

}  // namespace

FastEngine::FastEngine(GanState& state)
    : g_pass_(passFor(state.generator)), d_pass_(passFor(state.discriminator)) {}

void FastEngine::fitBatch(const GanState& state) {
  const int batch_size = state.config.hyper.batch_size;
  if (logit_grad_.defined() && logit_grad_.size(0) == 2 * batch_size) return;
  const int64_t group = static_cast<int64_t>(state.input.pack()) * batch_size;
  z_ = torch::empty({group, state.config.latent.dim});
  samples_ = torch::empty({2 * group, state.data->dim()});
  rows_ = state.input.identity() ? samples_ : torch::empty({2 * batch_size, state.input.width()});
  fake_rows_ = torch::empty({batch_size, state.input.width()});
  fake_grad_ = torch::empty({group, state.data->dim()});
  logit_grad_ = torch::empty({2 * batch_size, 1});
}

void FastEngine::discriminatorStep(GanState& state) {
  fitBatch(state);
  const Hyperparams& hyper = state.config.hyper;
  const int64_t b = logit_grad_.size(0) / 2, group = z_.size(0);
  const torch::Tensor real = samples_.narrow(0, 0, group), fake = samples_.narrow(0, group, group);
  state.data->sample(real, state.random);
  sampleLatent(state.config.latent, z_, state.random);
  fake.copy_(g_pass_->forward(z_));
  addInstanceNoise(hyper, state.stats.step, samples_, noise_, state.random);
  if (!state.input.identity()) {
    state.input.encode(real, rows_.narrow(0, 0, b));
    state.input.encode(fake, rows_.narrow(0, b, b));
  }
  const torch::Tensor& logits = d_pass_->forward(rows_);
  const std::span<const float> l = asSpan(logits);
  const double d_loss = discriminatorLossOf(state, l, asMutableSpan(logit_grad_));
  d_pass_->backward(logit_grad_, /*weight_grads=*/true, /*input_grad=*/false);
  finishDiscriminatorUpdate(state, rows_.narrow(0, 0, b), rows_.narrow(0, b, b), l, d_loss);
}

void FastEngine::generatorStep(GanState& state) {
  fitBatch(state);
  const Hyperparams& hyper = state.config.hyper;
  const int64_t b = logit_grad_.size(0) / 2;
  sampleLatent(state.config.latent, z_, state.random);
  torch::Tensor fake = g_pass_->forward(z_);
  if (instanceNoiseStd(hyper, state.stats.step) > 0) {
    // D sees G(z) + noise; the noise is constant, so dloss/dG(z) = dloss/d(its input).
    noisy_fake_.resize_as_(fake).copy_(fake);
    addInstanceNoise(hyper, state.stats.step, noisy_fake_, noise_, state.random);
    fake = noisy_fake_;
  }
  if (!state.input.identity()) state.input.encode(fake, fake_rows_);
  const torch::Tensor& logits = d_pass_->forward(state.input.identity() ? fake : fake_rows_);
  const torch::Tensor grad = logit_grad_.narrow(0, 0, b);
  state.stats.g_loss =
      static_cast<float>(generatorLoss(hyper.loss, asSpan(logits), asMutableSpan(grad)));
  // Through D to its input (D's weights are not updated here), then through G to its weights.
  const torch::Tensor& grad_rows =
      d_pass_->backward(grad, /*weight_grads=*/false, /*input_grad=*/true);
  if (!state.input.identity()) state.input.backward(fake, grad_rows, fake_grad_);
  g_pass_->backward(state.input.identity() ? grad_rows : fake_grad_, /*weight_grads=*/true,
                    /*input_grad=*/false);
  state.g_opt->step(scheduled(hyper, hyper.g_opt, state.stats.step));
}

}  // namespace ganscope
