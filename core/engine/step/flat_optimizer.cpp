// FlatParameters and FlatOptimizer: one buffer per network, a few ops per update.
#include "core/engine/step/flat_optimizer.hpp"

#include <cmath>

namespace ganscope {

FlatParameters::FlatParameters(torch::nn::Module& module) : params_(module.parameters()) {
  int64_t total = 0;
  for (const torch::Tensor& p : params_) total += p.numel();
  values_ = torch::empty({total});
  grads_ = torch::zeros({total});
  torch::NoGradGuard no_grad;
  int64_t offset = 0;
  for (torch::Tensor& p : params_) {
    const int64_t n = p.numel();
    torch::Tensor value = values_.narrow(0, offset, n).view(p.sizes());
    value.copy_(p);
    p.set_data(value);
    p.mutable_grad() = grads_.narrow(0, offset, n).view(p.sizes());
    offset += n;
  }
}

double FlatParameters::gradNorm() const {
  return grads_.norm().item<double>();
}

double FlatParameters::maxAbsValue() const {
  // max() propagates NaN, so a NaN weight reads as NaN, never as a small value.
  return values_.abs().max().item<double>();
}

FlatOptimizer::FlatOptimizer(FlatParameters& params) : params_(params) {
  first_moment_ = torch::zeros_like(params.values());
  second_moment_ = torch::zeros_like(params.values());
  scratch_ = torch::empty_like(params.values());
}

void FlatOptimizer::save() {
  if (!saved_.values.defined()) {
    saved_.values = torch::empty_like(params_.values());
    saved_.first_moment = torch::empty_like(first_moment_);
    saved_.second_moment = torch::empty_like(second_moment_);
  }
  torch::NoGradGuard no_grad;
  saved_.values.copy_(params_.values());
  saved_.first_moment.copy_(first_moment_);
  saved_.second_moment.copy_(second_moment_);
  saved_.state_kind = state_kind_;
  saved_.adam_steps = adam_steps_;
}

void FlatOptimizer::restore() {
  torch::NoGradGuard no_grad;
  params_.values().copy_(saved_.values);
  first_moment_.copy_(saved_.first_moment);
  second_moment_.copy_(saved_.second_moment);
  state_kind_ = saved_.state_kind;
  adam_steps_ = saved_.adam_steps;
}

FlatOptimizerState FlatOptimizer::state() const {
  return {state_kind_, adam_steps_, first_moment_.clone(), second_moment_.clone()};
}

void FlatOptimizer::setState(const FlatOptimizerState& state) {
  const int64_t size = params_.values().numel();
  for (const auto& [name, moment] : {std::pair{"first moment", &state.first_moment},
                                     std::pair{"second moment", &state.second_moment}}) {
    if (!moment->defined() || moment->dim() != 1 || moment->numel() != size ||
        moment->scalar_type() != first_moment_.scalar_type()) {
      throw std::invalid_argument(std::string("optimizer ") + name + ": expected " +
                                  std::to_string(size) + " float values, got " +
                                  (moment->defined() ? std::to_string(moment->numel()) : "none"));
    }
  }
  if (state.adam_steps < 0) {
    throw std::invalid_argument("optimizer step count " + std::to_string(state.adam_steps) +
                                " is negative");
  }
  torch::NoGradGuard no_grad;
  first_moment_.copy_(state.first_moment);
  second_moment_.copy_(state.second_moment);
  state_kind_ = state.kind;
  adam_steps_ = state.adam_steps;
}

void FlatOptimizer::step(const OptimizerConfig& config) {
  torch::NoGradGuard no_grad;
  if (config.kind != state_kind_) {
    first_moment_.zero_();
    second_moment_.zero_();
    adam_steps_ = 0;
    state_kind_ = config.kind;
  }
  torch::Tensor& values = params_.values();
  const torch::Tensor& grads = params_.grads();
  if (config.kind == OptimizerKind::Sgd) {
    first_moment_.mul_(config.momentum).add_(grads);
    values.add_(first_moment_, -config.lr);
    return;
  }
  if (config.kind == OptimizerKind::RmsProp) {
    second_moment_.mul_(config.alpha).addcmul_(grads, grads, 1.0 - config.alpha);
    torch::sqrt_out(scratch_, second_moment_).add_(1e-8);
    values.addcdiv_(grads, scratch_, -config.lr);
    return;
  }
  ++adam_steps_;
  const double b1 = config.beta1, b2 = config.beta2;
  const double bias1 = 1.0 - std::pow(b1, static_cast<double>(adam_steps_));
  const double bias2 = 1.0 - std::pow(b2, static_cast<double>(adam_steps_));
  first_moment_.mul_(b1).add_(grads, 1.0 - b1);
  second_moment_.mul_(b2).addcmul_(grads, grads, 1.0 - b2);
  torch::sqrt_out(scratch_, second_moment_).div_(std::sqrt(bias2)).add_(1e-8);
  values.addcdiv_(first_moment_, scratch_, -config.lr / bias1);
}

}  // namespace ganscope
