// makeGenerator / makeDiscriminator: the config's model kind decides the architecture.
#include "core/models/networks.hpp"

#include "core/models/image_models.hpp"
#include "core/models/mlp.hpp"

namespace ganscope {

std::mutex& networkInitMutex() {
  static std::mutex mutex;
  return mutex;
}

NetworkPtr makeGenerator(const TrainConfig& config, int data_dim) {
  if (config.model != ModelKind::Mlp) return makeImageGenerator(config);
  return Mlp(MlpOptions::from(config.generator, config.latent.dim, data_dim)).ptr();
}

NetworkPtr makeDiscriminator(const TrainConfig& config, const DiscriminatorInput& input) {
  if (config.model != ModelKind::Mlp) {
    return makeImageDiscriminator(config, input.width(), input.pack(), input.stddevFeature());
  }
  return Mlp(MlpOptions::from(config.discriminator, input.width(), 1)).ptr();
}

}  // namespace ganscope
