// RenderLatent through the Session: a paused run of every scenario answers (errors as answers,
// not failed runs), and requests sent while the trainer is busy coalesce to the newest. In the
// torch-free suite: a Session sets the process's BLAS threads, which the core suite's
// bit-level comparisons must not see.
#include <gtest/gtest.h>

#include "core/api/latent.hpp"
#include "core/api/session.hpp"
#include "core/config/presets.hpp"
#include "test_util.hpp"

namespace ganscope {
namespace {

using test::requestOf;

TEST(LatentSessionTest, APausedSessionAnswersEveryScenario) {
  for (const char* preset : {"figure1", "ring-collapse"}) {
    SessionOptions options;
    options.start_paused = true;
    const TrainConfig config = presetConfig(preset);
    Session session(config, options);
    session.send(requestOf(config.latent, {1, 2, 3}, 42));
    LatentPicture picture;
    ASSERT_TRUE(test::waitFor([&] { return session.pollLatent(picture); }, 10)) << preset;
    EXPECT_EQ(picture.request, 42u);
    EXPECT_TRUE(picture.error.empty()) << picture.error;
    EXPECT_EQ(picture.count, 3);
    EXPECT_EQ(picture.dims, dataDimension(config.data.kind));
    EXPECT_EQ(picture.samples.size(), size_t(3 * picture.dims));
    EXPECT_EQ(picture.step, 0);
    // A bad request is answered with its error, not a failed run.
    session.send(RenderLatent{43, 1, {}});
    ASSERT_TRUE(test::waitFor([&] { return session.pollLatent(picture); }, 10));
    EXPECT_EQ(picture.request, 43u);
    EXPECT_NE(picture.error.find("z has 0 values"), std::string::npos) << picture.error;
    EXPECT_EQ(session.status().state, RunState::Paused);
  }
}

TEST(LatentSessionTest, RequestsSentWhileTheTrainerIsBusyCoalesceToTheNewest) {
  // Steps of about a tenth of a second: 1000 requests arrive within one.
  TrainConfig config = presetConfig("ring-collapse");
  config.discriminator.hidden_layers = 4;
  config.discriminator.width = 512;
  config.hyper.batch_size = 1024;
  Session session(config);  // running
  ASSERT_TRUE(test::waitFor([&] { return session.status().step >= 1; }, 30));
  for (uint64_t request = 1; request <= 1000; ++request) {
    session.send(requestOf(config.latent, {request}, request));
  }
  std::vector<uint64_t> answered;
  ASSERT_TRUE(test::waitFor(
      [&] {
        LatentPicture picture;
        while (session.pollLatent(picture)) answered.push_back(picture.request);
        return !answered.empty() && answered.back() == 1000;
      },
      30));
  EXPECT_LE(answered.size(), 3u);
  for (size_t i = 1; i < answered.size(); ++i) EXPECT_LT(answered[i - 1], answered[i]);
  const SessionStatus status = session.status();
  EXPECT_EQ(status.latent_rendered, answered.size());
  EXPECT_EQ(status.latent_coalesced + status.latent_rendered, 1000u);
}

}  // namespace
}  // namespace ganscope
