// FoundLatent: the answer to FindLatent ("find z for this real image"): the best z so far, G's
// picture of it, how close it is (L1 per value, |z| against the prior's typical norm) and the
// loss curve; several while the search runs, then a final one.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

namespace ganscope {

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
