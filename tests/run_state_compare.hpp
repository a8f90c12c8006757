// A run's whole trained state as tensors, for tests that compare two runs bit for bit (previews
// and latent work must leave training alone; exact resume).
#pragma once
#include <torch/torch.h>

#include <vector>

#include "core/engine/gan_state.hpp"

namespace ganscope::test {

/// Every parameter and buffer of G and D, and the moving average.
inline std::vector<torch::Tensor> everything(const GanState& state) {
  std::vector<torch::Tensor> out = {state.g_params->values().clone(),
                                    state.d_params->values().clone()};
  for (const auto& b : state.generator->buffers()) out.push_back(b.clone());
  for (const auto& b : state.discriminator->buffers()) out.push_back(b.clone());
  if (state.g_average.defined()) out.push_back(state.g_average.clone());
  return out;
}

/// Whether two such lists are equal element for element, bit for bit.
inline bool same(const std::vector<torch::Tensor>& a, const std::vector<torch::Tensor>& b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    if (!a[i].equal(b[i])) return false;
  }
  return true;
}

}  // namespace ganscope::test
