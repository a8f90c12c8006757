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
