// The one place that builds G and D for a config: the plain MLPs, or the image models.
#pragma once
#include "core/api/config.hpp"
#include "core/losses/discriminator_input.hpp"
#include "core/models/network.hpp"

#include <mutex>

namespace ganscope {

/// Module initialisation draws from LibTorch's global generator: hold this while seeding it and
/// building networks, so two sessions never interleave their draws.
std::mutex& networkInitMutex();

/// G for `config`: latent rows [n, latent.dim] to sample rows [n, data_dim].
NetworkPtr makeGenerator(const TrainConfig& config, int data_dim);
/// D for `config`: rows [n, input.width()] (packed, with the stddev feature) to [n, 1].
NetworkPtr makeDiscriminator(const TrainConfig& config, const DiscriminatorInput& input);

}  // namespace ganscope
