// ImageClassifier: the small CNN ganscope trains itself to name the classes of 28 x 28 images
// (conv-BatchNorm-ReLU-pool twice, then fc-ReLU-fc); its penultimate layer is the feature space of
// the Frechet distance and of precision/recall. Parameters are drawn from its own generator.
#pragma once
#include <torch/torch.h>

#include <cstdint>
#include <span>
#include <string>

namespace ganscope {

struct ImageClassifierOptions {
  TORCH_ARG(int64_t, conv1) = 32;    ///< channels of the first 3x3 convolution (28 x 28)
  TORCH_ARG(int64_t, conv2) = 64;    ///< channels of the second 3x3 convolution (14 x 14)
  TORCH_ARG(int64_t, hidden) = 128;  ///< width of the feature layer (F)
  TORCH_ARG(int64_t, classes) = 10;  ///< outputs: the dataset's classes
  TORCH_ARG(uint64_t, seed) = 9;     ///< seed of the initial weights (a generator of its own)
};

class ImageClassifierImpl : public torch::nn::Module {
 public:
  /// Builds the layers with PyTorch's default initialisation, U(-1/sqrt(fan_in), 1/sqrt(fan_in))
  /// for weights and biases (BatchNorm: scale 1, shift 0), drawn from a generator seeded with
  /// options.seed(): building one never draws from LibTorch's global generator, so it cannot
  /// change a GAN run being built. In train mode BatchNorm uses and updates batch statistics.
  explicit ImageClassifierImpl(const ImageClassifierOptions& options = {});

  /// Images [n, 784] (pixels in [-1, 1]) to logits [n, classes], with autograd (training).
  torch::Tensor forward(const torch::Tensor& images);
  /// Images [n, 784] to the feature layer's activations [n, hidden], with autograd.
  torch::Tensor forwardFeatures(const torch::Tensor& images);

  /// Rows per forward pass of the evaluation calls below: bounds their memory.
  static constexpr int64_t kEvalBatch = 1000;

  /// Logits [n, classes] (float32) in eval mode under NoGrad, batched. Throws
  /// std::invalid_argument for images that are not [n, 784].
  torch::Tensor logits(const torch::Tensor& images);
  /// The most likely class [n] (int64). With `among` non-empty, the most likely of those
  /// classes only (the active classes of a class filter; each in [0, classes)).
  torch::Tensor predict(const torch::Tensor& images, std::span<const int> among = {});
  /// The feature layer's activations [n, hidden] (float32), eval mode, NoGrad, batched.
  torch::Tensor features(const torch::Tensor& images);

  const ImageClassifierOptions& options() const { return options_; }

 private:
  /// Applies `pass` to batches of `images` in eval mode under NoGrad and concatenates.
  template <class Pass>
  torch::Tensor evaluate(const torch::Tensor& images, Pass pass);

  ImageClassifierOptions options_;
  /// A BatchNorm's scale and shift (parameters) and running statistics (buffers).
  struct Norm {
    torch::Tensor weight, bias, mean, var;
  };
  Norm registerNorm(const std::string& name, int64_t channels);
  torch::Tensor normalise(const torch::Tensor& x, const Norm& norm);

  torch::Tensor conv1_w_, conv1_b_, conv2_w_, conv2_b_, fc1_w_, fc1_b_, fc2_w_, fc2_b_;
  Norm norm1_, norm2_;
};
TORCH_MODULE(ImageClassifier);

}  // namespace ganscope
