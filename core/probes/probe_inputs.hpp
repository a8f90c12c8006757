// What every probe reads: the run's networks, data, D's input encoder, latent and loss. Probes
// draw no random numbers: the trainer's frame entry points draw a frame's samples from the
// frame generator (reseeded per step) and hand them in, so a frame is a function of (seed, step).
#pragma once
#include <torch/torch.h>

#include "core/api/config.hpp"
#include "core/data/gaussian_mixture.hpp"
#include "core/losses/discriminator_input.hpp"
#include "core/models/mlp.hpp"

namespace ganscope {

struct ProbeInputs {
  MlpImpl& generator;
  MlpImpl& discriminator;
  const DiscriminatorInput& input;
  const GaussianMixture& data;
  LatentConfig latent;
  LossKind loss = LossKind::NonSaturating;  ///< the loss the run trains with now
};

/// Holds G and D in eval mode (BatchNorm on its running statistics) while probes run, then puts
/// them back in train mode.
class EvalMode {
 public:
  EvalMode(MlpImpl& generator, MlpImpl& discriminator)
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
  MlpImpl& generator_;
  MlpImpl& discriminator_;
};

}  // namespace ganscope
