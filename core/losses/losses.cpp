// GAN losses and their gradients on D's raw outputs.
#include "core/losses/losses.hpp"

#include <cmath>

namespace ganscope {

double softplus(double x) {
  return x > 30 ? x : std::log1p(std::exp(x));
}

double sigmoid(double x) {
  return 1.0 / (1.0 + std::exp(-x));
}

double discriminatorOutput(LossKind kind, double logit) {
  return outputIsProbability(kind) ? sigmoid(logit) : logit;
}

namespace {

/// One real/fake pair's share of D's loss, and dloss/dl for each (before the 1/half scale).
struct PairLoss {
  double loss, real_grad, fake_grad;
};

PairLoss pairLoss(LossKind kind, double real, double fake, double t) {
  switch (kind) {
    case LossKind::Minimax:
    case LossKind::NonSaturating:
      return {t * softplus(-real) + (1.0 - t) * softplus(real) + softplus(fake), sigmoid(real) - t,
              sigmoid(fake)};
    case LossKind::WganClip:
    case LossKind::WganGp:
      return {fake - real, -1.0, 1.0};
    case LossKind::LeastSquares:
      return {0.5 * ((real - t) * (real - t) + fake * fake), real - t, fake};
    case LossKind::Hinge:
      return {std::max(0.0, 1.0 - real) + std::max(0.0, 1.0 + fake), real < 1 ? -1.0 : 0.0,
              fake > -1 ? 1.0 : 0.0};
  }
  return {0, 0, 0};
}

/// G's loss on one fake output and its derivative.
std::pair<double, double> fakeLoss(LossKind kind, double l) {
  switch (kind) {
    case LossKind::Minimax:
      return {-softplus(l), -sigmoid(l)};
    case LossKind::NonSaturating:
      return {softplus(-l), sigmoid(l) - 1.0};
    case LossKind::WganClip:
    case LossKind::WganGp:
    case LossKind::Hinge:
      return {-l, -1.0};
    case LossKind::LeastSquares:
      return {0.5 * (l - 1) * (l - 1), l - 1};
  }
  return {0, 0};
}

}  // namespace

double discriminatorLoss(LossKind kind, std::span<const float> logits, std::span<float> grad,
                         double real_label) {
  const size_t half = logits.size() / 2;
  const double scale = 1.0 / half;  // each half's mean
  double loss = 0;
  for (size_t i = 0; i < half; ++i) {
    const PairLoss pair = pairLoss(kind, logits[i], logits[half + i], real_label);
    loss += pair.loss;
    grad[i] = static_cast<float>(pair.real_grad * scale);
    grad[half + i] = static_cast<float>(pair.fake_grad * scale);
  }
  return loss * scale;
}

double generatorLoss(LossKind kind, std::span<const float> logits, std::span<float> grad) {
  const double scale = 1.0 / logits.size();
  double loss = 0;
  for (size_t i = 0; i < logits.size(); ++i) {
    const auto [value, derivative] = fakeLoss(kind, logits[i]);
    loss += value;
    grad[i] = static_cast<float>(derivative * scale);
  }
  return loss * scale;
}

}  // namespace ganscope
