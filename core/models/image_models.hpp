// The image models' factory: G and D of config.model (mlp_gan or dcgan) sized from the config.
#pragma once
#include "core/api/config.hpp"
#include "core/models/network.hpp"

namespace ganscope {

/// G of `config.model`: latent.dim -> kImagePixels; dcgan's width is generator.width.
/// Throws std::invalid_argument for model "mlp" (the plain MLPs are built elsewhere).
NetworkPtr makeImageGenerator(const TrainConfig& config);

/// D of `config.model` judging rows of `input_width` = kImagePixels * pack (+ 1 with
/// `stddev_feature`); dcgan's width is discriminator.width. Throws std::invalid_argument for
/// model "mlp" and for an input width that does not match pack and stddev_feature.
NetworkPtr makeImageDiscriminator(const TrainConfig& config, int input_width, int pack,
                                  bool stddev_feature);

}  // namespace ganscope
