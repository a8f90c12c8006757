// D's loss, penalties, optimiser step and statistics, shared by the step engines.
#include "core/engine/step/discriminator_update.hpp"

#include "core/engine/step/step_helpers.hpp"
#include "core/losses/gradient_penalty.hpp"
#include "core/losses/losses.hpp"

namespace ganscope {

double discriminatorLossOf(GanState& state, std::span<const float> logits, std::span<float> grad) {
  const Hyperparams& hyper = state.config.hyper;
  // The game's value uses plain labels; with smoothing D's own loss (and gradient) differ.
  const double plain = discriminatorLoss(hyper.loss, logits, grad);
  state.stats.value = static_cast<float>(-plain);
  if (hyper.real_label == 1.0f) return plain;
  return discriminatorLoss(hyper.loss, logits, grad, hyper.real_label);
}

void finishDiscriminatorUpdate(GanState& state, const torch::Tensor& real_rows,
                               const torch::Tensor& fake_rows, std::span<const float> logits,
                               double d_loss) {
  const Hyperparams& hyper = state.config.hyper;
  const LossKind loss = hyper.loss;
  if (loss == LossKind::WganGp && hyper.gp_lambda > 0) {
    const torch::Tensor between = interpolate(real_rows, fake_rows, state.random);
    d_loss +=
        hyper.gp_lambda * addGradientPenalty(*state.discriminator, between, 1.0, hyper.gp_lambda);
  }
  if (hyper.r1_gamma > 0) {
    const double weight = hyper.r1_gamma / 2;
    d_loss += weight * addGradientPenalty(*state.discriminator, real_rows, 0.0, weight);
  }
  state.d_opt->step(scheduled(hyper, hyper.d_opt, state.stats.step));
  if (loss == LossKind::WganClip) {
    torch::NoGradGuard no_grad;  // the flat values are the parameters themselves
    state.d_params->values().clamp_(-hyper.clip, hyper.clip);
  }
  state.stats.d_loss = static_cast<float>(d_loss);

  const size_t b = logits.size() / 2;
  double real_mean = 0, fake_mean = 0;
  for (size_t i = 0; i < b; ++i) {
    real_mean += discriminatorOutput(loss, logits[i]);
    fake_mean += discriminatorOutput(loss, logits[b + i]);
  }
  state.stats.d_real_mean = static_cast<float>(real_mean / b);
  state.stats.d_fake_mean = static_cast<float>(fake_mean / b);
}

}  // namespace ganscope
