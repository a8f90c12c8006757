// ImageSet: one folder of MNIST-format files (train and t10k images and labels), read once and
// kept: a reset, a second run or a preset on the same unchanged folder reuses the loaded bytes.
#pragma once
#include <torch/torch.h>

#include <memory>
#include <string>

namespace ganscope {

/// The four files of a folder, as uint8 tensors. Immutable once loaded (shared between runs).
struct ImageSet {
  std::string folder;
  torch::Tensor train_images;  ///< uint8 [n, 784], row-major 28 x 28 images
  torch::Tensor train_labels;  ///< int64 [n], each in 0..9
  torch::Tensor test_images;   ///< uint8 [m, 784]
  torch::Tensor test_labels;   ///< int64 [m]
};

/// The file names looked for in a folder, each raw or with ".gz" appended.
inline constexpr const char* kTrainImagesFile = "train-images-idx3-ubyte";
inline constexpr const char* kTrainLabelsFile = "train-labels-idx1-ubyte";
inline constexpr const char* kTestImagesFile = "t10k-images-idx3-ubyte";
inline constexpr const char* kTestLabelsFile = "t10k-labels-idx1-ubyte";

/// The set in `folder`: loaded now, or the one loaded before if no file has changed since
/// (size and modification time). Throws FileError naming the folder or file at fault: a folder
/// that is missing or not a folder, a file missing (with the names expected), a file that is
/// not IDX or whose images are not 28 x 28, labels that do not match.
std::shared_ptr<const ImageSet> loadImageSet(const std::string& folder);

}  // namespace ganscope
