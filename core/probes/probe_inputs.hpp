// What every probe reads: the run's networks, data, D's input encoder, latent and loss. Probes
// draw no random numbers: the trainer's frame entry points draw a frame's samples from the
// frame generator (reseeded per step) and hand them in, so a frame is a function of (seed, step).
#pragma once
#include <torch/torch.h>

#include <stdexcept>
#include "core/api/config.hpp"

#include "core/data/gaussian_mixture.hpp"
#include "core/losses/discriminator_input.hpp"
#include "core/models/network.hpp"

namespace ganscope {

struct ProbeInputs {
  Network& generator;
  Network& discriminator;
  const DiscriminatorInput& input;
  int data_dim;                        ///< width of a sample row
  const GaussianMixture* mixture_ptr;  ///< p_data of the 1-D and 2-D runs; null for images
  LatentConfig latent;
  LossKind loss = LossKind::NonSaturating;  ///< the loss the run trains with now

  /// The mixture of a 1-D or 2-D run; throws std::logic_error for an image run (a bug).
  const GaussianMixture& mixture() const {
    if (!mixture_ptr) throw std::logic_error("an image run has no Gaussian mixture");
    return *mixture_ptr;
  }
};

/// Holds G and D in eval mode (BatchNorm on its running statistics) while probes run, then puts
/// them back in train mode.
class EvalMode {
 public:
  EvalMode(Network& generator, Network& discriminator)
      : generator_(generator), discriminator_(discriminator) {
    generator_.eval();
    discriminator_.eval();
  }
  ~EvalMode() {
    generator_.train();
    discriminator_.train();
  }
  EvalMode(const EvalMode&) = delete;
  EvalMode& operator=(const EvalMode&) = delete;

 private:
  Network& generator_;
  Network& discriminator_;
};

}  // namespace ganscope
