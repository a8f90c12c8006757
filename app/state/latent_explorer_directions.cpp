// ExplorerDirections: the run's newest GANSpace set, its sliders kept through recomputations in
// one basis, and the z offset they make.
#include "app/state/latent_explorer_directions.hpp"

#include <algorithm>

namespace ganscope {

void ExplorerDirections::receive(const LatentDirections& set) {
  const bool same_basis = set_ && set_->generation == set.generation && set_->basis == set.basis &&
                          set_->count == set.count;
  if (!set_) set_ = std::make_unique<LatentDirections>();
  *set_ = set;
  if (!same_basis) values_.assign(static_cast<size_t>(std::clamp(set.count, 0, kMaxDirections)), 0);
}

void ExplorerDirections::forget(uint32_t generation) {
  if (set_ && set_->generation == generation) return;
  clear();
}

void ExplorerDirections::clear() {
  set_.reset();
  values_.clear();
}

std::vector<float> ExplorerDirections::offset(int dim) const {
  if (!set_ || set_->latent_dim != dim || dim < 1 || dim > kMaxDirectionDims) return {};
  if (std::all_of(values_.begin(), values_.end(), [](float v) { return v == 0; })) return {};
  std::vector<float> sum(static_cast<size_t>(dim), 0.0f);
  for (size_t i = 0; i < values_.size(); ++i) {
    if (values_[i] == 0) continue;
    const float step = values_[i] * set_->slider_unit[i];
    for (int d = 0; d < dim; ++d) sum[d] += step * set_->direction[i][d];
  }
  return sum;
}

}  // namespace ganscope
