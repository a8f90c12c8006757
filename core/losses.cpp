// GAN losses on discriminator logits.
#include "core/losses.hpp"

#include <cmath>

namespace ganscope {

torch::Tensor discriminatorLoss(const torch::Tensor& logits, const torch::Tensor& labels) {
  // BCE's mean runs over both halves; the sum of the two per-half means is twice that.
  return torch::binary_cross_entropy_with_logits(logits, labels).mul(2.0);
}

torch::Tensor generatorLoss(LossKind kind, const torch::Tensor& fake_logits) {
  switch (kind) {
    case LossKind::Minimax: return torch::softplus(fake_logits).mean().neg();
    case LossKind::NonSaturating: return torch::softplus(fake_logits.neg()).mean();
  }
  throw std::logic_error("unknown LossKind");
}

double softplus(double x) { return x > 30 ? x : std::log1p(std::exp(x)); }

double sigmoid(double x) { return 1.0 / (1.0 + std::exp(-x)); }

}  // namespace ganscope
