// Latent search: every start a row of one batch, Adam on the rows (each row's loss depends on
// its own z only, and Adam is elementwise, so the rows are independent searches), the best row
// reported.
#include "core/latent/latent_search.hpp"

#include <ATen/CPUGeneratorImpl.h>

#include <cmath>
#include <stdexcept>

#include "core/api/latent.hpp"
#include "core/engine/step/step_helpers.hpp"
#include "core/tensor_span.hpp"

namespace ganscope {
namespace {

/// G in eval mode with its parameters' requires_grad off while it lives; both restored after.
class FrozenGenerator {
 public:
  explicit FrozenGenerator(Network& generator)
      : generator_(generator), was_training_(generator.is_training()) {
    for (torch::Tensor& p : generator_.parameters()) {
      requires_grad_.push_back(p.requires_grad());
      p.requires_grad_(false);
    }
    generator_.eval();
  }
  ~FrozenGenerator() {
    auto params = generator_.parameters();
    for (size_t i = 0; i < params.size(); ++i) params[i].requires_grad_(requires_grad_[i]);
    generator_.train(was_training_);
  }
  FrozenGenerator(const FrozenGenerator&) = delete;
  FrozenGenerator& operator=(const FrozenGenerator&) = delete;

 private:
  Network& generator_;
  bool was_training_;
  std::vector<bool> requires_grad_;
};

std::string number(double value) {
  std::string text = std::to_string(value);
  while (text.size() > 1 && text.back() == '0') text.pop_back();
  if (!text.empty() && text.back() == '.') text.pop_back();
  return text;
}

}  // namespace

std::string latentSearchError(const LatentSearchOptions& options, const float* target_values,
                              size_t target_size, int data_dim) {
  if (options.iterations < 1 || options.iterations > kMaxSearchIterations) {
    return "find z: iterations " + std::to_string(options.iterations) + "; give 1 to " +
           std::to_string(kMaxSearchIterations);
  }
  if (options.restarts < 1 || options.restarts > kMaxSearchRestarts) {
    return "find z: restarts " + std::to_string(options.restarts) + "; give 1 to " +
           std::to_string(kMaxSearchRestarts);
  }
  if (!(options.learning_rate > 0) || !std::isfinite(options.learning_rate)) {
    return "find z: learning rate " + number(options.learning_rate) +
           "; give a finite number above 0";
  }
  if (!(options.norm_weight >= 0 && options.norm_weight <= kMaxSearchNormWeight)) {
    return "find z: norm weight " + number(options.norm_weight) + "; give 0 to " +
           number(kMaxSearchNormWeight);
  }
  if (options.report_every < 0) {
    return "find z: report every " + std::to_string(options.report_every) +
           " iterations; give 0 (no progress) or more";
  }
  if (target_size != static_cast<size_t>(data_dim)) {
    return "find z: target has " + std::to_string(target_size) + " values; this G draws " +
           std::to_string(data_dim);
  }
  for (size_t i = 0; i < target_size; ++i) {
    const float v = target_values[i];
    if (!(v >= -1 && v <= 1)) {
      return "find z: target value " + std::to_string(i) + " is " + number(v) +
             "; give values in [-1, 1] (pixels as the data has them)";
    }
  }
  return "";
}

std::optional<LatentSearchReport> searchLatent(
    Network& generator, const LatentConfig& latent, const torch::Tensor& target,
    const LatentSearchOptions& options,
    const std::function<void(const LatentSearchReport&)>& progress,
    const std::function<bool()>& stopped) {
  const torch::Tensor goal = target.detach().to(torch::kFloat).reshape({1, -1}).contiguous();
  c10::InferenceMode not_inference(false);  // z needs autograd, whatever the caller's mode
  torch::AutoGradMode grad(true);
  FrozenGenerator frozen(generator);
  // The data's dims: what G draws for one latent.
  const int data_dim = [&] {
    torch::NoGradGuard no_grad;
    return static_cast<int>(generator.forward(torch::zeros({1, latent.dim})).size(1));
  }();
  if (const std::string error =
          latentSearchError(options, goal.data_ptr<float>(), size_t(goal.numel()), data_dim);
      !error.empty()) {
    throw std::invalid_argument(error);
  }
  const int rows = options.restarts;
  const double typical = typicalNorm(latent);
  const float centre = priorCentre(latent.kind);
  at::Generator random = at::make_generator<at::CPUGeneratorImpl>(options.seed);
  torch::Tensor z = torch::empty({rows, latent.dim});
  sampleLatent(latent, z, random);
  z.requires_grad_(true);
  torch::optim::Adam adam({z}, torch::optim::AdamOptions(options.learning_rate));

  LatentSearchReport report;
  report.typical = static_cast<float>(typical);
  report.l1_curve.reserve(static_cast<size_t>(options.iterations));
  // The objective per row: mean |G(z) - target| plus the norm penalty; also the rows' L1.
  const auto objective = [&](const torch::Tensor& latents, torch::Tensor& sample,
                             torch::Tensor& l1) {
    sample = generator.forward(latents);
    l1 = (sample - goal).abs().mean(1);
    const torch::Tensor norm = (latents - centre).norm(2, 1);
    return l1 + options.norm_weight * ((norm - typical) / typical).square();
  };
  const auto fill = [&](const torch::Tensor& latents, const torch::Tensor& sample,
                        const torch::Tensor& l1, const torch::Tensor& total, int iteration) {
    const int64_t best = total.argmin().item<int64_t>();
    const torch::Tensor best_z = latents[best].contiguous();
    const torch::Tensor best_sample = sample[best].contiguous();
    report.iteration = iteration;
    report.z.assign(asSpan(best_z).begin(), asSpan(best_z).end());
    report.sample.assign(asSpan(best_sample).begin(), asSpan(best_sample).end());
    report.l1 = l1[best].item<float>();
    report.norm = static_cast<float>(normFromCentre(latent, report.z));
  };
  for (int i = 0; i < options.iterations; ++i) {
    if (stopped && stopped()) return std::nullopt;
    torch::Tensor sample, l1;
    const torch::Tensor total = objective(z, sample, l1);
    adam.zero_grad();
    total.sum().backward();
    {
      torch::NoGradGuard no_grad;
      report.l1_curve.push_back(l1.detach().min().item<float>());
      if (progress && options.report_every > 0 && i > 0 && i % options.report_every == 0) {
        fill(z.detach(), sample.detach(), l1.detach(), total.detach(), i);
        progress(report);
      }
    }
    adam.step();
    if (latent.kind == LatentKind::Uniform) {
      torch::NoGradGuard no_grad;
      z.clamp_(0, 1);  // the prior's support: G never saw z outside it
    }
  }
  torch::NoGradGuard no_grad;
  torch::Tensor sample, l1;
  const torch::Tensor latents = z.detach();
  const torch::Tensor total = objective(latents, sample, l1);
  fill(latents, sample, l1, total, options.iterations);
  report.done = true;
  return report;
}

}  // namespace ganscope
