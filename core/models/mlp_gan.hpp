// The source material's image MLP GAN (seed 001, a PyTorch tutorial): G z -> 128 -> 256 -> 512
// -> 1024 -> 784 with BatchNorm after every block but the first, LeakyReLU(0.2) and Tanh out;
// D 784 (x pack, + 1 for the stddev feature) -> 512 -> 256 -> 1, LeakyReLU(0.2), a raw logit.
#pragma once
#include <torch/torch.h>

#include "core/api/config.hpp"
#include "core/models/network.hpp"

namespace ganscope {

/// The source's `nn.BatchNorm1d(out_feat, 0.8)`: PyTorch's second argument is eps, not momentum,
/// so its BatchNorm divides by sqrt(var + 0.8) (a strong smoothing of small variances) and keeps
/// the default momentum 0.1. We do what it does.
inline constexpr double kMlpGanBatchNormEps = 0.8;
inline constexpr double kMlpGanBatchNormMomentum = 0.1;
/// The hidden widths of the source's generator and discriminator.
inline constexpr std::array<int64_t, 4> kMlpGanGeneratorWidths = {128, 256, 512, 1024};
inline constexpr std::array<int64_t, 2> kMlpGanDiscriminatorWidths = {512, 256};

struct MlpGanGeneratorOptions {
  TORCH_ARG(int64_t, latent_dim) = 100;             ///< width of z
  TORCH_ARG(int64_t, out_features) = kImagePixels;  ///< width of a generated row (Tanh out)
};

/// G: flat z rows [n, latent_dim] -> image rows [n, out_features] in [-1, 1].
class MlpGanGeneratorImpl : public Network {
 public:
  explicit MlpGanGeneratorImpl(const MlpGanGeneratorOptions& options = {});
  torch::Tensor forward(torch::Tensor z) override;
  /// The first block, Linear(latent_dim, 128) and LeakyReLU (no BatchNorm): [n, 128].
  torch::Tensor firstHidden(torch::Tensor z) override;

  const MlpGanGeneratorOptions& options() const { return options_; }

 private:
  MlpGanGeneratorOptions options_;
  torch::nn::Sequential body_{nullptr};
};
TORCH_MODULE(MlpGanGenerator);

struct MlpGanDiscriminatorOptions {
  /// Width of a row D judges: kImagePixels * pack, + 1 with the minibatch-stddev feature.
  TORCH_ARG(int64_t, in_features) = kImagePixels;
};

/// D: rows [n, in_features] -> raw logits [n, 1] (the losses apply the sigmoid).
class MlpGanDiscriminatorImpl : public Network {
 public:
  explicit MlpGanDiscriminatorImpl(const MlpGanDiscriminatorOptions& options = {});
  torch::Tensor forward(torch::Tensor x) override;

  const MlpGanDiscriminatorOptions& options() const { return options_; }

 private:
  MlpGanDiscriminatorOptions options_;
  torch::nn::Sequential body_{nullptr};
};
TORCH_MODULE(MlpGanDiscriminator);

}  // namespace ganscope
