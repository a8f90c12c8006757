// A DCGAN for 28 x 28 images (Radford et al. 2015): G projects z to 2w x 7 x 7 and upsamples
// with two stride-2 transposed convolutions; D mirrors it with two stride-2 convolutions.
// BatchNorm everywhere but G's output and D's input layer, ReLU in G, LeakyReLU(0.2) in D.
#pragma once
#include <torch/torch.h>

#include "core/api/config.hpp"
#include "core/models/network.hpp"

namespace ganscope {

/// DCGAN's initialisation: weights of convolutions and linear layers ~ N(0, 0.02), BatchNorm
/// scales ~ N(1, 0.02), every bias 0 (the paper; pytorch/examples dcgan's weights_init).
inline constexpr double kDcganInitStd = 0.02;

struct DcganGeneratorOptions {
  TORCH_ARG(int64_t, latent_dim) = 100;  ///< width of z
  TORCH_ARG(int64_t, width) = 64;        ///< w: channels at 14 x 14 (2w at 7 x 7)
};

/// G: z [n, latent_dim] -> Linear -> [n, 2w, 7, 7] -> BN, ReLU -> ConvT(2w, w, 4, 2, 1) -> BN,
/// ReLU -> ConvT(w, 1, 4, 2, 1) -> Tanh -> flat rows [n, 784] in [-1, 1].
class DcganGeneratorImpl : public Network {
 public:
  explicit DcganGeneratorImpl(const DcganGeneratorOptions& options = {});
  torch::Tensor forward(torch::Tensor z) override;
  /// The projection block, Linear, BN and ReLU, flattened: [n, 2w * 49].
  torch::Tensor firstHidden(torch::Tensor z) override;

  const DcganGeneratorOptions& options() const { return options_; }

 private:
  /// z through the projection block: [n, 2w, 7, 7].
  torch::Tensor projected(const torch::Tensor& z);

  DcganGeneratorOptions options_;
  torch::nn::Linear project_{nullptr};
  torch::nn::BatchNorm2d project_norm_{nullptr};
  torch::nn::ConvTranspose2d up1_{nullptr};
  torch::nn::BatchNorm2d up1_norm_{nullptr};
  torch::nn::ConvTranspose2d up2_{nullptr};
};
TORCH_MODULE(DcganGenerator);

struct DcganDiscriminatorOptions {
  /// Width of a row: kImagePixels * pack, + 1 with the stddev feature.
  int64_t in_features() const { return kImagePixels * pack_ + (stddev_feature_ ? 1 : 0); }

  TORCH_ARG(int64_t, width) = 64;           ///< w: channels at 14 x 14 (2w at 7 x 7)
  TORCH_ARG(int64_t, pack) = 1;             ///< images per row, stacked as channels (PacGAN)
  TORCH_ARG(bool, stddev_feature) = false;  ///< a row ends in the minibatch-stddev feature
};

/// D: rows [n, in_features] -> [n, pack (+ 1), 28, 28] (the stddev feature as one more constant
/// channel) -> Conv(c, w, 4, 2, 1), LeakyReLU -> Conv(w, 2w, 4, 2, 1), BN, LeakyReLU -> Linear
/// (2w * 49, 1): raw logits [n, 1] (the losses apply the sigmoid).
class DcganDiscriminatorImpl : public Network {
 public:
  explicit DcganDiscriminatorImpl(const DcganDiscriminatorOptions& options = {});
  torch::Tensor forward(torch::Tensor x) override;

  const DcganDiscriminatorOptions& options() const { return options_; }

 private:
  DcganDiscriminatorOptions options_;
  torch::nn::Conv2d down1_{nullptr};
  torch::nn::Conv2d down2_{nullptr};
  torch::nn::BatchNorm2d down2_norm_{nullptr};
  torch::nn::Linear score_{nullptr};
};
TORCH_MODULE(DcganDiscriminator);

}  // namespace ganscope
