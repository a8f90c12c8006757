// The classifier's layers as functional calls over parameters it initialises itself.
#include "core/metrics/image_classifier.hpp"

#include <ATen/CPUGeneratorImpl.h>

#include <cmath>
#include <stdexcept>
#include <string>

#include "core/api/config.hpp"

namespace ganscope {
namespace {

/// U(-1/sqrt(fan_in), 1/sqrt(fan_in)): what torch::nn's Conv2d and Linear draw by default.
torch::Tensor uniformInit(at::IntArrayRef shape, int64_t fan_in, at::Generator& random) {
  const double bound = 1.0 / std::sqrt(static_cast<double>(fan_in));
  return torch::empty(shape).uniform_(-bound, bound, random);
}

void checkImages(const torch::Tensor& images) {
  if (images.dim() != 2 || images.size(1) != kImagePixels) {
    throw std::invalid_argument("image classifier: images must be [n, " +
                                std::to_string(kImagePixels) + "], got " +
                                c10::str(images.sizes()));
  }
}

}  // namespace

ImageClassifierImpl::ImageClassifierImpl(const ImageClassifierOptions& options)
    : options_(options) {
  if (options.conv1() < 1 || options.conv2() < 1 || options.hidden() < 1 || options.classes() < 2) {
    throw std::invalid_argument(
        "image classifier: conv1, conv2 and hidden must be >= 1 and "
        "classes >= 2");
  }
  at::Generator random = at::make_generator<at::CPUGeneratorImpl>(options.seed());
  const int64_t c1 = options.conv1(), c2 = options.conv2(), flat = c2 * 7 * 7;
  conv1_w_ = register_parameter("conv1_weight", uniformInit({c1, 1, 3, 3}, 9, random));
  conv1_b_ = register_parameter("conv1_bias", uniformInit({c1}, 9, random));
  conv2_w_ = register_parameter("conv2_weight", uniformInit({c2, c1, 3, 3}, c1 * 9, random));
  conv2_b_ = register_parameter("conv2_bias", uniformInit({c2}, c1 * 9, random));
  fc1_w_ = register_parameter("fc1_weight", uniformInit({options.hidden(), flat}, flat, random));
  fc1_b_ = register_parameter("fc1_bias", uniformInit({options.hidden()}, flat, random));
  fc2_w_ = register_parameter(
      "fc2_weight", uniformInit({options.classes(), options.hidden()}, options.hidden(), random));
  fc2_b_ =
      register_parameter("fc2_bias", uniformInit({options.classes()}, options.hidden(), random));
  norm1_ = registerNorm("norm1", c1);
  norm2_ = registerNorm("norm2", c2);
}

ImageClassifierImpl::Norm ImageClassifierImpl::registerNorm(const std::string& name,
                                                            int64_t channels) {
  return {register_parameter(name + "_weight", torch::ones({channels})),
          register_parameter(name + "_bias", torch::zeros({channels})),
          register_buffer(name + "_running_mean", torch::zeros({channels})),
          register_buffer(name + "_running_var", torch::ones({channels}))};
}

torch::Tensor ImageClassifierImpl::normalise(const torch::Tensor& x, const Norm& norm) {
  return torch::batch_norm(x, norm.weight, norm.bias, norm.mean, norm.var, is_training(),
                           /*momentum=*/0.1, /*eps=*/1e-5, /*cudnn_enabled=*/false);
}

torch::Tensor ImageClassifierImpl::forwardFeatures(const torch::Tensor& images) {
  checkImages(images);
  torch::Tensor x = images.view({-1, 1, kImageSide, kImageSide});
  x = torch::conv2d(x, conv1_w_, conv1_b_, 1, 1);
  x = torch::max_pool2d(torch::relu(normalise(x, norm1_)), 2);  // 14 x 14
  x = torch::conv2d(x, conv2_w_, conv2_b_, 1, 1);
  x = torch::max_pool2d(torch::relu(normalise(x, norm2_)), 2);  // 7 x 7
  return torch::relu(torch::linear(x.flatten(1), fc1_w_, fc1_b_));
}

torch::Tensor ImageClassifierImpl::forward(const torch::Tensor& images) {
  return torch::linear(forwardFeatures(images), fc2_w_, fc2_b_);
}

template <class Pass>
torch::Tensor ImageClassifierImpl::evaluate(const torch::Tensor& images, Pass pass) {
  checkImages(images);
  torch::NoGradGuard no_grad;
  const bool was_training = is_training();
  eval();
  std::vector<torch::Tensor> parts;
  for (int64_t start = 0; start < images.size(0); start += kEvalBatch) {
    const int64_t count = std::min(kEvalBatch, images.size(0) - start);
    parts.push_back(pass(images.narrow(0, start, count).to(torch::kFloat32).contiguous()));
  }
  train(was_training);
  if (parts.empty()) return pass(images.to(torch::kFloat32));  // [0, ...] of the right width
  return torch::cat(parts);
}

torch::Tensor ImageClassifierImpl::logits(const torch::Tensor& images) {
  return evaluate(images, [this](const torch::Tensor& x) { return forward(x); });
}

torch::Tensor ImageClassifierImpl::features(const torch::Tensor& images) {
  return evaluate(images, [this](const torch::Tensor& x) { return forwardFeatures(x); });
}

torch::Tensor ImageClassifierImpl::predict(const torch::Tensor& images,
                                           std::span<const int> among) {
  const torch::Tensor out = logits(images);
  if (among.empty()) return out.argmax(1);
  std::vector<int64_t> ids;
  for (int id : among) {
    if (id < 0 || id >= options_.classes()) {
      throw std::invalid_argument("image classifier: class " + std::to_string(id) +
                                  " is outside [0, " + std::to_string(options_.classes()) + ")");
    }
    ids.push_back(id);
  }
  const torch::Tensor index = torch::tensor(ids, torch::kInt64);
  return index.index_select(0, out.index_select(1, index).argmax(1));
}

}  // namespace ganscope
