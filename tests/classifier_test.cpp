// The image classifier: accuracy after training on a subset, determinism without the global
// generator, cancel, and the cache (round trip, corrupt, truncated and mismatched files).
#include <gtest/gtest.h>

#include <ATen/CPUGeneratorImpl.h>

#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <optional>

#include "common/byte_stream.hpp"
#include "common/file_error.hpp"
#include "metrics_test_data.hpp"

namespace ganscope {
namespace {

namespace fs = std::filesystem;
using test::fashion;
using test::firstRows;

/// A fresh, empty folder for one test.
std::string freshDir(const std::string& name) {
  const fs::path dir = fs::temp_directory_path() /
                       ("ganscope-classifier-" + name + "-" + std::to_string(::getpid()));
  fs::remove_all(dir);
  fs::create_directories(dir);
  return dir.string();
}

/// Tiny settings that train in well under a second: for the cache and cancel tests.
ClassifierSettings tinySettings() {
  ClassifierSettings s;
  s.model.conv1(4).conv2(8).hidden(16);
  s.training.epochs = 1;
  return s;
}

std::string readBytes(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), {}};
}

void writeBytes(const std::string& path, const std::string& bytes) {
  std::ofstream(path, std::ios::binary | std::ios::trunc) << bytes;
}

TEST(ClassifierTest, TrainedOnASubsetReachesItsAccuracy) {
  // Measured: 0.87-0.88 on these 1,000 held-out images after 2 epochs over 5,000 (about 5 s).
  LoadedClassifier& loaded = test::subsetClassifier();
  EXPECT_GE(loaded.accuracy, 0.83);
  // Control: an untrained classifier of the same architecture is near chance.
  ImageClassifier untrained(test::subsetSettings().model);
  EXPECT_LT(classifierAccuracy(untrained, firstRows(fashion(false), 1000)), 0.3);
  // The batched evaluation calls agree with one forward pass.
  const torch::Tensor images = fashion(false).images.narrow(0, 0, 1500);
  torch::NoGradGuard no_grad;
  EXPECT_TRUE(
      torch::allclose(loaded.model->logits(images), loaded.model->forward(images), 1e-5, 1e-5));
  EXPECT_EQ(loaded.model->features(images).sizes(), (std::vector<int64_t>{1500, 128}));
}

TEST(ClassifierTest, PredictAmongChoosesOnlyThoseClasses) {
  LoadedClassifier& loaded = test::subsetClassifier();
  const torch::Tensor images = fashion(false).images.narrow(0, 0, 500);
  const std::vector<int> among = {0, 2, 5};
  const torch::Tensor some = loaded.model->predict(images, among);
  EXPECT_TRUE((some.eq(0) | some.eq(2) | some.eq(5)).all().item<bool>());
  // Where the unrestricted prediction is one of them, the restricted one is the same.
  const torch::Tensor all = loaded.model->predict(images);
  const torch::Tensor inside = all.eq(0) | all.eq(2) | all.eq(5);
  EXPECT_GT(inside.sum().item<int64_t>(), 50);
  EXPECT_TRUE(torch::equal(some.index({inside}), all.index({inside})));
  EXPECT_THROW(loaded.model->predict(images, std::vector<int>{10}), std::invalid_argument);
  EXPECT_THROW(loaded.model->logits(torch::zeros({3, 100})), std::invalid_argument);
}

TEST(ClassifierTest, TrainingIsDeterministicAndLeavesTheGlobalGeneratorAlone) {
  const LabelledTensors train = firstRows(fashion(true), 300);
  at::Generator global = at::detail::getDefaultCPUGenerator();
  torch::manual_seed(123);
  const torch::Tensor before = global.get_state();
  ImageClassifier a(tinySettings().model), b(tinySettings().model);
  trainClassifier(a, train, tinySettings().training);
  trainClassifier(b, train, tinySettings().training);
  EXPECT_TRUE(torch::equal(global.get_state(), before));
  for (size_t i = 0; i < a->parameters().size(); ++i)
    EXPECT_TRUE(torch::equal(a->parameters()[i], b->parameters()[i]));
  // Control: a draw from the global generator is seen by this comparison.
  (void)torch::rand({1});
  EXPECT_FALSE(torch::equal(global.get_state(), before));
  // Control: another shuffling seed trains other weights.
  ClassifierSettings other = tinySettings();
  other.training.seed = 10;
  ImageClassifier c(other.model);
  trainClassifier(c, train, other.training);
  EXPECT_FALSE(torch::equal(a->parameters().back(), c->parameters().back()));
}

