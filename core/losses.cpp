// GAN losses and their gradients on discriminator logits.
#include "core/losses.hpp"

#include <cmath>

namespace ganscope {

double softplus(double x) {
  return x > 30 ? x : std::log1p(std::exp(x));
}

double sigmoid(double x) {
  return 1.0 / (1.0 + std::exp(-x));
}

double discriminatorLoss(std::span<const float> logits, std::span<float> grad, double real_label) {
  const size_t half = logits.size() / 2;
  const double scale = 1.0 / half;  // each half's mean
  double loss = 0;
  for (size_t i = 0; i < half; ++i) {
    const double real = logits[i], fake = logits[half + i];
    loss += real_label * softplus(-real) + (1.0 - real_label) * softplus(real) + softplus(fake);
    grad[i] = static_cast<float>((sigmoid(real) - real_label) * scale);
    grad[half + i] = static_cast<float>(sigmoid(fake) * scale);
  }
  return loss * scale;
}

double generatorLoss(LossKind kind, std::span<const float> logits, std::span<float> grad) {
  const double scale = 1.0 / logits.size();
  double loss = 0;
  for (size_t i = 0; i < logits.size(); ++i) {
    const double l = logits[i];
    if (kind == LossKind::NonSaturating) {
      loss += softplus(-l);
      grad[i] = static_cast<float>((sigmoid(l) - 1.0) * scale);
    } else {
      loss -= softplus(l);
      grad[i] = static_cast<float>(-sigmoid(l) * scale);
    }
  }
  return loss * scale;
}

}  // namespace ganscope
