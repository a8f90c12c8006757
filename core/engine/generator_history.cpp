// GeneratorHistory: a ring thinned by halves, so it covers the run evenly at any length.
#include "core/engine/generator_history.hpp"

#include <algorithm>

namespace ganscope {

GeneratorHistory::GeneratorHistory(GeneratorHistoryOptions options)
    : options_(options), every_(std::max<int64_t>(1, options.first_every)) {
  options_.capacity = std::max(2, options_.capacity);
}

void GeneratorHistory::record(int64_t step, const torch::Tensor& values,
                              const std::vector<torch::Tensor>& buffers) {
  if (static_cast<int>(snapshots_.size()) == options_.capacity) {
    // Keep the snapshots on the doubled spacing; the step being recorded is one of them.
    every_ *= 2;
    std::erase_if(snapshots_, [this](const GeneratorSnapshot& s) { return s.step % every_ != 0; });
    if (step % every_ != 0) return;
  }
  GeneratorSnapshot snapshot{step, values.detach().clone(), {}};
  for (const torch::Tensor& buffer : buffers) snapshot.buffers.push_back(buffer.detach().clone());
  snapshots_.push_back(std::move(snapshot));
}

}  // namespace ganscope
