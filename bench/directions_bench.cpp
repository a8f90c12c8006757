// The cost of GANSpace directions against a training step, per PCA method: the numbers behind
// PcaOptions::covariance_max_features and SetLatentDirections::interval_steps.
// Usage: directions_bench PRESET [TRAIN_STEPS [OVERSAMPLE POWER_ITERATIONS]] (the randomised
// SVD's settings; one LibTorch and one BLAS thread, as the trainer).
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include "common/runtime_info.hpp"
#include "core/config/presets.hpp"
#include "core/engine/trainer.hpp"
#include "core/latent/direction_matching.hpp"
#include "core/latent/direction_tracker.hpp"

namespace {
using Clock = std::chrono::steady_clock;

double millisecondsSince(Clock::time_point start) {
  return std::chrono::duration<double, std::milli>(Clock::now() - start).count();
}

double median(std::vector<double> values) {
  std::sort(values.begin(), values.end());
  return values[values.size() / 2];
}

}  // namespace

int main(int argc, char** argv) {
  using namespace ganscope;
  if (argc < 2) {
    std::fprintf(stderr, "usage: %s PRESET [TRAIN_STEPS [OVERSAMPLE POWER_ITERATIONS]]\n", argv[0]);
    return 2;
  }
  at::set_num_threads(1);
  setBlasThreads(1);
  const int train_steps = argc > 2 ? std::atoi(argv[2]) : 100;
  Trainer trainer(presetConfig(argv[1]));
  for (int i = 0; i < 5; ++i) trainer.step(StepTarget::Both);  // warm-up
  const auto start = Clock::now();
  for (int i = 0; i < train_steps; ++i) trainer.step(StepTarget::Both);
  const double step_ms = millisecondsSince(start) / train_steps;
  std::printf("%s: %.2f ms per training step (%d steps)\n", argv[1], step_ms, train_steps);

  Network& generator = *trainer.state().generator;
  generator.eval();
  const SetLatentDirections settings{10, 500, DirectionSource::FirstHidden};
  for (const DirectionSource source : {DirectionSource::FirstHidden, DirectionSource::Output}) {
    std::vector<std::vector<float>> sets;  // each method's directions, to compare them
    for (const PcaMethod method : {PcaMethod::Covariance, PcaMethod::Randomized}) {
      PcaOptions pca;
      pca.method = method;
      if (argc > 4) {
        pca.oversample = std::atoi(argv[3]);
        pca.power_iterations = std::atoi(argv[4]);
      }
      std::vector<double> times;
      int features = 0;
      for (int run = 0; run < 3; ++run) {
        DirectionTracker tracker(trainer.state().config.latent, pca);
        SetLatentDirections wanted = settings;
        wanted.source = source;
        const auto begin = Clock::now();
        const auto set = tracker.compute(generator, wanted, trainer.state().stats.step);
        times.push_back(millisecondsSince(begin));
        features = set->feature_dims;
        if (run == 0) {
          sets.emplace_back(&set->direction[0][0],
                            &set->direction[0][0] + set->count * kMaxDirectionDims);
        }
        if (times.back() > 5000) break;  // a slow method is measured once
      }
      const double ms = median(times);
      std::printf(
          "  %-12s %4d features, %-10s: %7.1f ms per set of 10 (median of <= 3) = %.0f steps; "
          "<= 2.5%% of training: every %.0f steps or more\n",
          source == DirectionSource::Output ? "output" : "first hidden", features,
          method == PcaMethod::Covariance ? "covariance" : "randomized", ms, ms / step_ms,
          ms / step_ms / 0.025);
    }
    // How far the randomised SVD's directions are from the exact ones (slots matched).
    const DirectionMatch match = matchDirections(
        sets[0], sets[1], static_cast<int>(sets[0].size() / kMaxDirectionDims), kMaxDirectionDims);
    std::printf("  randomized against covariance, |cos| per matched slot:");
    for (const float c : match.similarity) std::printf(" %.4f", c);
    std::printf("\n");
  }
  return 0;
}
