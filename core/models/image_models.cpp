// Builds the image models' G and D from a TrainConfig.
#include "core/models/image_models.hpp"

#include <stdexcept>
#include <string>

#include "core/models/dcgan.hpp"
#include "core/models/mlp_gan.hpp"

namespace ganscope {
namespace {

[[noreturn]] void notAnImageModel(ModelKind kind) {
  throw std::invalid_argument(std::string("model \"") + toString(kind) +
                              "\" is not an image model (allowed here: mlp_gan, dcgan)");
}

}  // namespace

NetworkPtr makeImageGenerator(const TrainConfig& config) {
  switch (config.model) {
    case ModelKind::MlpGan:
      return MlpGanGenerator(MlpGanGeneratorOptions().latent_dim(config.latent.dim)).ptr();
    case ModelKind::Dcgan:
      return DcganGenerator(DcganGeneratorOptions()
                                .latent_dim(config.latent.dim)
                                .width(config.generator.width))
          .ptr();
    case ModelKind::Mlp:
      break;
  }
  notAnImageModel(config.model);
}

NetworkPtr makeImageDiscriminator(const TrainConfig& config, int input_width, int pack,
                                  bool stddev_feature) {
  if (config.model == ModelKind::Mlp) notAnImageModel(config.model);
  if (pack < 1) {
    throw std::invalid_argument("discriminator pack must be at least 1 (got " +
                                std::to_string(pack) + ")");
  }
  const int expected = kImagePixels * pack + (stddev_feature ? 1 : 0);
  if (input_width != expected) {
    throw std::invalid_argument("discriminator input width " + std::to_string(input_width) +
                                " does not match pack " + std::to_string(pack) +
                                (stddev_feature ? " with" : " without") +
                                " the stddev feature (allowed: " + std::to_string(expected) + ")");
  }
  if (config.model == ModelKind::MlpGan) {
    return MlpGanDiscriminator(MlpGanDiscriminatorOptions().in_features(input_width)).ptr();
  }
  return DcganDiscriminator(DcganDiscriminatorOptions()
                                .width(config.discriminator.width)
                                .pack(pack)
                                .stddev_feature(stddev_feature))
      .ptr();
}

}  // namespace ganscope