TEST(ClassifierTest, CancelStopsTraining) {
  const LabelledTensors train = firstRows(fashion(true), 2000);
  std::atomic<bool> cancel = false;
  int reports = 0;
  ImageClassifier model(tinySettings().model);
  EXPECT_THROW(trainClassifier(
                   model, train, tinySettings().training,
                   [&](float fraction, const std::string&) {
                     ++reports;
                     if (fraction > 0.1f) cancel = true;
                   },
                   &cancel),
               ClassifierCancelled);
  EXPECT_LT(reports, 10);  // about 50 reports in a full run: it stopped early
  cancel = true;
  EXPECT_THROW(loadOrTrain(train, firstRows(fashion(false), 100), freshDir("cancel"), {}, &cancel,
                           tinySettings()),
               ClassifierCancelled);
}

TEST(ClassifierTest, ReportsProgressFromZeroToOne) {
  std::vector<float> fractions;
  ImageClassifier model(tinySettings().model);
  trainClassifier(model, firstRows(fashion(true), 1000), tinySettings().training,
                  [&](float fraction, const std::string& text) {
                    fractions.push_back(fraction);
                    EXPECT_FALSE(text.empty());
                  });
  ASSERT_GE(fractions.size(), 10u);
  EXPECT_EQ(fractions.front(), 0.0f);
  EXPECT_EQ(fractions.back(), 1.0f);
  EXPECT_TRUE(std::is_sorted(fractions.begin(), fractions.end()));
}

TEST(ClassifierTest, CacheRoundTripGivesIdenticalPredictions) {
  const std::string dir = freshDir("roundtrip");
  const LabelledTensors train = firstRows(fashion(true), 500),
                        test = firstRows(fashion(false), 200);
  int trainings = 0;
  const ClassifierProgress count = [&](float fraction, const std::string&) {
    trainings += fraction == 0;
  };
  LoadedClassifier first = loadOrTrain(train, test, dir, count, nullptr, tinySettings());
  EXPECT_FALSE(first.from_cache);
  EXPECT_EQ(trainings, 1);
  EXPECT_TRUE(first.note.empty()) << first.note;
  EXPECT_TRUE(fs::is_regular_file(first.cache_path));
  EXPECT_EQ(fs::path(first.cache_path).parent_path(), fs::path(dir));
  LoadedClassifier second = loadOrTrain(train, test, dir, count, nullptr, tinySettings());
  EXPECT_TRUE(second.from_cache);
  EXPECT_EQ(trainings, 1);
  EXPECT_EQ(second.accuracy, first.accuracy);
  EXPECT_TRUE(torch::equal(second.model->logits(test.images), first.model->logits(test.images)));
  // Control: other data (one image changed) is another key, so another file, trained anew.
  LabelledTensors changed = {train.images.clone(), train.labels};
  changed.images[0][0] = 0.5f;
  const LoadedClassifier third = loadOrTrain(changed, test, dir, count, nullptr, tinySettings());
  EXPECT_FALSE(third.from_cache);
  EXPECT_NE(third.cache_path, first.cache_path);
  EXPECT_EQ(trainings, 2);
}

