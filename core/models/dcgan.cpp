// DCGAN's layers and initialisation for 28 x 28 images as flat rows.
#include "core/models/dcgan.hpp"

#include <stdexcept>
#include <string>

#include "core/models/mlp.hpp"

namespace ganscope {
namespace {

constexpr int64_t kSeedSide = kImageSide / 4;  // 7: G's first feature map, D's last
constexpr int64_t kSeedArea = kSeedSide * kSeedSide;

void requirePositive(const char* name, int64_t value) {
  if (value < 1) {
    throw std::invalid_argument(std::string(name) + " must be at least 1 (got " +
                                std::to_string(value) + ")");
  }
}

/// Stride-2 (transposed) convolution, kernel 4, padding 1: doubles (halves) the side.
template <typename Options>
Options resample(int64_t in, int64_t out, bool bias) {
  return Options(in, out, 4).stride(2).padding(1).bias(bias);
}

/// DCGAN's initialisation over every submodule of `module`.
void initDcgan(torch::nn::Module& module) {
  torch::NoGradGuard no_grad;
  for (auto& child : module.modules(/*include_self=*/false)) {
    if (auto* norm = child->as<torch::nn::BatchNorm2d>()) {
      torch::nn::init::normal_(norm->weight, 1.0, kDcganInitStd);
      torch::nn::init::zeros_(norm->bias);
      continue;
    }
    for (auto& param : child->named_parameters(/*recurse=*/false)) {
      if (param.key() == "weight") torch::nn::init::normal_(param.value(), 0.0, kDcganInitStd);
      if (param.key() == "bias") torch::nn::init::zeros_(param.value());
    }
  }
}

}  // namespace

DcganGeneratorImpl::DcganGeneratorImpl(const DcganGeneratorOptions& options) : options_(options) {
  requirePositive("DCGAN generator latent_dim", options.latent_dim());
  requirePositive("DCGAN generator width", options.width());
  const int64_t w = options.width();
  // No biases before a BatchNorm: its shift makes them redundant.
  project_ = register_module(
      "project",
      torch::nn::Linear(
          torch::nn::LinearOptions(options.latent_dim(), 2 * w * kSeedArea).bias(false)));
  project_norm_ = register_module("project_norm", torch::nn::BatchNorm2d(2 * w));
  up1_ = register_module("up1", torch::nn::ConvTranspose2d(
                                    resample<torch::nn::ConvTranspose2dOptions>(2 * w, w, false)));
  up1_norm_ = register_module("up1_norm", torch::nn::BatchNorm2d(w));
  up2_ = register_module(
      "up2", torch::nn::ConvTranspose2d(resample<torch::nn::ConvTranspose2dOptions>(w, 1, true)));
  initDcgan(*this);
}

torch::Tensor DcganGeneratorImpl::projected(const torch::Tensor& z) {
  const auto x = project_->forward(z).view({z.size(0), 2 * options_.width(), kSeedSide, kSeedSide});
  return torch::relu(project_norm_->forward(x));
}

torch::Tensor DcganGeneratorImpl::forward(torch::Tensor z) {
  const auto x = torch::relu(up1_norm_->forward(up1_->forward(projected(z))));
  return torch::tanh(up2_->forward(x)).view({z.size(0), kImagePixels});
}

torch::Tensor DcganGeneratorImpl::firstHidden(torch::Tensor z) {
  return projected(z).flatten(1);
}

DcganDiscriminatorImpl::DcganDiscriminatorImpl(const DcganDiscriminatorOptions& options)
    : options_(options) {
  requirePositive("DCGAN discriminator width", options.width());
  requirePositive("DCGAN discriminator pack", options.pack());
  const int64_t w = options.width();
  const int64_t channels = options.pack() + (options.stddev_feature() ? 1 : 0);
  down1_ = register_module(
      "down1", torch::nn::Conv2d(resample<torch::nn::Conv2dOptions>(channels, w, true)));
  down2_ = register_module("down2",
                           torch::nn::Conv2d(resample<torch::nn::Conv2dOptions>(w, 2 * w, false)));
  down2_norm_ = register_module("down2_norm", torch::nn::BatchNorm2d(2 * w));
  score_ = register_module("score", torch::nn::Linear(2 * w * kSeedArea, 1));
  initDcgan(*this);
}

torch::Tensor DcganDiscriminatorImpl::forward(torch::Tensor x) {
  if (x.dim() != 2 || x.size(1) != options_.in_features()) {
    throw std::invalid_argument("DCGAN discriminator: rows must be [n, " +
                                std::to_string(options_.in_features()) + "] (got " +
                                c10::str(x.sizes()) + ")");
  }
  const int64_t n = x.size(0);
  const int64_t pixels = kImagePixels * options_.pack();
  auto images = x.narrow(1, 0, pixels).reshape({n, options_.pack(), kImageSide, kImageSide});
  if (options_.stddev_feature()) {
    auto feature =
        x.narrow(1, pixels, 1).reshape({n, 1, 1, 1}).expand({n, 1, kImageSide, kImageSide});
    images = torch::cat({images, feature}, 1);
  }
  auto h = torch::leaky_relu(down1_->forward(images), kLeakyReluSlope);
  h = torch::leaky_relu(down2_norm_->forward(down2_->forward(h)), kLeakyReluSlope);
  return score_->forward(h.flatten(1));
}

}  // namespace ganscope
