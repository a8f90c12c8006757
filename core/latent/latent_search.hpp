// "Find z for this real image": optimises latents so that G(z) reproduces a target (L1 per value
// plus a penalty keeping |z - centre| near the prior's typical norm), by Adam on z with G's
// weights frozen. A pure function of (G, target, options), run off the training thread.
#pragma once
#include <torch/torch.h>

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "core/api/config.hpp"
#include "core/api/telemetry/found_latent.hpp"
#include "core/models/network.hpp"

namespace ganscope {

struct LatentSearchOptions {
  int iterations = kFindLatentIterations;  ///< Adam steps on z (1 to kMaxSearchIterations)
  /// Random starts optimised side by side as one batch (rows are independent: G in eval mode);
  /// the one with the lowest objective at the end wins (1 to kMaxSearchRestarts).
  int restarts = kFindLatentRestarts;
  double learning_rate = 0.05;  ///< Adam's step size on z
  /// Weight of the norm penalty ((|z - centre| - typical) / typical)^2 beside the L1 loss (0:
  /// none; 0 to kMaxSearchNormWeight).
  double norm_weight = kFindLatentNormWeight;
  int report_every = kFindLatentReportEvery;  ///< progress every this many iterations (0: none)
  uint64_t seed = 1;  ///< the starts are drawn from the prior with this seed
};

inline constexpr int kMaxSearchIterations = 5000;
inline constexpr int kMaxSearchRestarts = 16;
inline constexpr double kMaxSearchNormWeight = 100;

/// Where a search stands: its best latent so far and how close G(z) is to the target.
struct LatentSearchReport {
  int iteration = 0;          ///< Adam steps done
  bool done = false;          ///< the last report: every iteration ran
  std::vector<float> z;       ///< the best start's latent (latent dim values)
  std::vector<float> sample;  ///< G(z): the target's dims values
  float l1 = 0;               ///< mean |G(z) - target| per value
  float norm = 0;             ///< |z - centre|, against LatentSearchReport::typical
  float typical = 0;          ///< the prior's typical distance from its centre
  /// The lowest L1 per value among the starts before each iteration's step (one per iteration).
  std::vector<float> l1_curve;
};

/// Why `options` (with `target_values` values for a G of `data_dim` outputs) cannot run, naming
/// the field and what is allowed; "" when they can. The target's values must lie in [-1, 1].
std::string latentSearchError(const LatentSearchOptions& options, const float* target_values,
                              size_t target_size, int data_dim);

/// Optimises z so that `generator`(z) reproduces `target` ([data dims] or [1, data dims], values in
/// [-1, 1]). `generator` runs in eval mode with its weights' requires_grad off for the search
/// (both restored after); only z carries gradients. `progress` gets a report every
/// `options.report_every` iterations; the final report is returned. A U(0, 1) prior keeps z in
/// [0, 1]. Nullopt when `stopped` said true (asked before every iteration). Throws
/// std::invalid_argument with latentSearchError's text.
std::optional<LatentSearchReport> searchLatent(
    Network& generator, const LatentConfig& latent, const torch::Tensor& target,
    const LatentSearchOptions& options,
    const std::function<void(const LatentSearchReport&)>& progress = {},
    const std::function<bool()>& stopped = {});

}  // namespace ganscope
