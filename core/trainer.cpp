// Trainer: data sampling, the D and G updates, and the snapshot of the 1-D picture.
#include "core/trainer.hpp"

#include <ATen/CPUGeneratorImpl.h>

#include <algorithm>
#include <cmath>
#include <mutex>

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
      data_(config.data) {
  const int dims = data_.dim();
  {
    std::lock_guard lock(initMutex());
    torch::manual_seed(config.seed);
    generator_ = Mlp(MlpOptions::from(config.generator, latent_.dim, dims));
    discriminator_ = Mlp(MlpOptions::from(config.discriminator, dims, 1));
  }
  g_params_ = std::make_unique<FlatParameters>(*generator_);
  d_params_ = std::make_unique<FlatParameters>(*discriminator_);
  g_opt_ = std::make_unique<FlatOptimizer>(*g_params_);
  d_opt_ = std::make_unique<FlatOptimizer>(*d_params_);
  g_pass_ = std::make_unique<MlpPass>(generator_);
  d_pass_ = std::make_unique<MlpPass>(discriminator_);
  prepareSnapshotInputs();
  resizeBatch(hyper_.batch_size);
}

void Trainer::setHyperparams(const Hyperparams& hyper) {
  hyper_ = hyper;
  resizeBatch(hyper.batch_size);
}

void Trainer::resizeBatch(int batch_size) {
  if (z_.defined() && z_.size(0) == batch_size) return;
  z_ = torch::empty({batch_size, latent_.dim});
  d_input_ = torch::empty({2 * batch_size, data_.dim()});
  logit_grad_ = torch::empty({2 * batch_size, 1});
}

StepStats Trainer::step(StepTarget target) {
  // The passes and the optimiser write their results themselves: no autograd here at all.
  c10::InferenceMode inference;
  if (target != StepTarget::Generator) {
    const int updates = target == StepTarget::Both ? hyper_.d_steps : 1;
    for (int i = 0; i < updates; ++i) discriminatorStep();
  }
  if (target != StepTarget::Discriminator) generatorStep();
  ++stats_.step;
  return stats_;
}

void Trainer::discriminatorStep() {
  const int64_t b = z_.size(0);
  data_.sample(d_input_.narrow(0, 0, b), random_);
  sampleLatent(z_, random_);
  d_input_.narrow(0, b, b).copy_(g_pass_->forward(z_));
  addInstanceNoise(d_input_);
  const torch::Tensor& logits = d_pass_->forward(d_input_);
  const std::span<const float> l = asSpan(logits);
  const std::span<float> grad = asMutableSpan(logit_grad_);
  stats_.value = static_cast<float>(-discriminatorLoss(l, grad));  // V(D,G): plain labels
  stats_.d_loss = static_cast<float>(discriminatorLoss(l, grad, hyper_.real_label));
  d_pass_->backward(logit_grad_, /*weight_grads=*/true, /*input_grad=*/false);
  d_opt_->step(hyper_.d_opt);

  double real_mean = 0, fake_mean = 0;
  for (int64_t i = 0; i < b; ++i) {
    real_mean += sigmoid(l[i]);
    fake_mean += sigmoid(l[b + i]);
  }
  stats_.d_real_mean = static_cast<float>(real_mean / b);
  stats_.d_fake_mean = static_cast<float>(fake_mean / b);
}

void Trainer::generatorStep() {
  const int64_t b = z_.size(0);
  sampleLatent(z_, random_);
  torch::Tensor fake = g_pass_->forward(z_);
  if (instanceNoiseStd(hyper_, stats_.step) > 0) {
    // D sees G(z) + noise; the noise is constant, so dloss/dG(z) = dloss/d(its input).
    noisy_fake_.resize_as_(fake).copy_(fake);
    addInstanceNoise(noisy_fake_);
    fake = noisy_fake_;
  }
  const torch::Tensor& logits = d_pass_->forward(fake);
  const torch::Tensor grad = logit_grad_.narrow(0, 0, b);
  stats_.g_loss =
      static_cast<float>(generatorLoss(hyper_.loss, asSpan(logits), asMutableSpan(grad)));
  // Through D to its input (D's weights are not updated here), then through G to its weights.
  const torch::Tensor& grad_fake =
      d_pass_->backward(grad, /*weight_grads=*/false, /*input_grad=*/true);
  g_pass_->backward(grad_fake, /*weight_grads=*/true, /*input_grad=*/false);
  g_opt_->step(hyper_.g_opt);
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
