// Session files and MetricStore history: round trips at non-default values, and every kind
// of bad file refused with a message saying what is wrong.
#include <gtest/gtest.h>
#include <sys/stat.h>

#include <cstring>

#include <nlohmann/json.hpp>

#include "app/state/metric_store.hpp"
#include "app/state/session_file.hpp"
#include "common/byte_stream.hpp"
#include "core/api/session.hpp"
#include "core/config/presets.hpp"
#include "test_util.hpp"

namespace ganscope {
namespace {

StepStats stats(int64_t step) {
  StepStats s;
  s.step = step;
  s.seconds = step * 0.001f;
  s.d_loss = 1.0f + step;
  s.g_loss = 2.0f + step;
  s.d_real_mean = 0.25f;
  s.d_fake_mean = 0.75f;
  s.value = -1.0f - step;
  return s;
}

TEST(MetricStoreHistoryTest, ExportImportKeepsEverySeriesAndTheThinning) {
  MetricStore store(64);
  for (int64_t i = 1; i <= 300; ++i) store.append(stats(i));  // thinned: stride 8
  MetricStore copy(64);
  copy.importHistory(store.exportHistory(), 3, "test");
  ASSERT_EQ(copy.steps().size(), store.steps().size());
  EXPECT_TRUE(std::equal(copy.steps().begin(), copy.steps().end(), store.steps().begin()));
  for (int s = 0; s < static_cast<int>(Series::Count); ++s) {
    const auto a = store.series(static_cast<Series>(s)), b = copy.series(static_cast<Series>(s));
    EXPECT_TRUE(std::equal(a.begin(), a.end(), b.begin(), b.end())) << s;
  }
  EXPECT_EQ(copy.last().step, 300);
  EXPECT_EQ(copy.last().generation, 3u);
  // Both continue alike: the same points are kept from here on.
  for (int64_t i = 301; i <= 700; ++i) {
    StepStats next = stats(i);
    store.append(next);
    next.generation = 3;
    copy.append(next);
  }
  EXPECT_TRUE(std::equal(copy.steps().begin(), copy.steps().end(), store.steps().begin(),
                         store.steps().end()));
  // A smaller store thins the imported history to fit.
  MetricStore tiny(16);
  tiny.importHistory(store.exportHistory(), 0, "test");
  EXPECT_LE(tiny.steps().size(), 16u);
  EXPECT_EQ(tiny.steps().front(), store.steps().front());
}

TEST(MetricStoreHistoryTest, BadHistoryThrowsAndKeepsTheStore) {
  MetricStore store;
  for (int64_t i = 1; i <= 10; ++i) store.append(stats(i));
  const std::string bytes = store.exportHistory();
  MetricStore other;
  other.append(stats(1));
  EXPECT_THROW(other.importHistory(bytes.substr(0, bytes.size() - 1), 0, "h"), FormatError);
  EXPECT_THROW(other.importHistory(bytes + "x", 0, "h"), FormatError);
  // The stride (the first 8 bytes) is a power of two thinning can reach; 2^62 would overflow
  // when a small store thins it further, and 3 is never made.
  for (const int64_t stride : {int64_t{1} << 62, int64_t{3}, int64_t{0}}) {
    std::string crafted = bytes;
    std::memcpy(crafted.data(), &stride, sizeof(stride));
    EXPECT_THROW(other.importHistory(crafted, 0, "h"), FormatError) << stride;
  }
  std::string doubled = bytes;
  const int64_t two = 2;
  std::memcpy(doubled.data(), &two, sizeof(two));
  MetricStore control;
  EXPECT_NO_THROW(control.importHistory(doubled, 0, "h"));  // the control: a stride of 2 loads
  EXPECT_EQ(other.steps().size(), 1u);
}

/// Image metrics as an evaluation at `step` reports them.
ImageMetrics imageMetrics(int64_t step) {
  ImageMetrics m;
  m.step = step;
  m.frechet = 100.0f / static_cast<float>(step);
  m.frechet_floor = 0.5f;
  m.diversity = 9.0f + static_cast<float>(step) / 1000;
  m.classes_covered = static_cast<int>(step / 100 % 11);
  return m;
}

void expectSameImageMetrics(const ImageMetricHistory& a, const ImageMetricHistory& b) {
  EXPECT_EQ(a.steps, b.steps);
  EXPECT_EQ(a.frechet, b.frechet);
  EXPECT_EQ(a.floor, b.floor);
  EXPECT_EQ(a.diversity, b.diversity);
  EXPECT_EQ(a.covered, b.covered);
}

TEST(MetricStoreHistoryTest, ExportImportKeepsTheImageMetricsOverTime) {
  MetricStore store;
  for (int64_t i = 1; i <= 500; ++i) store.append(stats(i));
  for (const int64_t step : {100, 250, 400}) store.appendImageMetrics(imageMetrics(step));
  // The control: the same steps without image metrics; its history opens without them.
  MetricStore plain;
  for (int64_t i = 1; i <= 500; ++i) plain.append(stats(i));

  MetricStore opened;
  opened.appendImageMetrics(imageMetrics(50));  // replaced by what is opened
  opened.importHistory(store.exportHistory(), 2, "test");
  ASSERT_EQ(opened.imageMetrics().steps.size(), 3u);
  expectSameImageMetrics(opened.imageMetrics(), store.imageMetrics());
  MetricStore opened_plain;
  opened_plain.appendImageMetrics(imageMetrics(50));
  opened_plain.importHistory(plain.exportHistory(), 2, "test");
  EXPECT_TRUE(opened_plain.imageMetrics().steps.empty());
  // The opened run's later evaluations continue the plot; repeats of the last are not added.
  opened.appendImageMetrics(imageMetrics(400));
  opened.appendImageMetrics(imageMetrics(550));
  EXPECT_EQ(opened.imageMetrics().steps, (std::vector<double>{100, 250, 400, 550}));
}

TEST(MetricStoreHistoryTest, AnOpenedRunShowsItsSavedMetricsUntilItComputesItsOwn) {
  auto frame = std::make_unique<ImageFrame>();
  MetricStore store;
  store.append(stats(1));
  frame->metrics = imageMetrics(400);
  frame->metrics.class_hist[3] = 0.25f;
  store.setFrame(*frame);
  const std::string saved = store.exportHistory();
  MetricStore plain;  // the control: a history without image metrics
  plain.append(stats(1));

  // The opened run's first frames come before its own first evaluation (step -1).
  frame->header.generation = 1;
  frame->metrics = ImageMetrics{};
  MetricStore opened, opened_plain;
  opened.importHistory(saved, 1, "test");
  opened_plain.importHistory(plain.exportHistory(), 1, "test");
  opened.setFrame(*frame);
  opened_plain.setFrame(*frame);
  EXPECT_EQ(opened.frame<ImageFrame>()->metrics.step, 400);
  EXPECT_EQ(opened.frame<ImageFrame>()->metrics.frechet, imageMetrics(400).frechet);
  EXPECT_EQ(opened.frame<ImageFrame>()->metrics.class_hist[3], 0.25f);
  EXPECT_EQ(opened_plain.frame<ImageFrame>()->metrics.step, -1);
  // Its own metrics replace them.
  frame->metrics = imageMetrics(450);
  opened.setFrame(*frame);
  EXPECT_EQ(opened.frame<ImageFrame>()->metrics.step, 450);
  EXPECT_EQ(opened.imageMetrics().steps, (std::vector<double>{400, 450}));
}

TEST(MetricStoreHistoryTest, BadImageMetricsThrowAndKeepTheStore) {
  MetricStore store;
  store.append(stats(1));
  store.appendImageMetrics(imageMetrics(100));
  store.appendImageMetrics(imageMetrics(200));
  const std::string bytes = store.exportHistory();
  // The image metrics are the last section: 2 steps (8 bytes each), 4 values x 2 floats, then
  // the newest metrics whole.
  const size_t steps_at = bytes.size() - sizeof(ImageMetrics) - 2 * 8 - 4 * 2 * 4;
  std::string unordered = bytes;
  const double late = 300;
  std::memcpy(unordered.data() + steps_at, &late, sizeof(late));
  std::string longer = bytes;
  const uint64_t many = 1000;
  std::memcpy(longer.data() + steps_at - sizeof(many), &many, sizeof(many));
  MetricStore other;
  other.appendImageMetrics(imageMetrics(50));
  const std::pair<std::string, const char*> cases[] = {
      {unordered, "image metrics steps do not increase"},
      {longer, "truncated"},
      {bytes.substr(0, bytes.size() - 4), "image metrics"},
  };
  for (const auto& [crafted, message] : cases) {
    try {
      other.importHistory(crafted, 0, "h");
      ADD_FAILURE() << message << ": accepted";
    } catch (const FormatError& error) {
      EXPECT_NE(std::string(error.what()).find(message), std::string::npos) << error.what();
    }
  }
  EXPECT_EQ(other.imageMetrics().steps, std::vector<double>{50});
  MetricStore control;  // the untouched bytes load
  EXPECT_NO_THROW(control.importHistory(bytes, 0, "h"));
  EXPECT_EQ(control.imageMetrics().steps, (std::vector<double>{100, 200}));
}

SessionFile sampleSession() {
  TrainConfig config = presetConfig("figure1");
  config.hyper.batch_size = 16;
  SessionOptions options;
  options.pause_at_step = 20;
  Session session(config, options);
  MetricStore store;
  EXPECT_TRUE(test::waitFor([&] {
    StepStats s;
    while (session.pollStats(s)) store.append(s);
    return session.status().state == RunState::Paused && store.last().step == 20;
  }));
  ViewSettings view;
  view.ui_scale = 1.5f;
  view.plane_layers.trails = true;
  view.capture_steps = {1, 2, 3, 4};
  return captureSession(session, store, view);
}

TEST(SessionFileTest, RoundTripKeepsEverything) {
  const SessionFile file = sampleSession();
  const SessionFile read = decodeSessionFile(encodeSessionFile(file), "test");
  EXPECT_EQ(configToJson(read.config), configToJson(file.config));
  EXPECT_EQ(read.state, file.state);
  EXPECT_EQ(read.history, file.history);
  EXPECT_EQ(viewSettingsToJson(read.view), viewSettingsToJson(file.view));
}

TEST(SessionFileTest, AnImageRunsMetricsOverTimeComeBackWhenOpened) {
  SessionFile file = sampleSession();
  MetricStore store;
  store.importHistory(file.history, 0, "test");
  for (const int64_t step : {5, 10, 20}) store.appendImageMetrics(imageMetrics(step));
  file.history = store.exportHistory();
  const SessionFile read = decodeSessionFile(encodeSessionFile(file), "test");
  MetricStore opened;
  opened.importHistory(read.history, 1, "test");
  expectSameImageMetrics(opened.imageMetrics(), store.imageMetrics());
  EXPECT_EQ(opened.imageMetrics().frechet.size(), 3u);
}

TEST(SessionFileTest, BadBytesSayWhatIsWrong) {
  const std::string good = encodeSessionFile(sampleSession());
  std::string flipped = good;
  flipped[good.size() / 2] ^= 0x10;
  std::string version = good;
  version[16] = 7;
  std::string longer = good + "extra";
  const std::tuple<const char*, std::string, const char*> cases[] = {
      {"empty", "", "is empty"},
      {"json", R"({"hyper": {"loss": "hinge"}})", "is JSON (a config?)"},
      {"other", "hello world, this is not it", "not a ganscope session file"},
      {"truncated", good.substr(0, good.size() - 100), "truncated"},
      {"header only", good.substr(0, 20), "truncated"},
      {"flipped", flipped, "checksum mismatch"},
      {"version", version, "format version 7"},
      {"trailing", longer, "trailing bytes"},
  };
  for (const auto& [name, bytes, message] : cases) {
    try {
      decodeSessionFile(bytes, "f.gss");
      ADD_FAILURE() << name << " was accepted";
    } catch (const FormatError& error) {
      const std::string what = error.what();
      EXPECT_EQ(what.rfind("f.gss: ", 0), 0u) << what;
      EXPECT_NE(what.find(message), std::string::npos) << name << ": " << what;
    }
  }
}

TEST(SessionFileTest, OnlyRegularFilesAreRead) {
  const auto dir = test::tempDir("SessionFileRegular");
  EXPECT_THROW(
      try { loadSessionFile(dir.string()); } catch (const std::runtime_error& error) {
        EXPECT_NE(std::string(error.what()).find("is a folder"), std::string::npos);
        throw;
      },
      std::runtime_error);
  EXPECT_THROW(
      try { loadSessionFile("/dev/zero"); } catch (const std::runtime_error& error) {
        EXPECT_NE(std::string(error.what()).find("not a regular file"), std::string::npos);
        throw;
      },
      std::runtime_error);
  EXPECT_THROW(loadSessionFile((dir / "missing.gss").string()), std::runtime_error);
  // A FIFO nobody writes is refused at once, not waited on.
  const auto fifo = dir / "fifo";
  ASSERT_EQ(mkfifo(fifo.c_str(), 0600), 0);
  EXPECT_THROW(loadSessionFile(fifo.string()), std::runtime_error);
}

}  // namespace
}  // namespace ganscope
