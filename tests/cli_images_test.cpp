// The executable on image runs: --dump-samples writes an IDX3 file anyone can read, --grid-png
// the sample grid, the metrics JSON carries the class metrics, and image-only options refuse
// other runs. Uses the classifier cache the image_classifier_cache fixture fills.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "common/idx_file.hpp"
#include "common/image_grid.hpp"
#include "core/api/config.hpp"
#include "test_util.hpp"

#include <stb_image.h>

namespace ganscope {
namespace {

using test::runGanscope;

const std::string kSmall = std::string(GANSCOPE_SOURCE_DIR) + "/tests/data/images_small.json";

TEST(CliImagesTest, SamplesGridAndClassMetricsAreWritten) {
  const auto dir = test::tempDir("cli-images");
  const auto r = runGanscope("--headless --config " + kSmall + " --dump-samples " +
                                 (dir / "s.idx").string() + " --num-samples 50 --grid-png " +
                                 (dir / "g.png").string() + " --out " + (dir / "m.json").string(),
                             dir);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  // IDX3 of unsigned bytes, 50 x 28 x 28, read by the same reader as Fashion-MNIST.
  const IdxArray samples = readIdxFile((dir / "s.idx").string());
  EXPECT_EQ(samples.dims, (std::vector<uint32_t>{50, 28, 28}));
  const auto [lo, hi] = std::minmax_element(samples.data.begin(), samples.data.end());
  EXPECT_LT(*lo, *hi);  // not a blank picture
  // The grid: 8 x 8 cells.
  int width = 0, height = 0, channels = 0;
  stbi_uc* png = stbi_load((dir / "g.png").string().c_str(), &width, &height, &channels, 4);
  ASSERT_NE(png, nullptr);
  stbi_image_free(png);
  EXPECT_EQ(width, gridWidth(ImageGridOptions{.side = 8}));
  EXPECT_EQ(height, gridHeight(ImageGridOptions{.side = 8}));
  const nlohmann::json m = nlohmann::json::parse(r.out);
  EXPECT_EQ(m["steps"], 40);
  EXPECT_EQ(m["metrics_step"], 40) << r.out;
  EXPECT_EQ(m["class_hist"].size(), 10u);
  EXPECT_GE(m["classifier_accuracy"].get<double>(), 0.9);
  EXPECT_GT(m["frechet_distance"].get<double>(), m["frechet_floor"].get<double>());
  for (const char* key : {"classes_covered", "class_kl", "precision", "recall", "diversity"}) {
    EXPECT_TRUE(m[key].is_number()) << key;
  }
  // The history ends with the final figures, each with its training time.
  const nlohmann::json& history = m["image_history"];
  ASSERT_FALSE(history.empty());
  EXPECT_EQ(history.back()["step"], 40);
  EXPECT_EQ(history.back()["frechet_distance"].get<double>(), m["frechet_distance"].get<double>());
  EXPECT_LE(history.back()["seconds"].get<double>(), m["seconds"].get<double>());
  EXPECT_GT(history.back()["seconds"].get<double>(), 0);
  // The control: a 2-D run has none.
  const auto plane = runGanscope("--headless --preset ring-collapse --steps 5", dir);
  ASSERT_EQ(plane.exit_code, 0) << plane.err;
  EXPECT_FALSE(nlohmann::json::parse(plane.out).contains("image_history"));
}

TEST(CliImagesTest, ImageOptionsRefuseOtherRuns) {
  const auto dir = test::tempDir("cli-images-refuse");
  const auto grid = runGanscope(
      "--headless --preset ring-collapse --steps 5 --grid-png " + (dir / "g.png").string(), dir);
  EXPECT_EQ(grid.exit_code, 2);
  EXPECT_NE(grid.err.find("--grid-png"), std::string::npos) << grid.err;
  const auto data = runGanscope("--headless --preset ring-collapse --data /tmp --steps 5", dir);
  EXPECT_EQ(data.exit_code, 2);
  EXPECT_NE(data.err.find("--data: needs an image preset"), std::string::npos) << data.err;
  // The control: the same --data on an image config gets as far as the folder's files.
  const auto missing =
      runGanscope("--headless --config " + kSmall + " --data " + dir.string(), dir);
  EXPECT_EQ(missing.exit_code, 2);
  EXPECT_NE(missing.err.find("has no train-images-idx3-ubyte"), std::string::npos) << missing.err;
}

}  // namespace
}  // namespace ganscope
