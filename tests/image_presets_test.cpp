// The image presets do what their descriptions promise, measured by the classifier's metrics
// through the executable: fashion-dcgan's Frechet distance falls as it trains, fashion-collapse
// covers fewer classes than fashion-fix (the same config plus PacGAN) at the same length, and
// mnist-dcgan names its missing folder. Uses the classifier cache of image_classifier_cache.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "core/config/overrides.hpp"
#include "core/config/presets.hpp"
#include "test_util.hpp"

namespace ganscope {
namespace {

using test::runGanscope;

nlohmann::json metricsOf(const std::string& args, const std::string& name) {
  const auto dir = test::tempDir(name);
  const auto r = runGanscope("--headless " + args, dir);
  EXPECT_EQ(r.exit_code, 0) << r.err;
  return r.exit_code == 0 ? nlohmann::json::parse(r.out) : nlohmann::json();
}

TEST(ImagePresetsTest, FashionDcganLowersTheFrechetDistance) {
  const nlohmann::json start = metricsOf("--preset fashion-dcgan --steps 1", "dcgan-1");
  const nlohmann::json trained = metricsOf("--preset fashion-dcgan --steps 400", "dcgan-400");
  ASSERT_TRUE(start.is_object() && trained.is_object());
  const double before = start["frechet_distance"], after = trained["frechet_distance"];
  EXPECT_LT(after, 0.6 * before) << "step 1: " << before << ", step 400: " << after;
  EXPECT_GT(after, trained["frechet_floor"].get<double>());  // not yet the real images
}

TEST(ImagePresetsTest, FashionCollapseCoversFewerClassesThanFashionFix) {
  // fashion-fix is fashion-collapse plus one remedy: the two differ in D's pack alone.
  const auto differences =
      differingFields(presetConfig("fashion-collapse"), presetConfig("fashion-fix"));
  std::vector<std::string> paths;
  for (const FieldDifference& d : differences) paths.push_back(d.path);
  EXPECT_EQ(paths, (std::vector<std::string>{"discriminator.pack"}));
  // Both at once, on two trainer threads, at the presets' own length.
  const nlohmann::json both =
      metricsOf("--preset fashion-collapse --compare discriminator.pack=4", "collapse-fix");
  ASSERT_TRUE(both.is_object());
  const nlohmann::json& collapse = both["runs"][0];
  const nlohmann::json& fix = both["runs"][1];
  EXPECT_LT(collapse["classes_covered"].get<int>(), fix["classes_covered"].get<int>());
  EXPECT_GT(collapse["class_kl"].get<double>(), 2 * fix["class_kl"].get<double>());
  EXPECT_LE(collapse["classes_covered"].get<int>(), 8);  // collapsed, not merely uneven
}

TEST(ImagePresetsTest, MnistDcganNamesItsMissingFolder) {
  const auto dir = test::tempDir("mnist-missing");
  const auto r = runGanscope("--headless --preset mnist-dcgan --steps 1", dir);
  if (r.exit_code == 0) GTEST_SKIP() << "this machine has the MNIST files";
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("/usr/share/datasets/mnist"), std::string::npos) << r.err;
  // The control: the same preset on Fashion-MNIST's folder trains.
  const auto fashion = runGanscope(
      "--headless --preset mnist-dcgan --steps 1 --data /usr/share/datasets/fashion-mnist", dir);
  EXPECT_EQ(fashion.exit_code, 0) << fashion.err;
}

}  // namespace
}  // namespace ganscope
