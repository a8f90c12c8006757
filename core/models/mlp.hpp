// Mlp: the fully connected network used for G and D in the low-dimensional scenarios.
#pragma once
#include <torch/torch.h>

#include "core/api/config.hpp"
#include "core/models/network.hpp"

namespace ganscope {

/// Slope of Activation::LeakyRelu for negative inputs.
inline constexpr double kLeakyReluSlope = 0.2;

struct MlpOptions {
  MlpOptions(int64_t in_features, int64_t out_features)
      : in_features_(in_features), out_features_(out_features) {}
  /// Options for `config` with the given input and output widths.
  static MlpOptions from(const MlpConfig& config, int64_t in_features, int64_t out_features);

  TORCH_ARG(int64_t, in_features);        ///< input width
  TORCH_ARG(int64_t, out_features);       ///< output width (no activation on the output)
  TORCH_ARG(int64_t, hidden_layers) = 2;  ///< hidden layers
  TORCH_ARG(int64_t, width) = 32;         ///< units per hidden layer
  TORCH_ARG(Activation, activation) = Activation::Relu;  ///< hidden activation
};

class MlpImpl : public Network {
 public:
  explicit MlpImpl(const MlpOptions& options);
  torch::Tensor forward(torch::Tensor x) override;
  /// The first Linear and its activation (the output when there is no hidden layer).
  torch::Tensor firstHidden(torch::Tensor x) override;

  const std::vector<torch::nn::Linear>& layers() const { return layers_; }
  const MlpOptions& options() const { return options_; }

 private:
  /// x through layers [0, count), the activation after each but the output layer.
  torch::Tensor through(torch::Tensor x, size_t count);

  MlpOptions options_;
  std::vector<torch::nn::Linear> layers_;
};
TORCH_MODULE(Mlp);

}  // namespace ganscope
