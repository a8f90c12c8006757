// Exact resume through the Session facade: N steps, save, load, M more steps give bit for bit
// the StepStats of one uninterrupted N + M run, for 1-D and 2-D data, every loss and the
// remedies that carry state. Also: a bad state leaves a running session untouched.
#include <gtest/gtest.h>

#include <bit>
#include <functional>

#include <nlohmann/json.hpp>

#include "core/api/session.hpp"
#include "core/config/presets.hpp"
#include "test_util.hpp"

namespace ganscope {
namespace {

using test::waitFor;

constexpr int64_t kSaveAt = 120;  // N
constexpr int64_t kMore = 80;     // M

/// The figures of a step that must match bit for bit (not its timing or generation).
std::vector<uint32_t> bits(const StepStats& s) {
  return {static_cast<uint32_t>(s.step),          std::bit_cast<uint32_t>(s.d_loss),
          std::bit_cast<uint32_t>(s.g_loss),      std::bit_cast<uint32_t>(s.d_real_mean),
          std::bit_cast<uint32_t>(s.d_fake_mean), std::bit_cast<uint32_t>(s.value)};
}

SessionOptions stopAt(int64_t step) {
  SessionOptions options;
  options.pause_at_step = step;
  options.frame_hz = 0.01;  // pictures are not under test
  return options;
}

/// Waits until `session` has paused at `step` and returns the stats it sent, in order.
std::vector<StepStats> runTo(Session& session, int64_t step) {
  std::vector<StepStats> out;
  StepStats s;
  EXPECT_TRUE(waitFor([&] {
    while (session.pollStats(s)) out.push_back(s);
    const SessionStatus status = session.status();
    return status.state == RunState::Paused && status.step == step && !out.empty() &&
           out.back().step == step;
  })) << "did not reach step "
      << step;
  return out;
}

/// The M steps after resuming at N and the same steps of an uninterrupted run.
void expectExactResume(const TrainConfig& config) {
  Session whole(config, stopAt(kSaveAt + kMore));
  const std::vector<StepStats> control = runTo(whole, kSaveAt + kMore);
  ASSERT_EQ(control.size(), static_cast<size_t>(kSaveAt + kMore));

  std::string state;
  {
    Session first(config, stopAt(kSaveAt));
    runTo(first, kSaveAt);
    state = first.saveState();
  }
  EXPECT_EQ(Session::stepOfState(state), kSaveAt);
  EXPECT_EQ(configToJson(Session::configOfState(state)), configToJson(config));
  SessionOptions paused = stopAt(kSaveAt + kMore);
  paused.start_paused = true;  // so that the step it starts from can be read before it trains
  Session resumed(state, paused);
  EXPECT_EQ(resumed.status().step, kSaveAt);
  ASSERT_TRUE(resumed.send(Resume{}));
  const std::vector<StepStats> after = runTo(resumed, kSaveAt + kMore);
  ASSERT_EQ(after.size(), static_cast<size_t>(kMore));
  for (int64_t i = 0; i < kMore; ++i) {
    ASSERT_EQ(bits(after[i]), bits(control[kSaveAt + i])) << "step " << after[i].step;
  }
}

TrainConfig small(const std::string& preset) {
  TrainConfig config = presetConfig(preset);
  config.hyper.batch_size = 16;
  config.generator.width = std::min(config.generator.width, 64);
  config.discriminator.width = std::min(config.discriminator.width, 64);
  return config;
}

struct Case {
  const char* name;
  std::function<void(TrainConfig&)> edit;
  const char* preset = "ring-streak";
};

void PrintTo(const Case& c, std::ostream* os) {
  *os << c.name;
}

class ExactResumeTest : public ::testing::TestWithParam<Case> {};

TEST_P(ExactResumeTest, ResumedStepsEqualTheUninterruptedRun) {
  TrainConfig config = small(GetParam().preset);
  GetParam().edit(config);
  expectExactResume(config);
}

void setLoss(TrainConfig& c, LossKind loss) {
  c.hyper.loss = loss;
}

INSTANTIATE_TEST_SUITE_P(
    Runs, ExactResumeTest,
    ::testing::Values(
        Case{"figure1", [](TrainConfig&) {}, "figure1"}, Case{"ring", [](TrainConfig&) {}},
        Case{"minimax", [](TrainConfig& c) { setLoss(c, LossKind::Minimax); }},
        Case{"non_saturating", [](TrainConfig& c) { setLoss(c, LossKind::NonSaturating); }},
        Case{"wgan_clip", [](TrainConfig& c) { setLoss(c, LossKind::WganClip); }},
        Case{"wgan_gp", [](TrainConfig& c) { setLoss(c, LossKind::WganGp); }},
        Case{"least_squares", [](TrainConfig& c) { setLoss(c, LossKind::LeastSquares); }},
        Case{"hinge", [](TrainConfig& c) { setLoss(c, LossKind::Hinge); }},
        Case{"sgd",
             [](TrainConfig& c) {
               c.hyper.g_opt.kind = c.hyper.d_opt.kind = OptimizerKind::Sgd;
               c.hyper.g_opt.lr = c.hyper.d_opt.lr = 0.01f;
             }},
        Case{"rmsprop",
             [](TrainConfig& c) {
               c.hyper.g_opt.kind = c.hyper.d_opt.kind = OptimizerKind::RmsProp;
             }},
        Case{"unrolled", [](TrainConfig& c) { c.hyper.unrolled_steps = 3; }},
        Case{"instance_noise",
             [](TrainConfig& c) {
               c.hyper.instance_noise = 0.5f;
               c.hyper.noise_anneal_steps = 300;
             }},
        Case{"lr_half_life", [](TrainConfig& c) { c.hyper.lr_half_life = 60; }},
        Case{"r1_pack_stddev_smoothing_k2",
             [](TrainConfig& c) {
               c.hyper.r1_gamma = 1.0f;
               c.discriminator.pack = 2;
               c.discriminator.minibatch_stddev = true;
               c.hyper.real_label = 0.9f;
               c.hyper.d_steps = 2;
             }},
        Case{"normal_latent_1d",
             [](TrainConfig& c) {
               c.latent.kind = LatentKind::Normal;
               c.hyper.unrolled_steps = 2;
             },
             "figure1"}),
    [](const auto& info) { return std::string(info.param.name); });

TEST(StateResumeTest, ABadStateLeavesAPausedSessionUntouched) {
  const TrainConfig config = small("figure1");
  Session session(config, stopAt(kSaveAt));
  runTo(session, kSaveAt);
  const std::string good = session.saveState();
  std::string truncated = good.substr(0, good.size() - 7);
  std::string wrong_version = good;
  wrong_version[8] = 99;
  TrainConfig other = config;
  other.generator.width = 7;  // a state of another architecture: it loads, replacing the run
  Session other_session(other, stopAt(1));
  const std::string other_state = other_session.saveState();
  for (const auto& [name, bytes, message] :
       {std::tuple{"truncated", truncated, "truncated"},
        std::tuple{"version", wrong_version, "version 99"},
        std::tuple{"garbage", std::string(500, 'x'), "not a ganscope state"},
        std::tuple{"empty", std::string(), "not a ganscope state"}}) {
    try {
      session.loadState(bytes);
      ADD_FAILURE() << name << " loaded";
    } catch (const std::runtime_error& error) {
      EXPECT_NE(std::string(error.what()).find(message), std::string::npos)
          << name << ": " << error.what();
    }
  }
  EXPECT_EQ(session.status().step, kSaveAt);
  EXPECT_EQ(session.saveState(), good);
  // Another architecture's state replaces the run; ours comes back the same.
  session.loadState(other_state);
  EXPECT_EQ(session.config().generator.width, 7);
  session.loadState(good);
  EXPECT_EQ(session.status().step, kSaveAt);
  EXPECT_EQ(session.saveState(), good);
  EXPECT_EQ(configToJson(session.config()), configToJson(config));
}

TEST(StateResumeTest, ABadStateLeavesARunningSessionRunning) {
  Session session(small("figure1"), stopAt(-1));
  ASSERT_TRUE(waitFor([&] { return session.status().step > 20; }));
  // Its header and config are fine, so the trainer itself finds the rest missing.
  const std::string truncated = session.saveState().substr(0, 2000);
  EXPECT_THROW(session.loadState(truncated), std::runtime_error);
  const SessionStatus after = session.status();
  EXPECT_EQ(after.state, RunState::Running);
  EXPECT_EQ(after.generation, 0u);
  EXPECT_TRUE(waitFor([&] { return session.status().step > after.step + 20; }));
}

TEST(StateResumeTest, SaveAndLoadRoundTripTheStateByteForByte) {
  Session session(small("ring-streak"), stopAt(50));
  runTo(session, 50);
  const std::string saved = session.saveState();
  SessionOptions paused = stopAt(-1);
  paused.start_paused = true;
  Session loaded(saved, paused);
  EXPECT_EQ(loaded.saveState(), saved);
}

}  // namespace
}  // namespace ganscope
