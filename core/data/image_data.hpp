// ImageData: p_data of an image run: the training images of the configured folder and classes,
// drawn uniformly with replacement, as flat rows of 784 pixels in [-1, 1] (x = byte / 127.5 - 1).
#pragma once
#include <torch/torch.h>

#include <memory>
#include <vector>

#include "core/api/config.hpp"
#include "core/data/data_source.hpp"
#include "core/data/image_set.hpp"

namespace ganscope {

class ImageData : public DataSource {
 public:
  /// Loads (or reuses) config.path and keeps the images of imageClasses(config). Throws
  /// ConfigError("data.path", ...) when the folder cannot be used, ConfigError("data.classes",
  /// ...) when a chosen class has no training images.
  explicit ImageData(const DataConfig& config);

  int dim() const override { return kImagePixels; }
  void sample(const torch::Tensor& out, at::Generator& generator) override;

  const ImageSet& set() const { return *set_; }
  const std::shared_ptr<const ImageSet>& shared() const { return set_; }
  /// The classes trained on, ascending.
  const std::vector<int>& classes() const { return classes_; }
  /// Indices into set().train_images / test_images of the images of those classes.
  const torch::Tensor& trainIndices() const { return train_indices_; }
  const torch::Tensor& testIndices() const { return test_indices_; }

 private:
  std::shared_ptr<const ImageSet> set_;
  std::vector<int> classes_;
  torch::Tensor train_indices_, test_indices_;  ///< int64
  torch::Tensor draw_;                          ///< scratch: the drawn positions
};

/// uint8 pixels [n, 784] (any integer tensor) as float rows in [-1, 1].
torch::Tensor pixelsToRows(const torch::Tensor& pixels);
/// Float rows in [-1, 1] as uint8 pixels: round((x + 1) / 2 * 255), clamped to 0..255.
torch::Tensor rowsToPixels(const torch::Tensor& rows);

}  // namespace ganscope
