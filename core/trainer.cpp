// Trainer: data sampling, the D and G updates, and the snapshot of the 1-D picture.
#include "core/trainer.hpp"

#include <ATen/CPUGeneratorImpl.h>

#include <algorithm>
#include <cmath>
#include <mutex>

#include "core/losses.hpp"
#include "core/metrics/density.hpp"

namespace ganscope {
namespace {

constexpr int kSnapshotSamples = 1024;  // G samples behind p_g and the histograms

// Module initialisation draws from LibTorch's global generator; seeding it and building the
// networks must not interleave with another session doing the same.
std::mutex& initMutex() {
  static std::mutex mutex;
  return mutex;
}

std::span<const float> asSpan(const torch::Tensor& t) {
  return {t.data_ptr<float>(), static_cast<size_t>(t.numel())};
}

std::span<float> asMutableSpan(const torch::Tensor& t) {
  return {t.data_ptr<float>(), static_cast<size_t>(t.numel())};
}

}  // namespace

Trainer::Trainer(const TrainConfig& config)
    : hyper_(config.hyper),
      random_(at::make_generator<at::CPUGeneratorImpl>(config.seed)),
      snapshot_random_(at::make_generator<at::CPUGeneratorImpl>(config.seed)),
      seed_(config.seed),
      data_(config.data) {
  {
    std::lock_guard lock(initMutex());
    torch::manual_seed(config.seed);
    generator_ = Mlp(MlpOptions::from(config.generator, 1, 1));
    discriminator_ = Mlp(MlpOptions::from(config.discriminator, 1, 1));
  }
  g_params_ = std::make_unique<FlatParameters>(*generator_);
  d_params_ = std::make_unique<FlatParameters>(*discriminator_);
  g_opt_ = std::make_unique<FlatOptimizer>(*g_params_);
  d_opt_ = std::make_unique<FlatOptimizer>(*d_params_);
  g_pass_ = std::make_unique<MlpPass>(generator_);
  d_pass_ = std::make_unique<MlpPass>(discriminator_);
  snapshot_z_ =
      (torch::arange(kSnapshotSamples, torch::kFloat) + 0.5).div_(kSnapshotSamples).unsqueeze(1);
  mapping_z_ = torch::linspace(0, 1, kMapLines).unsqueeze(1);
  snapshot_real_ = torch::empty({kSnapshotSamples, 1});
  resizeBatch(hyper_.batch_size);
}

void Trainer::setHyperparams(const Hyperparams& hyper) {
  hyper_ = hyper;
  resizeBatch(hyper.batch_size);
}

void Trainer::resizeBatch(int batch_size) {
  if (z_.defined() && z_.size(0) == batch_size) return;
  z_ = torch::empty({batch_size, 1});
  d_input_ = torch::empty({2 * batch_size, 1});
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
  z_.uniform_(0, 1, random_);
  d_input_.narrow(0, b, b).copy_(g_pass_->forward(z_));
  const torch::Tensor& logits = d_pass_->forward(d_input_);
  const std::span<const float> l = asSpan(logits);
  stats_.d_loss = static_cast<float>(discriminatorLoss(l, asMutableSpan(logit_grad_)));
  stats_.value = -stats_.d_loss;
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
  z_.uniform_(0, 1, random_);
  const torch::Tensor& logits = d_pass_->forward(g_pass_->forward(z_));
  const torch::Tensor grad = logit_grad_.narrow(0, 0, b);
  stats_.g_loss =
      static_cast<float>(generatorLoss(hyper_.loss, asSpan(logits), asMutableSpan(grad)));
  // Through D to its input (D's weights are not updated here), then through G to its weights.
  const torch::Tensor& grad_fake =
      d_pass_->backward(grad, /*weight_grads=*/false, /*input_grad=*/true);
  g_pass_->backward(grad_fake, /*weight_grads=*/true, /*input_grad=*/false);
  g_opt_->step(hyper_.g_opt);
}

bool Trainer::weightsFinite() const {
  return g_params_->allFinite() && d_params_->allFinite();
}

void Trainer::fillSnapshot(Snapshot& out) {
  c10::InferenceMode inference;
  out.step = stats_.step;
  const torch::Tensor fake = generator_->forward(snapshot_z_).contiguous();
  const torch::Tensor mapped = generator_->forward(mapping_z_).contiguous();
  const std::span<const float> fake_values = asSpan(fake);

  // View range: the data's support widened to the G samples shown, padded by 5%, but at most
  // ten data widths either side (samples beyond count as missing mass in the JSD).
  auto [lo, hi] = data_.support();
  const auto [fake_lo, fake_hi] = std::minmax_element(fake_values.begin(), fake_values.end());
  const std::span<const float> mapped_values = asSpan(mapped);
  const auto [map_lo, map_hi] = std::minmax_element(mapped_values.begin(), mapped_values.end());
  const double width = hi - lo;
  lo = std::max(lo - 10 * width, std::min<double>({lo, *fake_lo, *map_lo}));
  hi = std::min(hi + 10 * width, std::max<double>({hi, *fake_hi, *map_hi}));
  const double pad = 0.05 * (hi - lo);
  if (std::isfinite(lo) && std::isfinite(hi)) {
    lo -= pad;
    hi += pad;
  } else {
    std::tie(lo, hi) = data_.support();
  }
  out.x_min = static_cast<float>(lo);
  out.x_max = static_cast<float>(hi);

  const torch::Tensor grid = torch::linspace(lo, hi, kCurvePoints).unsqueeze(1);
  const torch::Tensor d_grid = discriminator_->forward(grid).sigmoid_().contiguous();
  std::copy_n(d_grid.data_ptr<float>(), kCurvePoints, out.d);
  const float* x = grid.data_ptr<float>();
  for (int i = 0; i < kCurvePoints; ++i) out.p_data[i] = static_cast<float>(data_.density(x[i]));
  kernelDensity(fake_values, lo, hi, silvermanBandwidth(fake_values), out.p_g);
  optimalDiscriminator(out.p_data, out.p_g, out.d_star);
  out.js = static_cast<float>(jensenShannon(out.p_data, out.p_g, (hi - lo) / (kCurvePoints - 1)));

  std::copy_n(mapping_z_.data_ptr<float>(), kMapLines, out.z);
  std::copy_n(mapped.data_ptr<float>(), kMapLines, out.g_of_z);

  // Reseeded per step: a snapshot is a function of (seed, step), however often snapshots come.
  snapshot_random_.set_current_seed(seed_ + 0x9E3779B97F4A7C15ull * (stats_.step + 1));
  data_.sample(snapshot_real_, snapshot_random_);
  const torch::Tensor logits = discriminator_->forward(torch::cat({snapshot_real_, fake}));
  const std::span<const float> l = asSpan(logits);
  std::vector<float> d(l.size());  // D's outputs, then reused for the (unneeded) gradient
  for (size_t i = 0; i < l.size(); ++i) d[i] = static_cast<float>(sigmoid(l[i]));
  const std::span<const float> outputs(d);
  histogram(outputs.first(kSnapshotSamples), 0, 1, out.hist_real);
  histogram(outputs.last(kSnapshotSamples), 0, 1, out.hist_fake);
  out.value = static_cast<float>(-discriminatorLoss(l, d));  // V(D,G) = -(D's loss)
}

}  // namespace ganscope
