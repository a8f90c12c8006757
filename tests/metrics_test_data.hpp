// Fashion-MNIST for the classifier and image-metric tests: read once per process, as tensors,
// and a classifier trained on a subset, cached in the build tree so later tests reuse it.
#pragma once
#include <gtest/gtest.h>

#include <filesystem>
#include <string>

#include "common/idx_file.hpp"
#include "core/metrics/classifier_cache.hpp"

namespace ganscope::test {

inline const std::string kFashionDir = "/usr/share/datasets/fashion-mnist/";

/// Fashion-MNIST's training (60,000) or test (10,000) images and labels.
inline const LabelledTensors& fashion(bool train_set) {
  static const LabelledTensors train = toTensors(readLabelledImages(
      kFashionDir + "train-images-idx3-ubyte.gz", kFashionDir + "train-labels-idx1-ubyte.gz"));
  static const LabelledTensors test = toTensors(readLabelledImages(
      kFashionDir + "t10k-images-idx3-ubyte.gz", kFashionDir + "t10k-labels-idx1-ubyte.gz"));
  return train_set ? train : test;
}

/// The first `n` rows of `data`.
inline LabelledTensors firstRows(const LabelledTensors& data, int64_t n) {
  return {data.images.narrow(0, 0, n), data.labels.narrow(0, 0, n)};
}

/// Settings of the subset classifier: the default architecture, two epochs.
inline ClassifierSettings subsetSettings() {
  ClassifierSettings settings;
  settings.training.epochs = 2;
  return settings;
}

/// The default classifier trained on the first 5,000 training images (a few seconds), measured
/// on the first 1,000 test images; cached under the test's working folder.
inline LoadedClassifier& subsetClassifier() {
  static LoadedClassifier loaded = [] {
    const std::string dir = (std::filesystem::current_path() / "metrics_test_cache").string();
    return loadOrTrain(firstRows(fashion(true), 5000), firstRows(fashion(false), 1000), dir, {},
                       nullptr, subsetSettings());
  }();
  return loaded;
}

}  // namespace ganscope::test
