// The step cost estimate: it grows with what a step does (D steps, look-ahead, batch, pack) and
// warns for a heavy config only.
#include <gtest/gtest.h>

#include "core/config/presets.hpp"
#include "core/config/step_cost.hpp"

namespace ganscope {
namespace {

TEST(StepCostTest, TheEstimateFollowsTheShapes) {
  const TrainConfig base = presetConfig("ring-streak");
  const double one = stepMultiplyAdds(base);
  ASSERT_GT(one, 0);
  TrainConfig more = base;
  more.hyper.d_steps = 3;  // three D updates instead of one: more, but less than 3x (G's update)
  EXPECT_GT(stepMultiplyAdds(more), 1.5 * one);
  EXPECT_LT(stepMultiplyAdds(more), 3 * one);
  more = base;
  more.hyper.batch_size *= 2;  // everything is per sample
  EXPECT_DOUBLE_EQ(stepMultiplyAdds(more), 2 * one);
  more = base;
  more.hyper.unrolled_steps = 2;  // look-ahead D updates cost as D updates do
  TrainConfig kept = base;
  kept.hyper.d_steps = 3;
  EXPECT_DOUBLE_EQ(stepMultiplyAdds(more), stepMultiplyAdds(kept));
  more = base;
  more.discriminator.pack = 4;  // G makes 4x the samples, D's rows get 4x wider inputs
  EXPECT_GT(stepMultiplyAdds(more), 2 * one);
}

TEST(StepCostTest, OnlyAHeavyConfigIsWarnedAbout) {
  EXPECT_EQ(slowStepWarning(presetConfig("figure1")), "");
  EXPECT_EQ(slowStepWarning(presetConfig("ring-stddev")), "");
  // The classroom's heavy config: 8 x 1024 layers, batch 8192, pack 8, k 100, 50 unrolled.
  TrainConfig heavy = presetConfig("ring-streak");
  heavy.generator.hidden_layers = heavy.discriminator.hidden_layers = 8;
  heavy.generator.width = heavy.discriminator.width = 1024;
  heavy.hyper.batch_size = 8192;
  heavy.discriminator.pack = 8;
  heavy.hyper.d_steps = 100;
  heavy.hyper.unrolled_steps = 50;
  EXPECT_GT(estimatedStepSeconds(heavy), 600);
  EXPECT_NE(slowStepWarning(heavy).find("one step will take about"), std::string::npos);
}

}  // namespace
}  // namespace ganscope
