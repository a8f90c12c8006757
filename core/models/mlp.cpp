// Mlp: Linear layers with the configured activation between them.
#include "core/models/mlp.hpp"

namespace ganscope {

MlpOptions MlpOptions::from(const MlpConfig& config, int64_t in_features, int64_t out_features) {
  return MlpOptions(in_features, out_features)
      .hidden_layers(config.hidden_layers)
      .width(config.width)
      .activation(config.activation);
}

MlpImpl::MlpImpl(const MlpOptions& options) : options_(options) {
  int64_t in = options.in_features();
  for (int64_t i = 0; i <= options.hidden_layers(); ++i) {
    const int64_t out = i == options.hidden_layers() ? options.out_features() : options.width();
    layers_.push_back(register_module("linear" + std::to_string(i), torch::nn::Linear(in, out)));
    in = out;
  }
}

torch::Tensor MlpImpl::forward(torch::Tensor x) {
  return through(std::move(x), layers_.size());
}

torch::Tensor MlpImpl::firstHidden(torch::Tensor x) {
  return through(std::move(x), 1);
}

torch::Tensor MlpImpl::through(torch::Tensor x, size_t count) {
  for (size_t i = 0; i < count; ++i) {
    x = layers_[i]->forward(x);
    if (i + 1 == layers_.size()) break;
    switch (options_.activation()) {
      case Activation::Relu:
        x = torch::relu(x);
        break;
      case Activation::LeakyRelu:
        x = torch::leaky_relu(x, kLeakyReluSlope);
        break;
      case Activation::Tanh:
        x = torch::tanh(x);
        break;
    }
  }
  return x;
}

}  // namespace ganscope
