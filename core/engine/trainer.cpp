// Trainer: data sampling and the D and G updates with every loss and remedy.
#include "core/engine/trainer.hpp"

#include <ATen/CPUGeneratorImpl.h>

#include <algorithm>
#include <cmath>

#include "core/engine/step/step_helpers.hpp"
#include "core/losses/gradient_penalty.hpp"
#include "core/losses/losses.hpp"
#include "core/tensor_span.hpp"

namespace ganscope {

Trainer::Trainer(const TrainConfig& config) : Trainer(GanState(config)) {}

Trainer::Trainer(GanState state)
    : state_(std::move(state)),
      frame_random_(at::make_generator<at::CPUGeneratorImpl>(state_.config.seed)),
      scenario_(scenarioOf(state_.config)) {
  g_pass_ = std::make_unique<MlpPass>(state_.generator);
  d_pass_ = std::make_unique<MlpPass>(state_.discriminator);
  prepareProbes();
  resizeBatch(state_.config.hyper.batch_size);
}

void Trainer::setHyperparams(const Hyperparams& hyper) {
  state_.config.hyper = hyper;
  resizeBatch(hyper.batch_size);
}

void Trainer::resizeBatch(int batch_size) {
  if (logit_grad_.defined() && logit_grad_.size(0) == 2 * batch_size) return;
  const int64_t group = static_cast<int64_t>(state_.input.pack()) * batch_size;
  z_ = torch::empty({group, state_.config.latent.dim});
  samples_ = torch::empty({2 * group, state_.data.dim()});
  rows_ = state_.input.identity() ? samples_ : torch::empty({2 * batch_size, state_.input.width()});
  fake_rows_ = torch::empty({batch_size, state_.input.width()});
  fake_grad_ = torch::empty({group, state_.data.dim()});
  logit_grad_ = torch::empty({2 * batch_size, 1});
}

StepStats Trainer::step(StepTarget target) {
  // The passes and the optimiser write their results themselves: no autograd here at all.
  c10::InferenceMode inference;
  if (target != StepTarget::Generator) {
    const int updates = target == StepTarget::Both ? state_.config.hyper.d_steps : 1;
    for (int i = 0; i < updates; ++i) discriminatorStep();
  }
  if (target != StepTarget::Discriminator) {
    if (state_.config.hyper.unrolled_steps > 0) {
      unrolledGeneratorStep();
    } else {
      generatorStep();
    }
  }
  ++state_.stats.step;
  return state_.stats;
}

void Trainer::discriminatorStep() {
  const Hyperparams& hyper = state_.config.hyper;
  const int64_t b = logit_grad_.size(0) / 2, group = z_.size(0);
  const torch::Tensor real = samples_.narrow(0, 0, group), fake = samples_.narrow(0, group, group);
  state_.data.sample(real, state_.random);
  sampleLatent(state_.config.latent, z_, state_.random);
  fake.copy_(g_pass_->forward(z_));
  addInstanceNoise(hyper, state_.stats.step, samples_, noise_, state_.random);
  if (!state_.input.identity()) {
    state_.input.encode(real, rows_.narrow(0, 0, b));
    state_.input.encode(fake, rows_.narrow(0, b, b));
  }
  const torch::Tensor& logits = d_pass_->forward(rows_);
  const std::span<const float> l = asSpan(logits);
  const std::span<float> grad = asMutableSpan(logit_grad_);
  const LossKind loss = hyper.loss;
  // The game's value uses plain labels; with smoothing D's own loss (and gradient) differ.
  double d_loss = discriminatorLoss(loss, l, grad);
  state_.stats.value = static_cast<float>(-d_loss);
  if (hyper.real_label != 1.0f) d_loss = discriminatorLoss(loss, l, grad, hyper.real_label);
  d_pass_->backward(logit_grad_, /*weight_grads=*/true, /*input_grad=*/false);
  if (loss == LossKind::WganGp && hyper.gp_lambda > 0) {
    const torch::Tensor between =
        interpolate(rows_.narrow(0, 0, b), rows_.narrow(0, b, b), state_.random);
    d_loss +=
        hyper.gp_lambda * addGradientPenalty(state_.discriminator, between, 1.0, hyper.gp_lambda);
  }
  if (hyper.r1_gamma > 0) {
    const double weight = hyper.r1_gamma / 2;
    d_loss += weight * addGradientPenalty(state_.discriminator, rows_.narrow(0, 0, b), 0.0, weight);
  }
  state_.d_opt->step(scheduled(hyper, hyper.d_opt, state_.stats.step));
  if (loss == LossKind::WganClip) state_.d_params->values().clamp_(-hyper.clip, hyper.clip);
  state_.stats.d_loss = static_cast<float>(d_loss);

  double real_mean = 0, fake_mean = 0;
  for (int64_t i = 0; i < b; ++i) {
    real_mean += discriminatorOutput(loss, l[i]);
    fake_mean += discriminatorOutput(loss, l[b + i]);
  }
  state_.stats.d_real_mean = static_cast<float>(real_mean / b);
  state_.stats.d_fake_mean = static_cast<float>(fake_mean / b);
}

void Trainer::generatorStep() {
  const Hyperparams& hyper = state_.config.hyper;
  const int64_t b = logit_grad_.size(0) / 2;
  sampleLatent(state_.config.latent, z_, state_.random);
  torch::Tensor fake = g_pass_->forward(z_);
  if (instanceNoiseStd(hyper, state_.stats.step) > 0) {
    // D sees G(z) + noise; the noise is constant, so dloss/dG(z) = dloss/d(its input).
    noisy_fake_.resize_as_(fake).copy_(fake);
    addInstanceNoise(hyper, state_.stats.step, noisy_fake_, noise_, state_.random);
    fake = noisy_fake_;
  }
  if (!state_.input.identity()) state_.input.encode(fake, fake_rows_);
  const torch::Tensor& logits = d_pass_->forward(state_.input.identity() ? fake : fake_rows_);
  const torch::Tensor grad = logit_grad_.narrow(0, 0, b);
  state_.stats.g_loss =
      static_cast<float>(generatorLoss(hyper.loss, asSpan(logits), asMutableSpan(grad)));
  // Through D to its input (D's weights are not updated here), then through G to its weights.
  const torch::Tensor& grad_rows =
      d_pass_->backward(grad, /*weight_grads=*/false, /*input_grad=*/true);
  if (!state_.input.identity()) state_.input.backward(fake, grad_rows, fake_grad_);
  g_pass_->backward(state_.input.identity() ? grad_rows : fake_grad_, /*weight_grads=*/true,
                    /*input_grad=*/false);
  state_.g_opt->step(scheduled(hyper, hyper.g_opt, state_.stats.step));
}

void Trainer::unrolledGeneratorStep() {
  const StepStats kept = state_.stats;
  state_.d_opt->save();
  for (int i = 0; i < state_.config.hyper.unrolled_steps; ++i) discriminatorStep();
  generatorStep();
  state_.d_opt->restore();
  const float g_loss = state_.stats.g_loss;
  state_.stats = kept;
  state_.stats.g_loss = g_loss;
}

bool Trainer::weightsFinite() const {
  return state_.g_params->allFinite() && state_.d_params->allFinite();
}

}  // namespace ganscope
