// DirectionTracker: one run's GANSpace directions over time. Computes a set from G (PCA of its
// features over kDirectionSamples fixed z, regressed back to z), matches it to the set before
// so each slot keeps its meaning, and decides when the next set is due.
#pragma once
#include <torch/torch.h>

#include <atomic>
#include <chrono>
#include <optional>
#include <vector>

#include "core/api/commands.hpp"
#include "core/api/config.hpp"
#include "core/api/telemetry/latent_directions.hpp"
#include "core/latent/principal_directions.hpp"
#include "core/models/network.hpp"

namespace ganscope {

class DirectionTracker {
 public:
  /// For latents of `latent` (its dim at most kMaxDirectionDims); `pca` as principalComponents
  /// takes it (its `components` is set from each request).
  explicit DirectionTracker(const LatentConfig& latent, PcaOptions pca = {});

  /// Whether `settings` (on) want a set at `step`: none yet in their basis (the first, or a
  /// changed count or source), or `interval_steps` trained since the last set and the time
  /// budget (kDirectionsBudget) spent.
  bool due(const SetLatentDirections& settings, int64_t step) const;

  /// A set from `generator` (the caller holds it in eval mode) at `step`, matched to the last
  /// set when its basis is unchanged; nullopt when `cancel` stopped it (nothing changes then).
  /// Runs under InferenceMode and draws no training random numbers. Throws
  /// std::invalid_argument for settings out of range.
  std::optional<LatentDirections> compute(Network& generator, const SetLatentDirections& settings,
                                          int64_t step, const std::atomic<bool>* cancel = nullptr);

 private:
  using Clock = std::chrono::steady_clock;
  /// The features of every fixed z, a chunk at a time; nullopt when cancelled.
  std::optional<torch::Tensor> features(Network& generator, DirectionSource source,
                                        const std::atomic<bool>* cancel) const;

  LatentConfig latent_;
  PcaOptions pca_;
  torch::Tensor z_;  ///< [kDirectionSamples, dim]: the fixed latents, from their own seed
  // The last set, in its slot order.
  std::vector<float> previous_;  ///< count x dim
  int previous_count_ = 0;       ///< 0: none yet
  int requested_count_ = 0;      ///< the request the last set answered
  DirectionSource previous_source_ = DirectionSource::FirstHidden;
  uint32_t basis_ = 0;
  uint32_t computation_ = 0;
  int64_t last_step_ = -1;
  Clock::time_point earliest_ = Clock::now();  ///< the time budget: no set before this
};

}  // namespace ganscope
