// Network: the one interface of every G and D (the plain MLP, the source material's MLP GAN, the
// DCGAN): a torch::nn::Module that maps flat rows [n, in] to flat rows [n, out]. Images travel
// as flat rows of 784 pixels in [-1, 1]; a convolutional network reshapes them itself.
#pragma once
#include <torch/torch.h>

#include <memory>

namespace ganscope {

class Network : public torch::nn::Module {
 public:
  /// [n, in] -> [n, out]. In train mode a BatchNorm uses (and updates) its batch statistics;
  /// in eval mode its running ones.
  virtual torch::Tensor forward(torch::Tensor x) = 0;
  /// The activation of the network's first hidden block as flat rows [n, features] (a G's
  /// first layer and its nonlinearity, as GANSpace analyses); by default the output itself.
  /// Never used for training: forward() stays the one training pass.
  virtual torch::Tensor firstHidden(torch::Tensor x) { return forward(std::move(x)); }
};

using NetworkPtr = std::shared_ptr<Network>;

}  // namespace ganscope
