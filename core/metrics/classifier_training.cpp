// The classifier's training loop and its accuracy.
#include "core/metrics/classifier_training.hpp"

#include <ATen/CPUGeneratorImpl.h>

#include <cmath>
#include <cstdio>

#include "core/api/config.hpp"

namespace ganscope {
namespace {

void checkData(const LabelledTensors& data, int64_t classes, const char* what) {
  if (data.images.dim() != 2 || data.images.size(1) != kImagePixels || data.labels.dim() != 1 ||
      data.labels.size(0) != data.images.size(0) || data.images.size(0) == 0) {
    throw std::invalid_argument(std::string(what) + ": images must be [n, " +
                                std::to_string(kImagePixels) + "] with labels [n], n >= 1; got " +
                                c10::str(data.images.sizes()) + " and " +
                                c10::str(data.labels.sizes()));
  }
  if (data.labels.scalar_type() != torch::kInt64) {
    throw std::invalid_argument(std::string(what) + ": labels must be int64");
  }
  const int64_t low = data.labels.min().item<int64_t>(), high = data.labels.max().item<int64_t>();
  if (low < 0 || high >= classes) {
    throw std::invalid_argument(std::string(what) + ": labels range over [" + std::to_string(low) +
                                ", " + std::to_string(high) + "], the classifier has " +
                                std::to_string(classes) + " classes");
  }
}

}  // namespace

LabelledTensors toTensors(const LabelledImages& data) {
  const auto& dims = data.images.dims;
  if (dims.size() != 3 || dims[1] != kImageSide || dims[2] != kImageSide) {
    throw std::invalid_argument("image classifier data: images must be N x 28 x 28, got " +
                                std::to_string(dims.size()) + " dimensions");
  }
  const auto n = static_cast<int64_t>(dims[0]);
  // from_blob only reads here: the results are new tensors (to() copies).
  auto* pixels = const_cast<uint8_t*>(data.images.data.data());
  auto* labels = const_cast<uint8_t*>(data.labels.data());
  LabelledTensors out;
  out.images =
      torch::from_blob(pixels, {n, kImagePixels}, torch::kUInt8).to(torch::kFloat32) / 127.5 - 1;
  out.labels = torch::from_blob(labels, {n}, torch::kUInt8).to(torch::kInt64);
  return out;
}

void trainClassifier(ImageClassifier& model, const LabelledTensors& train,
                     const ClassifierTrainOptions& options, const ClassifierProgress& progress,
                     const std::atomic<bool>* cancel) {
  checkData(train, model->options().classes(), "classifier training data");
  if (options.epochs < 1 || options.batch < 1 || !(options.learning_rate > 0)) {
    throw std::invalid_argument(
        "classifier training: epochs and batch must be >= 1 and the "
        "learning rate > 0");
  }
  const int64_t n = train.images.size(0);
  const int64_t batches_per_epoch = (n + options.batch - 1) / options.batch;
  const int64_t total = batches_per_epoch * options.epochs;
  const int64_t report_every = std::max<int64_t>(1, total / 50);
  at::Generator random = at::make_generator<at::CPUGeneratorImpl>(options.seed);
  torch::optim::Adam optimizer(model->parameters(),
                               torch::optim::AdamOptions(options.learning_rate));
  const torch::Tensor images = train.images.to(torch::kFloat32).contiguous();
  model->train();
  if (progress) progress(0, "training the image classifier");
  int64_t done = 0;
  for (int epoch = 0; epoch < options.epochs; ++epoch) {
    const double rate = options.learning_rate * std::pow(options.epoch_decay, epoch);
    for (auto& group : optimizer.param_groups())
      static_cast<torch::optim::AdamOptions&>(group.options()).lr(rate);
    const torch::Tensor order = torch::randperm(n, random, torch::kInt64);
    for (int64_t start = 0; start < n; start += options.batch) {
      if (cancel && cancel->load()) throw ClassifierCancelled();
      const torch::Tensor index = order.narrow(0, start, std::min(options.batch, n - start));
      const torch::Tensor loss = torch::nn::functional::cross_entropy(
          model->forward(images.index_select(0, index)), train.labels.index_select(0, index));
      optimizer.zero_grad();
      loss.backward();
      optimizer.step();
      if (++done % report_every == 0 && progress && done < total) {
        char text[96];
        std::snprintf(text, sizeof(text), "training the image classifier: epoch %d of %d",
                      epoch + 1, options.epochs);
        progress(static_cast<float>(done) / static_cast<float>(total), text);
      }
    }
  }
  model->eval();
  if (progress) progress(1, "image classifier trained");
}

double classifierAccuracy(ImageClassifier& model, const LabelledTensors& test) {
  checkData(test, model->options().classes(), "classifier test data");
  const torch::Tensor predicted = model->predict(test.images);
  return predicted.eq(test.labels).to(torch::kFloat64).mean().item<double>();
}

}  // namespace ganscope
