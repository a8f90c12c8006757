// GaussianMixture: centres for each data kind, sampling and the 1-D density.
#include "core/data/gaussian_mixture.hpp"

#include <algorithm>
#include <cmath>
#include <numbers>

namespace ganscope {
namespace {

constexpr int kShapeCentres = 256;  // centres along a line, the moons or the spiral

/// Appends the points curve(t) for `count` values of t evenly spaced over [t0, t1].
template <class Curve>
void addCurve(std::vector<float>& centres, double t0, double t1, int count, Curve curve) {
  for (int i = 0; i < count; ++i) {
    const auto [x, y] = curve(t0 + (t1 - t0) * i / (count - 1));
    centres.push_back(static_cast<float>(x));
    centres.push_back(static_cast<float>(y));
  }
}

}  // namespace

GaussianMixture::GaussianMixture(const DataConfig& config)
    : dim_(dataDimension(config.kind)),
      std_(config.std),
      has_modes_(ganscope::hasModes(config.kind)) {
  const double r = config.radius, pi = std::numbers::pi;
  switch (config.kind) {
    case DataKind::Gaussian:
      centres_ = {config.mean};
      break;
    case DataKind::Bimodal:
      centres_ = {config.mean - config.separation / 2, config.mean + config.separation / 2};
      break;
    case DataKind::Ring:
      for (int i = 0; i < config.modes; ++i) {
        const double angle = 2 * std::numbers::pi * i / config.modes;
        centres_.push_back(static_cast<float>(config.radius * std::cos(angle)));
        centres_.push_back(static_cast<float>(config.radius * std::sin(angle)));
      }
      break;
    case DataKind::Grid:
      for (int row = 0; row < config.grid_size; ++row) {
        for (int col = 0; col < config.grid_size; ++col) {
          const float offset = (config.grid_size - 1) / 2.0f;
          centres_.push_back((col - offset) * config.spacing);
          centres_.push_back((row - offset) * config.spacing);
        }
      }
      break;
    case DataKind::Gaussian2d:
      centres_ = {config.mean, config.mean};
      break;
    case DataKind::Line:
      addCurve(centres_, -r, r, kShapeCentres, [](double t) { return std::pair(t, t); });
      break;
    case DataKind::Moons:  // scikit-learn's make_moons, centred and scaled by the radius
      addCurve(centres_, 0, pi, kShapeCentres / 2, [r](double t) {
        return std::pair(r * (std::cos(t) - 0.5), r * (std::sin(t) - 0.25));
      });
      addCurve(centres_, 0, pi, kShapeCentres / 2, [r](double t) {
        return std::pair(r * (0.5 - std::cos(t)), r * (0.25 - std::sin(t)));
      });
      break;
    case DataKind::Spiral:  // two turns, from near the centre out to the radius
      addCurve(centres_, 0.1, 1.0, kShapeCentres, [r, pi](double t) {
        return std::pair(r * t * std::cos(4 * pi * t), r * t * std::sin(4 * pi * t));
      });
      break;
    case DataKind::Points:
      centres_ = config.points;
      break;
  }
  const int64_t modes = static_cast<int64_t>(centres_.size()) / dim_;
  centre_table_ = torch::from_blob(centres_.data(), {modes, dim_}).clone();
}

void GaussianMixture::sample(const torch::Tensor& out, at::Generator& generator) {
  const int64_t modes = centre_table_.size(0);
  if (modes == 1) {
    out.normal_(0, std_, generator).add_(centre_table_);
    return;
  }
  const int64_t n = out.size(0);
  // Buffers made under InferenceMode (for a frame) cannot be written outside it (by the
  // autograd engine), nor the other way round: they follow the mode as well as the size.
  if (!mode_index_.defined() || mode_index_.size(0) != n ||
      mode_index_.is_inference() != c10::InferenceMode::is_enabled()) {
    mode_index_ = torch::empty({n}, torch::kLong);
    noise_ = torch::empty({n, dim_});
  }
  mode_index_.random_(0, modes, generator);
  noise_.normal_(0, std_, generator);
  torch::Tensor target = out;  // index_select_out takes a non-const reference
  torch::index_select_out(target, centre_table_, 0, mode_index_).add_(noise_);
}

double GaussianMixture::density1d(double x) const {
  const double norm = 1.0 / (std_ * std::sqrt(2.0 * std::numbers::pi) * centres_.size());
  double sum = 0;
  for (float mean : centres_) {
    const double u = (x - mean) / std_;
    sum += std::exp(-0.5 * u * u);
  }
  return sum * norm;
}

std::vector<std::pair<double, double>> GaussianMixture::support() const {
  std::vector<std::pair<double, double>> ranges;
  for (int d = 0; d < dim_; ++d) {
    double lo = INFINITY, hi = -INFINITY;
    for (size_t i = d; i < centres_.size(); i += dim_) {
      lo = std::min<double>(lo, centres_[i]);
      hi = std::max<double>(hi, centres_[i]);
    }
    ranges.emplace_back(lo - 4 * std_, hi + 4 * std_);
  }
  return ranges;
}

}  // namespace ganscope
