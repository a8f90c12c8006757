// ImageData: the class filter over a loaded ImageSet and uniform draws from it.
#include "core/data/image_data.hpp"

#include "common/file_error.hpp"

namespace ganscope {
namespace {

/// Positions of the labels that are among `classes`.
torch::Tensor indicesOf(const torch::Tensor& labels, const std::vector<int>& classes) {
  torch::Tensor keep = torch::zeros_like(labels, torch::kBool);
  for (int c : classes) keep.logical_or_(labels == c);
  return keep.nonzero().flatten();
}

}  // namespace

ImageData::ImageData(const DataConfig& config) : classes_(imageClasses(config)) {
  try {
    set_ = loadImageSet(config.path);
  } catch (const FileError& error) {
    throw ConfigError("data.path", error.what());
  }
  train_indices_ = indicesOf(set_->train_labels, classes_);
  test_indices_ = indicesOf(set_->test_labels, classes_);
  for (int c : classes_) {
    if (!(set_->train_labels == c).any().item<bool>()) {
      throw ConfigError("data.classes",
                        "class " + std::to_string(c) + " has no training images in " + config.path);
    }
  }
}

void ImageData::sample(const torch::Tensor& out, at::Generator& generator) {
  const int64_t n = out.size(0);
  draw_ = torch::randint(train_indices_.size(0), {n}, generator, torch::kLong);
  const torch::Tensor picked =
      set_->train_images.index_select(0, train_indices_.index_select(0, draw_));
  out.copy_(picked).div_(127.5).sub_(1);
}

torch::Tensor pixelsToRows(const torch::Tensor& pixels) {
  return pixels.to(torch::kFloat).div_(127.5).sub_(1);
}

torch::Tensor rowsToPixels(const torch::Tensor& rows) {
  return rows.add(1).mul_(127.5).round_().clamp_(0, 255).to(torch::kUInt8);
}

}  // namespace ganscope
