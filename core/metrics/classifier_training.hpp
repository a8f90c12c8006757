// Training the image classifier on labelled images: Adam on shuffled minibatches, a progress
// callback, a cancel flag checked every batch; and its accuracy on held-out images.
#pragma once
#include <torch/torch.h>

#include <atomic>
#include <functional>
#include <stdexcept>
#include <string>

#include "common/idx_file.hpp"
#include "core/metrics/image_classifier.hpp"

namespace ganscope {

/// Images as the engine holds them, float32 [n, 784] in [-1, 1], with int64 labels [n].
struct LabelledTensors {
  torch::Tensor images;
  torch::Tensor labels;
};

/// `data`'s images as float32 rows, pixel = byte / 127.5 - 1, and its labels as int64. Throws
/// std::invalid_argument unless the images are 28 x 28.
LabelledTensors toTensors(const LabelledImages& data);

struct ClassifierTrainOptions {
  int epochs = 2;               ///< passes over the training images
  int64_t batch = 64;           ///< images per Adam step
  double learning_rate = 1e-3;  ///< Adam's rate in the first epoch (betas 0.9, 0.999)
  double epoch_decay = 0.3;     ///< the rate is multiplied by this after each epoch
  uint64_t seed = 9;            ///< seed of the shuffling generator (a generator of its own)
};

/// Called with the share of training done, in [0, 1], and a short line saying what is happening.
using ClassifierProgress = std::function<void(float fraction, const std::string& text)>;

/// Thrown when training stops because its cancel flag became true.
class ClassifierCancelled : public std::runtime_error {
 public:
  ClassifierCancelled() : std::runtime_error("classifier training cancelled") {}
};

/// Trains `model` on `train` (labels in [0, classes)). Reports progress about 50 times (and at
/// 0 and 1) when `progress` is set; throws ClassifierCancelled soon after `*cancel` becomes true
/// (checked every batch) and std::invalid_argument for mismatched or empty data or options out
/// of range. Draws random numbers only from its own generator.
void trainClassifier(ImageClassifier& model, const LabelledTensors& train,
                     const ClassifierTrainOptions& options = {},
                     const ClassifierProgress& progress = {},
                     const std::atomic<bool>* cancel = nullptr);

/// The share of `test` images whose predicted class is their label.
double classifierAccuracy(ImageClassifier& model, const LabelledTensors& test);

}  // namespace ganscope
