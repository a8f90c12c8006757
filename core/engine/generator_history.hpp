// GeneratorHistory: a few copies of the preview G's weights from earlier steps, evenly spread
// over the whole run so far, for the latent explorer's training-time view (the same path drawn
// by G as it was). In memory only: never saved with the run.
#pragma once
#include <torch/torch.h>

#include <cstdint>
#include <vector>

namespace ganscope {

/// G's weights and buffers (BatchNorm statistics) at one step.
struct GeneratorSnapshot {
  int64_t step = 0;
  torch::Tensor values;                ///< the flat parameter values (a copy)
  std::vector<torch::Tensor> buffers;  ///< copies of the buffers
};

struct GeneratorHistoryOptions {
  int capacity = 8;          ///< snapshots kept (at least 2)
  int64_t first_every = 25;  ///< the spacing in steps until the ring first fills
};

class GeneratorHistory {
 public:
  explicit GeneratorHistory(GeneratorHistoryOptions options = {});
  /// Whether a snapshot is due at `step`: the steps that are multiples of the current spacing.
  bool due(int64_t step) const { return step > 0 && step % every_ == 0; }
  /// Keeps a copy of `values` and `buffers` as step `step`'s. When the ring is full it first
  /// drops every other snapshot and doubles the spacing, so the snapshots stay evenly spread
  /// from the start of the run to now.
  void record(int64_t step, const torch::Tensor& values, const std::vector<torch::Tensor>& buffers);
  /// The snapshots, oldest first.
  const std::vector<GeneratorSnapshot>& snapshots() const { return snapshots_; }
  /// The current spacing in steps.
  int64_t every() const { return every_; }

 private:
  GeneratorHistoryOptions options_;
  int64_t every_;
  std::vector<GeneratorSnapshot> snapshots_;
};

}  // namespace ganscope
