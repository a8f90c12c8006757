// The source material's MLP GAN, layer for layer as its PyTorch Sequential.
#include "core/models/mlp_gan.hpp"

#include <stdexcept>
#include <string>

#include "core/models/mlp.hpp"

namespace ganscope {
namespace {

void requirePositive(const char* name, int64_t value) {
  if (value < 1) {
    throw std::invalid_argument(std::string(name) + " must be at least 1 (got " +
                                std::to_string(value) + ")");
  }
}

torch::nn::LeakyReLU leakyRelu() {
  return torch::nn::LeakyReLU(torch::nn::LeakyReLUOptions().negative_slope(kLeakyReluSlope));
}

}  // namespace

MlpGanGeneratorImpl::MlpGanGeneratorImpl(const MlpGanGeneratorOptions& options)
    : options_(options) {
  requirePositive("MLP GAN generator latent_dim", options.latent_dim());
  requirePositive("MLP GAN generator out_features", options.out_features());
  torch::nn::Sequential body;
  int64_t in = options.latent_dim();
  for (size_t i = 0; i < kMlpGanGeneratorWidths.size(); ++i) {
    const int64_t out = kMlpGanGeneratorWidths[i];
    body->push_back(torch::nn::Linear(in, out));
    if (i > 0) {  // the source's block(latent_dim, 128, normalize=False) has no BatchNorm
      body->push_back(torch::nn::BatchNorm1d(torch::nn::BatchNorm1dOptions(out)
                                                 .eps(kMlpGanBatchNormEps)
                                                 .momentum(kMlpGanBatchNormMomentum)));
    }
    body->push_back(leakyRelu());
    in = out;
  }
  body->push_back(torch::nn::Linear(in, options.out_features()));
  body->push_back(torch::nn::Tanh());
  body_ = register_module("model", body);
}

torch::Tensor MlpGanGeneratorImpl::forward(torch::Tensor z) {
  return body_->forward(z);
}

torch::Tensor MlpGanGeneratorImpl::firstHidden(torch::Tensor z) {
  auto layer = body_->begin();  // the block: Linear, then LeakyReLU
  torch::Tensor x = layer->forward(z);
  return (++layer)->forward(x);
}

MlpGanDiscriminatorImpl::MlpGanDiscriminatorImpl(const MlpGanDiscriminatorOptions& options)
    : options_(options) {
  requirePositive("MLP GAN discriminator in_features", options.in_features());
  torch::nn::Sequential body;
  int64_t in = options.in_features();
  for (const int64_t out : kMlpGanDiscriminatorWidths) {
    body->push_back(torch::nn::Linear(in, out));
    body->push_back(leakyRelu());
    in = out;
  }
  body->push_back(torch::nn::Linear(in, 1));  // the source's Sigmoid is in our losses
  body_ = register_module("model", body);
}

torch::Tensor MlpGanDiscriminatorImpl::forward(torch::Tensor x) {
  return body_->forward(x);
}

}  // namespace ganscope
