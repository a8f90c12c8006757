// The real images' statistics cache: a file written on the first call and read on the next,
// exactly what a fresh computation gives; keyed on the classifier's weights, classes and options;
// a corrupt, truncated or mismatched file recomputed and rewritten, never trusted.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <vector>

#include "common/byte_stream.hpp"
#include "core/metrics/real_statistics_cache.hpp"
#include "test_util.hpp"

namespace ganscope {
namespace {

/// Images in [-1, 1] with labels 0..9 in turn: enough for the statistics, no dataset needed.
LabelledTensors randomImages(int64_t n, uint64_t seed) {
  torch::manual_seed(seed);
  return {torch::rand({n, 784}) * 2 - 1, torch::arange(n, torch::kInt64).remainder(10)};
}

struct Fixture {
  ImageClassifier classifier{ImageClassifierOptions{}};  // untrained: its features will do
  LabelledTensors train = randomImages(300, 1), test = randomImages(200, 2);
  ImageMetricsOptions options{.train_subset = 100};
  std::vector<int> classes{0, 1, 2, 3, 4, 5, 6, 7, 8, 9};
  std::string dir;

  explicit Fixture(const std::string& name) : dir(test::tempDir(name).string()) {
    classifier->eval();
  }
  LoadedRealStatistics load(const std::vector<int>& which) {
    return loadOrComputeRealStatistics(classifier, "aaaaaaaa-bbbbbbbb", train, test, which, dir,
                                       options);
  }
  LoadedRealStatistics load() { return load(classes); }
};

void expectSame(const RealImageStatistics& a, const RealImageStatistics& b) {
  EXPECT_TRUE(torch::equal(a.test_features, b.test_features));
  EXPECT_TRUE(torch::equal(a.train_features, b.train_features));
  EXPECT_TRUE(torch::equal(a.test_gaussian.mean, b.test_gaussian.mean));
  EXPECT_TRUE(torch::equal(a.test_gaussian.cov, b.test_gaussian.cov));
  EXPECT_EQ(a.real_diversity, b.real_diversity);
  EXPECT_EQ(a.test_features.scalar_type(), torch::kFloat64);
}

void flipByte(const std::string& path, std::streamoff from_end) {
  std::fstream file(path, std::ios::in | std::ios::out | std::ios::binary);
  file.seekg(-from_end, std::ios::end);
  char c = 0;
  file.read(&c, 1);
  file.seekp(-from_end, std::ios::end);
  c = static_cast<char>(c ^ 0x5a);
  file.write(&c, 1);
}

TEST(RealStatisticsCacheTest, TheSecondRunReadsExactlyWhatTheFirstComputed) {
  Fixture f("real-stats-reuse");
  const LoadedRealStatistics first = f.load();
  EXPECT_FALSE(first.from_cache);
  EXPECT_EQ(first.note, "");
  ASSERT_TRUE(std::filesystem::is_regular_file(first.path)) << first.path;
  const LoadedRealStatistics second = f.load();
  EXPECT_TRUE(second.from_cache) << second.note;
  EXPECT_EQ(second.path, first.path);
  expectSame(second.real, first.real);
  expectSame(second.real, realImageStatistics(f.classifier, f.train, f.test, f.classes, f.options));
  // An evaluator on the cached statistics gives the metrics of one that computed its own.
  ImageMetricsEvaluator cached(f.classifier, 0.5, second.real, f.classes);
  ImageMetricsEvaluator fresh(f.classifier, 0.5, f.train, f.test, f.classes, f.options);
  const torch::Tensor samples = randomImages(50, 3).images;
  const ImageMetrics a = cached.evaluate(samples, 7), b = fresh.evaluate(samples, 7);
  EXPECT_EQ(a.frechet, b.frechet);
  EXPECT_EQ(a.frechet_floor, b.frechet_floor);
  EXPECT_EQ(a.precision, b.precision);
  EXPECT_EQ(a.recall, b.recall);
  EXPECT_EQ(a.real_diversity, b.real_diversity);
}

TEST(RealStatisticsCacheTest, TheKeyNamesTheClassifiersWeightsTheClassesAndTheOptions) {
  Fixture f("real-stats-key");
  const std::string key = realStatisticsKey("k", f.classifier, f.classes, f.options);
  EXPECT_EQ(realStatisticsKey("k", f.classifier, f.classes, f.options), key);  // the control
  EXPECT_NE(realStatisticsKey("other", f.classifier, f.classes, f.options), key);
  const ImageClassifier retrained(ImageClassifierOptions{}.seed(10));
  EXPECT_NE(realStatisticsKey("k", retrained, f.classes, f.options), key);
  EXPECT_NE(realStatisticsKey("k", f.classifier, std::vector<int>{0, 1}, f.options), key);
  EXPECT_NE(realStatisticsKey("k", f.classifier, f.classes, {.train_subset = 99}), key);
  EXPECT_NE(realStatisticsKey("k", f.classifier, f.classes, {.seed = 12}), key);
  // A class filter gets a file of its own, with its own statistics.
  const LoadedRealStatistics all = f.load(), few = f.load({0, 1});
  EXPECT_FALSE(few.from_cache);
  EXPECT_NE(few.path, all.path);
  EXPECT_EQ(few.real.test_features.size(0), 40);  // 200 test images, a fifth of them 0 or 1
  EXPECT_TRUE(f.load({0, 1}).from_cache);
}

TEST(RealStatisticsCacheTest, ACorruptOrTruncatedFileIsRecomputedAndRewritten) {
  Fixture f("real-stats-corrupt");
  const LoadedRealStatistics first = f.load();
  flipByte(first.path, 100);  // inside the covariance
  const LoadedRealStatistics corrupt = f.load();
  EXPECT_FALSE(corrupt.from_cache);
  EXPECT_NE(corrupt.note.find("checksum mismatch"), std::string::npos) << corrupt.note;
  expectSame(corrupt.real, first.real);
  EXPECT_TRUE(f.load().from_cache) << "rewritten";

  std::filesystem::resize_file(first.path, std::filesystem::file_size(first.path) - 8);
  const LoadedRealStatistics truncated = f.load();
  EXPECT_FALSE(truncated.from_cache);
  EXPECT_NE(truncated.note.find("truncated"), std::string::npos) << truncated.note;
  EXPECT_TRUE(f.load().from_cache);

  std::ofstream(first.path, std::ios::trunc) << "not statistics";
  const LoadedRealStatistics garbage = f.load();
  EXPECT_FALSE(garbage.from_cache);
  EXPECT_NE(garbage.note.find("not a ganscope real-statistics file"), std::string::npos)
      << garbage.note;
}

TEST(RealStatisticsCacheTest, DecodingRefusesAnotherKeyOrShape) {
  Fixture f("real-stats-decode");
  const RealImageStatistics real =
      realImageStatistics(f.classifier, f.train, f.test, f.classes, f.options);
  const std::string bytes = encodeRealStatistics(real, "key");
  expectSame(decodeRealStatistics(bytes, "file", "key", 200, 100, 128), real);
  const auto refusal = [&](const std::string& key, int64_t test_rows, int64_t train_rows,
                           int64_t features) {
    try {
      decodeRealStatistics(bytes, "file", key, test_rows, train_rows, features);
    } catch (const FormatError& error) {
      return std::string(error.what());
    }
    return std::string("accepted");
  };
  EXPECT_NE(refusal("other", 200, 100, 128).find("its key differs"), std::string::npos);
  EXPECT_NE(refusal("key", 199, 100, 128)
                .find("the test images' features: shape [200, 128], "
                      "expected [199, 128]"),
            std::string::npos)
      << refusal("key", 199, 100, 128);
  EXPECT_NE(refusal("key", 200, 101, 128).find("the training images' features"), std::string::npos);
  EXPECT_NE(refusal("key", 200, 100, 64).find("shape"), std::string::npos);
}

}  // namespace
}  // namespace ganscope
