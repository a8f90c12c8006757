// FoundLatent: the answer to FindLatent ("find z for this real image"): the best z so far, G's
// picture of it, how close it is (L1 per value, |z| against the prior's typical norm) and the
// loss curve; several while the search runs, then a final one.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

namespace ganscope {

// FindLatent's defaults (also LatentSearchOptions'), measured on fashion-dcgan after 2000 steps
// over 8 test images (bench/latent_search.md): 4 random starts lowered the L1 per pixel by under
// 1% at 1.6x the time, more iterations by far more, so one start of 1000 iterations; a norm
// weight of 1 holds |z| at the typical norm (10.05 against 11.66 without) at the same L1.
inline constexpr int kFindLatentIterations = 1000;
inline constexpr int kFindLatentRestarts = 1;
inline constexpr double kFindLatentNormWeight = 1;
inline constexpr int kFindLatentReportEvery = 25;

struct FoundLatent {
  uint64_t request = 0;       ///< the FindLatent answered
  std::string error;          ///< why it cannot run (the field and what is allowed); "" otherwise
  bool done = false;          ///< the final answer: every iteration ran
  int iteration = 0;          ///< Adam steps done
  int iterations = 0;         ///< Adam steps asked for
  int64_t step = -1;          ///< the training step of the G searched (a copy taken then)
  uint32_t generation = 0;    ///< the run generation of that G
  std::vector<float> z;       ///< the best latent so far (latent dim values)
  std::vector<float> sample;  ///< G(z), the data's dims values (images: pixels in [-1, 1])
  float l1 = 0;               ///< mean |G(z) - target| per value
  float norm = 0;             ///< |z - centre|
  float typical = 0;          ///< the prior's typical |z - centre|
  /// The lowest L1 per value among the starts before each iteration so far.
  std::vector<float> l1_curve;
  double seconds = 0;  ///< the search's wall time so far
};

}  // namespace ganscope
