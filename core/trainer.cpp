// Trainer: data sampling and the D and G updates with every loss and remedy.
#include "core/trainer.hpp"

#include <ATen/CPUGeneratorImpl.h>

#include <algorithm>
#include <cmath>
#include <mutex>

#include "core/gradient_penalty.hpp"
#include "core/losses.hpp"
#include "core/tensor_span.hpp"

namespace ganscope {
namespace {

// Module initialisation draws from LibTorch's global generator; seeding it and building the
// networks must not interleave with another session doing the same.
std::mutex& initMutex() {
  static std::mutex mutex;
  return mutex;
}

}  // namespace

Trainer::Trainer(const TrainConfig& config)
    : hyper_(config.hyper),
      random_(at::make_generator<at::CPUGeneratorImpl>(config.seed)),
      snapshot_random_(at::make_generator<at::CPUGeneratorImpl>(config.seed)),
      seed_(config.seed),
      latent_(config.latent),
      data_(config.data),
      input_(data_.dim(), config.discriminator),
      scenario_(scenarioOf(config)) {
  {
    std::lock_guard lock(initMutex());
    torch::manual_seed(config.seed);
    generator_ = Mlp(MlpOptions::from(config.generator, latent_.dim, data_.dim()));
    discriminator_ = Mlp(MlpOptions::from(config.discriminator, input_.width(), 1));
  }
  g_params_ = std::make_unique<FlatParameters>(*generator_);
  d_params_ = std::make_unique<FlatParameters>(*discriminator_);
  g_opt_ = std::make_unique<FlatOptimizer>(*g_params_);
  d_opt_ = std::make_unique<FlatOptimizer>(*d_params_);
  g_pass_ = std::make_unique<MlpPass>(generator_);
  d_pass_ = std::make_unique<MlpPass>(discriminator_);
  prepareProbes();
  resizeBatch(hyper_.batch_size);
}

void Trainer::setHyperparams(const Hyperparams& hyper) {
  hyper_ = hyper;
  resizeBatch(hyper.batch_size);
}

void Trainer::resizeBatch(int batch_size) {
  if (logit_grad_.defined() && logit_grad_.size(0) == 2 * batch_size) return;
  const int64_t group = static_cast<int64_t>(input_.pack()) * batch_size;
  z_ = torch::empty({group, latent_.dim});
  samples_ = torch::empty({2 * group, data_.dim()});
  rows_ = input_.identity() ? samples_ : torch::empty({2 * batch_size, input_.width()});
  fake_rows_ = torch::empty({batch_size, input_.width()});
  fake_grad_ = torch::empty({group, data_.dim()});
  logit_grad_ = torch::empty({2 * batch_size, 1});
}

StepStats Trainer::step(StepTarget target) {
  // The passes and the optimiser write their results themselves: no autograd here at all.
  c10::InferenceMode inference;
  if (target != StepTarget::Generator) {
    const int updates = target == StepTarget::Both ? hyper_.d_steps : 1;
    for (int i = 0; i < updates; ++i) discriminatorStep();
  }
  if (target != StepTarget::Discriminator) {
    if (hyper_.unrolled_steps > 0) {
      unrolledGeneratorStep();
    } else {
      generatorStep();
    }
  }
  ++stats_.step;
  return stats_;
}

void Trainer::discriminatorStep() {
  const int64_t b = logit_grad_.size(0) / 2, group = z_.size(0);
  const torch::Tensor real = samples_.narrow(0, 0, group), fake = samples_.narrow(0, group, group);
  data_.sample(real, random_);
  sampleLatent(z_, random_);
  fake.copy_(g_pass_->forward(z_));
  addInstanceNoise(samples_);
  if (!input_.identity()) {
    input_.encode(real, rows_.narrow(0, 0, b));
    input_.encode(fake, rows_.narrow(0, b, b));
  }
  const torch::Tensor& logits = d_pass_->forward(rows_);
  const std::span<const float> l = asSpan(logits);
  const std::span<float> grad = asMutableSpan(logit_grad_);
  const LossKind loss = hyper_.loss;
  // The game's value uses plain labels; with smoothing D's own loss (and gradient) differ.
  double d_loss = discriminatorLoss(loss, l, grad);
  stats_.value = static_cast<float>(-d_loss);
  if (hyper_.real_label != 1.0f) d_loss = discriminatorLoss(loss, l, grad, hyper_.real_label);
  d_pass_->backward(logit_grad_, /*weight_grads=*/true, /*input_grad=*/false);
  if (loss == LossKind::WganGp && hyper_.gp_lambda > 0) {
    const torch::Tensor between =
        interpolate(rows_.narrow(0, 0, b), rows_.narrow(0, b, b), random_);
    d_loss += hyper_.gp_lambda * addGradientPenalty(discriminator_, between, 1.0, hyper_.gp_lambda);
  }
  if (hyper_.r1_gamma > 0) {
    const double weight = hyper_.r1_gamma / 2;
    d_loss += weight * addGradientPenalty(discriminator_, rows_.narrow(0, 0, b), 0.0, weight);
  }
  d_opt_->step(scheduled(hyper_.d_opt));
  if (loss == LossKind::WganClip) d_params_->values().clamp_(-hyper_.clip, hyper_.clip);
  stats_.d_loss = static_cast<float>(d_loss);

  double real_mean = 0, fake_mean = 0;
  for (int64_t i = 0; i < b; ++i) {
    real_mean += discriminatorOutput(loss, l[i]);
    fake_mean += discriminatorOutput(loss, l[b + i]);
  }
  stats_.d_real_mean = static_cast<float>(real_mean / b);
  stats_.d_fake_mean = static_cast<float>(fake_mean / b);
}

void Trainer::generatorStep() {
  const int64_t b = logit_grad_.size(0) / 2;
  sampleLatent(z_, random_);
  torch::Tensor fake = g_pass_->forward(z_);
  if (instanceNoiseStd(hyper_, stats_.step) > 0) {
    // D sees G(z) + noise; the noise is constant, so dloss/dG(z) = dloss/d(its input).
    noisy_fake_.resize_as_(fake).copy_(fake);
    addInstanceNoise(noisy_fake_);
    fake = noisy_fake_;
  }
  if (!input_.identity()) input_.encode(fake, fake_rows_);
  const torch::Tensor& logits = d_pass_->forward(input_.identity() ? fake : fake_rows_);
  const torch::Tensor grad = logit_grad_.narrow(0, 0, b);
  stats_.g_loss =
      static_cast<float>(generatorLoss(hyper_.loss, asSpan(logits), asMutableSpan(grad)));
  // Through D to its input (D's weights are not updated here), then through G to its weights.
  const torch::Tensor& grad_rows =
      d_pass_->backward(grad, /*weight_grads=*/false, /*input_grad=*/true);
  if (!input_.identity()) input_.backward(fake, grad_rows, fake_grad_);
  g_pass_->backward(input_.identity() ? grad_rows : fake_grad_, /*weight_grads=*/true,
                    /*input_grad=*/false);
  g_opt_->step(scheduled(hyper_.g_opt));
}

void Trainer::unrolledGeneratorStep() {
  const StepStats kept = stats_;
  d_opt_->save();
  for (int i = 0; i < hyper_.unrolled_steps; ++i) discriminatorStep();
  generatorStep();
  d_opt_->restore();
  const float g_loss = stats_.g_loss;
  stats_ = kept;
  stats_.g_loss = g_loss;
}

OptimizerConfig Trainer::scheduled(OptimizerConfig config) const {
  config.lr = static_cast<float>(config.lr * learningRateScale(hyper_, stats_.step));
  return config;
}

void Trainer::addInstanceNoise(torch::Tensor& inputs) {
  const double std = instanceNoiseStd(hyper_, stats_.step);
  if (std <= 0) return;
  noise_.resize_as_(inputs).normal_(0, std, random_);
  inputs.add_(noise_);
}

bool Trainer::weightsFinite() const {
  return g_params_->allFinite() && d_params_->allFinite();
}

void Trainer::sampleLatent(const torch::Tensor& z, at::Generator& generator) {
  if (latent_.kind == LatentKind::Uniform) {
    z.uniform_(0, 1, generator);
  } else {
    z.normal_(0, 1, generator);
  }
}

}  // namespace ganscope
