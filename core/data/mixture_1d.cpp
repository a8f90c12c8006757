// Mixture1d: sampling and density of the 1-D data distributions.
#include "core/data/mixture_1d.hpp"

#include <algorithm>
#include <cmath>
#include <numbers>

namespace ganscope {

Mixture1d::Mixture1d(const DataConfig& config) : std_(config.std) {
  if (config.kind == DataKind::Gaussian) {
    means_ = {config.mean};
  } else {
    means_ = {config.mean - config.separation / 2.0, config.mean + config.separation / 2.0};
  }
}

void Mixture1d::sample(const torch::Tensor& out, at::Generator& generator) {
  if (means_.size() == 1) {
    out.normal_(means_[0], std_, generator);
    return;
  }
  // Two equal modes: N(0, std) shifted by +-separation/2 chosen by a fair coin.
  if (!mode_buffer_.defined() || mode_buffer_.sizes() != out.sizes()) {
    mode_buffer_ = torch::empty_like(out);
  }
  const double half = (means_[1] - means_[0]) / 2.0;
  const double centre = (means_[0] + means_[1]) / 2.0;
  out.normal_(centre, std_, generator);
  mode_buffer_.bernoulli_(0.5, generator);
  out.add_(mode_buffer_.mul_(2.0 * half).sub_(half));
}

double Mixture1d::density(double x) const {
  const double norm = 1.0 / (std_ * std::sqrt(2.0 * std::numbers::pi) * means_.size());
  double sum = 0;
  for (double mean : means_) {
    const double u = (x - mean) / std_;
    sum += std::exp(-0.5 * u * u);
  }
  return sum * norm;
}

std::pair<double, double> Mixture1d::support() const {
  const auto [lo, hi] = std::minmax_element(means_.begin(), means_.end());
  return {*lo - 4 * std_, *hi + 4 * std_};
}

}  // namespace ganscope
