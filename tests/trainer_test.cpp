// Trainer internals that the session cannot show: the unrolled GAN's look-ahead leaves D as it
// was, and a generator update never moves D.
#include <gtest/gtest.h>

#include <algorithm>
#include <iterator>
#include <stdexcept>
#include <vector>

#include "core/config/presets.hpp"
#include "core/engine/trainer.hpp"

namespace ganscope {
namespace {

std::vector<float> discriminatorField(Trainer& trainer) {
  auto frame = std::make_unique<PlaneFrame>();
  trainer.fillFrame(*frame);
  return {frame->field, frame->field + kFieldSize * kFieldSize};
}

TEST(TrainerTest, UnrolledLookAheadLeavesTheDiscriminatorWhereItWas) {
  TrainConfig config = presetConfig("ring-streak");
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

TEST(TrainerTest, TheGeneratorLearnsAgainstTheLookAheadAndDIsTakenBack) {
  // An unrolled step is k D updates, u look-ahead D updates, G's update, then D taken back. The
  // control makes the same k + u D updates (the same random draws) and keeps them. After one
  // step G must be the same bit for bit (its update saw the looked-ahead D) and D must not be
  // (the unrolled run took its look-ahead back); from then on the two runs learn differently.
  TrainConfig kept = presetConfig("ring-streak");
  kept.hyper.batch_size = 32;
  TrainConfig unrolled = kept;
  unrolled.hyper.unrolled_steps = 3;
  kept.hyper.d_steps = unrolled.hyper.d_steps + unrolled.hyper.unrolled_steps;
  Trainer a(unrolled), b(kept);
  const float g_loss = a.step(StepTarget::Both).g_loss;
  EXPECT_EQ(g_loss, b.step(StepTarget::Both).g_loss);
  EXPECT_TRUE(torch::equal(a.state().g_params->values(), b.state().g_params->values()));
  EXPECT_FALSE(torch::equal(a.state().d_params->values(), b.state().d_params->values()));
  a.setHyperparams(kept.hyper);  // the same updates from here on: only D's start differs
  for (int i = 0; i < 5; ++i) {
    a.step(StepTarget::Both);
    b.step(StepTarget::Both);
  }
  EXPECT_FALSE(torch::equal(a.state().g_params->values(), b.state().g_params->values()));
}

/// The pictures of two plane frames, field by field (frames have padding: no memcmp).
bool samePicture(const PlaneFrame& a, const PlaneFrame& b) {
  auto same = [](const auto& x, const auto& y) {
    return std::equal(std::begin(x), std::end(x), y);
  };
  return a.header.step == b.header.step && a.value == b.value && a.js == b.js && a.kl == b.kl &&
         same(a.field, b.field) && same(a.real_xy, b.real_xy) && same(a.fake_xy, b.fake_xy) &&
         same(a.fake_push, b.fake_push) && same(a.manifold_xy, b.manifold_xy) &&
         same(a.mode_share, b.mode_share) && same(a.hist_real, b.hist_real) &&
         same(a.hist_fake, b.hist_fake);
}

TEST(TrainerTest, FramesAreAFunctionOfSeedAndStepAndNeverDisturbTraining) {
  TrainConfig config = presetConfig("ring-streak");
  config.hyper.batch_size = 32;
  Trainer watched(config), unwatched(config);
  auto frame = std::make_unique<PlaneFrame>(), other = std::make_unique<PlaneFrame>();
  for (int i = 0; i < 10; ++i) {
    watched.step(StepTarget::Both);
    watched.fillFrame(*frame);  // probes between every step of one run only
    unwatched.step(StepTarget::Both);
  }
  EXPECT_EQ(watched.sampleGenerator(16), unwatched.sampleGenerator(16));
  unwatched.fillFrame(*other);
  EXPECT_TRUE(samePicture(*frame, *other));
  // The control: one more step changes the picture, so the comparison above can fail.
  unwatched.step(StepTarget::Both);
  unwatched.fillFrame(*other);
  EXPECT_FALSE(samePicture(*frame, *other));
}

TEST(TrainerTest, ARunMakesTheFrameKindOfItsScenarioOnly) {
  Trainer figure1(presetConfig("figure1"));
  Trainer plane(presetConfig("ring-streak"));
  EXPECT_EQ(figure1.scenario(), Scenario::Figure1);
  EXPECT_EQ(plane.scenario(), Scenario::Plane);
  auto curves = std::make_unique<Figure1Frame>();
  auto field = std::make_unique<PlaneFrame>();
  EXPECT_NO_THROW(figure1.fillFrame(*curves));
  EXPECT_NO_THROW(plane.fillFrame(*field));
  EXPECT_THROW(figure1.fillFrame(*field), std::logic_error);
  EXPECT_THROW(plane.fillFrame(*curves), std::logic_error);
}

}  // namespace
}  // namespace ganscope
