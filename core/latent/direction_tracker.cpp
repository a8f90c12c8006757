// DirectionTracker: features in chunks (a cancel check after each), PCA, GANSpace's regression,
// the prior's spread along each direction, then the match to the previous set.
#include "core/latent/direction_tracker.hpp"

#include <ATen/CPUGeneratorImpl.h>

#include <algorithm>
#include <cmath>
#include <stdexcept>
#include <string>

#include "core/engine/step/step_helpers.hpp"
#include "core/latent/direction_matching.hpp"
#include "core/tensor_span.hpp"

namespace ganscope {
namespace {

constexpr uint64_t kDirectionSeed = 0x6a9e'5ace'0000'0001ull;  // the PCA's z: their own stream
constexpr int64_t kFeatureChunk = 1000;                        // z through G at once

bool cancelled(const std::atomic<bool>* cancel) {
  return cancel && cancel->load(std::memory_order_relaxed);
}

/// The prior's standard deviation along any unit direction: 1 for N(0, I), 1/sqrt(12) for
/// U(0, 1)^d (independent coordinates of equal variance).
float priorSpread(LatentKind kind) {
  return kind == LatentKind::Normal ? 1.0f : float(1.0 / std::sqrt(12.0));
}

/// A fresh set's sign: each row's largest coordinate (by magnitude) positive.
void fixSigns(std::vector<float>& rows, int count, int dim) {
  for (int r = 0; r < count; ++r) {
    float* row = rows.data() + size_t(r) * dim;
    const float* largest = std::max_element(
        row, row + dim, [](float a, float b) { return std::abs(a) < std::abs(b); });
    if (*largest < 0) std::transform(row, row + dim, row, [](float v) { return -v; });
  }
}

}  // namespace

DirectionTracker::DirectionTracker(const LatentConfig& latent, PcaOptions pca)
    : latent_(latent), pca_(pca) {
  if (latent.dim < 1 || latent.dim > kMaxDirectionDims) {
    throw std::invalid_argument("latent directions: latent dim " + std::to_string(latent.dim) +
                                "; directions are made for 1 to " +
                                std::to_string(kMaxDirectionDims) + " dimensions");
  }
  c10::InferenceMode inference;
  z_ = torch::empty({kDirectionSamples, latent.dim});
  at::Generator generator = at::make_generator<at::CPUGeneratorImpl>(kDirectionSeed);
  sampleLatent(latent, z_, generator);
}

bool DirectionTracker::due(const SetLatentDirections& settings, int64_t step) const {
  if (settings.count < 1) return false;
  const bool same_basis = previous_count_ > 0 && requested_count_ == settings.count &&
                          previous_source_ == settings.source;
  if (!same_basis) return true;
  return step - last_step_ >= settings.interval_steps && Clock::now() >= earliest_;
}

std::optional<torch::Tensor> DirectionTracker::features(Network& generator, DirectionSource source,
                                                        const std::atomic<bool>* cancel) const {
  torch::Tensor out;  // [kDirectionSamples, features], filled a chunk at a time
  for (int64_t start = 0; start < kDirectionSamples; start += kFeatureChunk) {
    if (cancelled(cancel)) return std::nullopt;
    const torch::Tensor z = z_.narrow(0, start, std::min(kFeatureChunk, kDirectionSamples - start));
    const torch::Tensor y =
        (source == DirectionSource::Output ? generator.forward(z) : generator.firstHidden(z))
            .flatten(1);
    if (!out.defined()) out = torch::empty({kDirectionSamples, y.size(1)});
    out.narrow(0, start, y.size(0)).copy_(y);
  }
  return out;
}

std::optional<LatentDirections> DirectionTracker::compute(Network& generator,
                                                          const SetLatentDirections& settings,
                                                          int64_t step,
                                                          const std::atomic<bool>* cancel) {
  if (settings.count < 1 || settings.count > kMaxDirections) {
    throw std::invalid_argument("latent directions: count " + std::to_string(settings.count) +
                                "; give 1 to " + std::to_string(kMaxDirections));
  }
  const auto start = Clock::now();
  c10::InferenceMode inference;
  const std::optional<torch::Tensor> y = features(generator, settings.source, cancel);
  if (!y) return std::nullopt;
  const int dim = latent_.dim;
  const int count =
      static_cast<int>(std::min<int64_t>({settings.count, dim, y->size(1), kDirectionSamples - 1}));
  PcaOptions pca = pca_;
  pca.components = count;
  const std::optional<PcaBasis> basis = principalComponents(*y, pca, cancel);
  if (!basis || cancelled(cancel)) return std::nullopt;
  const torch::Tensor directions = regressOntoLatents(*y, z_, *basis).directions.contiguous();
  const std::span<const float> values = asSpan(directions);
  std::vector<float> rows(values.begin(), values.end());
  std::vector<int> component(count);
  for (int i = 0; i < count; ++i) component[i] = i;

  LatentDirections out;
  const bool same_basis = previous_count_ == count && requested_count_ == settings.count &&
                          previous_source_ == settings.source;
  std::vector<float> similarity(count, 1.0f);
  if (same_basis) {
    const DirectionMatch match = matchDirections(previous_, rows, count, dim);
    rows = applyMatch(match, rows, dim);
    for (int s = 0; s < count; ++s) component[s] = match.source[s];
    similarity = match.similarity;
    ++computation_;
  } else {
    fixSigns(rows, count, dim);
    if (previous_count_ > 0) ++basis_;
    computation_ = 0;
  }
  previous_ = rows;
  previous_count_ = count;
  requested_count_ = settings.count;
  previous_source_ = settings.source;
  last_step_ = step;

  out.step = step;
  out.computation = computation_;
  out.basis = basis_;
  out.source = settings.source;
  out.count = count;
  out.latent_dim = dim;
  out.feature_dims = static_cast<int>(y->size(1));
  out.samples = kDirectionSamples;
  out.total_variance = float(basis->total_variance);
  const torch::Tensor stddev_values = basis->stddev.contiguous();  // kept while read below
  const std::span<const float> stddev = asSpan(stddev_values);
  for (int s = 0; s < count; ++s) {
    std::copy_n(rows.data() + size_t(s) * dim, dim, out.direction[s]);
    out.slider_unit[s] = priorSpread(latent_.kind);
    out.feature_stddev[s] = stddev[component[s]];
    out.variance_share[s] =
        basis->total_variance > 0
            ? float(double(stddev[component[s]]) * stddev[component[s]] / basis->total_variance)
            : 0.0f;
    out.component[s] = component[s];
    out.similarity[s] = similarity[s];
  }
  const auto cost = Clock::now() - start;
  out.milliseconds = std::chrono::duration<float, std::milli>(cost).count();
  earliest_ = Clock::now() + std::chrono::duration_cast<Clock::duration>(
                                 cost * ((1 - kDirectionsBudget) / kDirectionsBudget));
  return out;
}

}  // namespace ganscope
