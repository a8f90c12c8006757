// Image data: Debian's Fashion-MNIST loads once and is reused, pixels map to [-1, 1] and back,
// the class filter keeps only its classes, and a bad folder is refused naming what is wrong.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "common/file_error.hpp"
#include "core/data/image_data.hpp"
#include "core/data/image_set.hpp"
#include "test_util.hpp"

namespace ganscope {
namespace {

namespace fs = std::filesystem;

using test::expectConfigError;

TEST(ImageDataTest, DebiansFashionMnistLoadsOnceAndIsReused) {
  const auto set = loadImageSet(kDefaultImageFolder);
  EXPECT_EQ(set->train_images.sizes(), (c10::IntArrayRef{60000, kImagePixels}));
  EXPECT_EQ(set->test_images.sizes(), (c10::IntArrayRef{10000, kImagePixels}));
  EXPECT_EQ(set->train_labels.max().item<int64_t>(), 9);
  EXPECT_EQ(loadImageSet(kDefaultImageFolder).get(), set.get());  // not read again
}

TEST(ImageDataTest, PixelsMapToMinusOneToOneAndBackExactly) {
  const torch::Tensor bytes = torch::arange(256, torch::kLong).to(torch::kUInt8).reshape({1, 256});
  const torch::Tensor rows = pixelsToRows(bytes);
  EXPECT_EQ(rows.min().item<float>(), -1.0f);
  EXPECT_EQ(rows.max().item<float>(), 1.0f);
  EXPECT_TRUE(rowsToPixels(rows).equal(bytes));
  // Beyond the range: clamped, not wrapped.
  EXPECT_EQ(rowsToPixels(torch::tensor({{-3.0f, 3.0f}})).to(torch::kLong)[0][1].item<int64_t>(),
            255);
}

TEST(ImageDataTest, TheClassFilterKeepsOnlyItsClasses) {
  DataConfig config;
  config.kind = DataKind::Images;
  config.classes = "7,0";
  ImageData data(config);
  EXPECT_EQ(data.classes(), (std::vector<int>{0, 7}));
  EXPECT_EQ(data.trainIndices().size(0), 12000);  // 6000 per class
  const torch::Tensor labels = data.set().train_labels.index_select(0, data.trainIndices());
  EXPECT_TRUE(((labels == 0) | (labels == 7)).all().item<bool>());
  // Samples are training images of those classes, as rows in [-1, 1].
  at::Generator generator = at::detail::createCPUGenerator(3);
  torch::Tensor batch = torch::empty({64, kImagePixels});
  data.sample(batch, generator);
  EXPECT_GE(batch.min().item<float>(), -1.0f);
  EXPECT_LE(batch.max().item<float>(), 1.0f);
  const torch::Tensor kept =
      pixelsToRows(data.set().train_images.index_select(0, data.trainIndices()));
  for (int i = 0; i < 4; ++i) {
    EXPECT_TRUE((kept - batch[i]).abs().sum(1).eq(0).any().item<bool>()) << "sample " << i;
  }
  // The control: all classes draw from all 60,000.
  EXPECT_EQ(ImageData(DataConfig{.kind = DataKind::Images}).trainIndices().size(0), 60000);
}

TEST(ImageDataTest, ABadFolderIsRefusedNamingWhatIsWrong) {
  DataConfig config;
  config.kind = DataKind::Images;
  config.path = "/nonexistent/fashion";
  expectConfigError([&] { ImageData data(config); }, "data.path", "no such folder");
  const fs::path dir = fs::temp_directory_path() / ("ganscope_images_" + std::to_string(getpid()));
  fs::create_directories(dir);
  config.path = (dir / "file").string();
  std::ofstream(config.path) << "x";
  expectConfigError([&] { ImageData data(config); }, "data.path", "not a folder");
  config.path = dir.string();
  expectConfigError([&] { ImageData data(config); }, "data.path", "has no train-images-idx3-ubyte");
  // Three of four files present: the missing one is named.
  for (const char* name : {kTrainImagesFile, kTrainLabelsFile, kTestImagesFile}) {
    fs::copy_file(std::string(kDefaultImageFolder) + "/" + name + ".gz",
                  dir / (std::string(name) + ".gz"));
  }
  expectConfigError([&] { ImageData data(config); }, "data.path", "has no t10k-labels-idx1-ubyte");
  // A label file that belongs to other images: the counts disagree.
  fs::copy_file(std::string(kDefaultImageFolder) + "/" + kTrainLabelsFile + ".gz",
                dir / (std::string(kTestLabelsFile) + ".gz"));
  expectConfigError([&] { ImageData data(config); }, "data.path", "t10k");
  fs::remove_all(dir);
}

}  // namespace
}  // namespace ganscope