TEST(ClassifierTest, CorruptTruncatedOrMismatchedCacheIsRetrained) {
  const std::string dir = freshDir("corrupt");
  const LabelledTensors train = firstRows(fashion(true), 500),
                        test = firstRows(fashion(false), 200);
  LoadedClassifier first = loadOrTrain(train, test, dir, {}, nullptr, tinySettings());
  const std::string good = readBytes(first.cache_path);
  const auto retrains = [&](const std::string& bytes, const std::string& why) {
    writeBytes(first.cache_path, bytes);
    int trainings = 0;
    const LoadedClassifier again = loadOrTrain(
        train, test, dir, [&](float f, const std::string&) { trainings += f == 0; }, nullptr,
        tinySettings());
    EXPECT_FALSE(again.from_cache) << why;
    EXPECT_EQ(trainings, 1) << why;
    EXPECT_NE(again.note.find(why), std::string::npos) << again.note;
    EXPECT_EQ(readBytes(first.cache_path), good) << why;  // rewritten, deterministically
  };
  std::string flipped = good;
  flipped[good.size() / 2] ^= 0x10;  // inside a weight: only the checksum sees it
  retrains(flipped, "checksum mismatch");
  retrains(good.substr(0, good.size() - 5), "truncated");
  retrains("", "not a ganscope classifier cache");
  // A file of other settings under this name (as if the key collided).
  ClassifierSettings other = tinySettings();
  other.model.hidden(17);
  ImageClassifier model(other.model);
  retrains(encodeClassifier(model, 0.5, classifierCacheKey(train, test, tinySettings()), other),
           "other settings");
  // Control: the good bytes load without training.
  writeBytes(first.cache_path, good);
  EXPECT_TRUE(loadOrTrain(train, test, dir, {}, nullptr, tinySettings()).from_cache);
}

TEST(ClassifierTest, DecodeChecksTensorShapes) {
  const ClassifierSettings settings = tinySettings();
  ImageClassifier model(settings.model);
  const std::string bytes = encodeClassifier(model, 0.5, "k", settings);
  EXPECT_NO_THROW(decodeClassifier(bytes, "x", "k", settings));
  EXPECT_THROW(decodeClassifier(bytes, "x", "other key", settings), FormatError);
  ClassifierSettings wider = settings;
  wider.model.conv2(9);
  EXPECT_THROW(decodeClassifier(bytes, "x", "k", wider), FormatError);
}

TEST(ClassifierTest, CacheFolderMustBeAFolder) {
  const std::string dir = freshDir("notafolder");
  const std::string file = dir + "/plain";
  writeBytes(file, "x");
  try {
    loadOrTrain(firstRows(fashion(true), 100), firstRows(fashion(false), 100), file);
    FAIL() << "a plain file was taken as the cache folder";
  } catch (const FileError& error) {
    EXPECT_NE(std::string(error.what()).find("not a folder"), std::string::npos) << error.what();
  }
  // A missing folder is created (with its parents).
  const std::string nested = dir + "/a/b";
  EXPECT_NO_THROW(loadOrTrain(firstRows(fashion(true), 100), firstRows(fashion(false), 100), nested,
                              {}, nullptr, tinySettings()));
  EXPECT_TRUE(fs::is_directory(nested));
}

TEST(ClassifierTest, DefaultCacheDirFollowsXdg) {
  // Sets the variables for this test and puts them back after.
  struct Env {
    std::string name;
    std::optional<std::string> saved;
    explicit Env(std::string n) : name(std::move(n)) {
      if (const char* v = std::getenv(name.c_str())) saved = v;
    }
    ~Env() {
      saved ? (void)::setenv(name.c_str(), saved->c_str(), 1) : (void)::unsetenv(name.c_str());
    }
  } xdg("XDG_CACHE_HOME"), home("HOME");
  ::setenv("XDG_CACHE_HOME", "/tmp/xdg-cache", 1);
  EXPECT_EQ(defaultCacheDir(), "/tmp/xdg-cache/ganscope");
  ::setenv("XDG_CACHE_HOME", "relative/path", 1);  // not absolute: ignored, as XDG says
  ::setenv("HOME", "/home/someone", 1);
  EXPECT_EQ(defaultCacheDir(), "/home/someone/.cache/ganscope");
  ::unsetenv("XDG_CACHE_HOME");
  ::unsetenv("HOME");
  EXPECT_THROW(defaultCacheDir(), FileError);
}

}  // namespace
}  // namespace ganscope
