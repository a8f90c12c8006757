// Trainer internals that the session cannot show: the unrolled GAN's look-ahead leaves D as it
// was, and a generator update never moves D.
#include <gtest/gtest.h>

#include <vector>

#include "core/presets.hpp"
#include "core/trainer.hpp"

namespace ganscope {
namespace {

std::vector<float> discriminatorField(Trainer& trainer) {
  auto frame = std::make_unique<PlaneFrame>();
  trainer.fillFrame(*frame);
  return {frame->field, frame->field + kFieldSize * kFieldSize};
}

TEST(TrainerTest, UnrolledLookAheadLeavesTheDiscriminatorWhereItWas) {
  TrainConfig config = presetConfig("ring-collapse");
  config.hyper.batch_size = 32;
  config.hyper.unrolled_steps = 3;
  Trainer trainer(config);
  for (int i = 0; i < 5; ++i) trainer.step(StepTarget::Both);
  const std::vector<float> before = discriminatorField(trainer);
  trainer.step(StepTarget::Generator);  // three D updates, one G update, D taken back
  EXPECT_EQ(discriminatorField(trainer), before);
  trainer.step(StepTarget::Discriminator);  // the control: a D update does change the field
  EXPECT_NE(discriminatorField(trainer), before);
}

TEST(TrainerTest, UnrollingChangesWhatTheGeneratorLearns) {
  auto generatorAfter = [](int unrolled) {
    TrainConfig config = presetConfig("ring-collapse");
    config.hyper.batch_size = 32;
    config.hyper.unrolled_steps = unrolled;
    Trainer trainer(config);
    for (int i = 0; i < 20; ++i) trainer.step(StepTarget::Both);
    return trainer.sampleGenerator(16);
  };
  EXPECT_NE(generatorAfter(0), generatorAfter(4));
}

}  // namespace
}  // namespace ganscope
