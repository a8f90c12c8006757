// The autograd engine trains the image models (the source material's MLP GAN and the DCGAN) with
// every loss and remedy: a few steps each stay finite and move both networks; training-mode
// BatchNorm statistics move only in training, never in a frame.
#include <gtest/gtest.h>

#include <cmath>
#include <memory>

#include "core/engine/trainer.hpp"

namespace ganscope {
namespace {

TrainConfig imageModel(ModelKind model) {
  TrainConfig config;
  config.data.kind = DataKind::Images;
  config.model = model;
  config.latent = {LatentKind::Normal, 16};
  config.generator.width = config.discriminator.width = 8;  // dcgan: channels
  config.hyper.batch_size = 8;
  config.hyper.g_opt.lr = config.hyper.d_opt.lr = 2e-4f;
  return config;
}

struct Case {
  const char* name;
  void (*edit)(TrainConfig&);
};

const Case kCases[] = {
    {"minimax", [](TrainConfig& c) { c.hyper.loss = LossKind::Minimax; }},
    {"non_saturating", [](TrainConfig&) {}},
    {"wgan_clip", [](TrainConfig& c) { c.hyper.loss = LossKind::WganClip; }},
    {"wgan_gp",
     [](TrainConfig& c) {
       c.hyper.loss = LossKind::WganGp;
       c.hyper.gp_lambda = 10;
     }},
    {"lsgan", [](TrainConfig& c) { c.hyper.loss = LossKind::LeastSquares; }},
    {"hinge", [](TrainConfig& c) { c.hyper.loss = LossKind::Hinge; }},
    {"r1", [](TrainConfig& c) { c.hyper.r1_gamma = 1; }},
    {"pack_stddev",
     [](TrainConfig& c) {
       c.discriminator.pack = 2;
       c.discriminator.minibatch_stddev = true;
     }},
    {"unrolled_noise_smoothing",
     [](TrainConfig& c) {
       c.hyper.unrolled_steps = 2;
       c.hyper.instance_noise = 0.1f;
       c.hyper.real_label = 0.9f;
     }},
};

TEST(ImageEngineTest, EveryLossAndRemedyTrainsBothImageModels) {
  for (ModelKind model : {ModelKind::MlpGan, ModelKind::Dcgan}) {
    for (const Case& c : kCases) {
      TrainConfig config = imageModel(model);
      c.edit(config);
      Trainer trainer(config);
      const torch::Tensor g0 = trainer.state().g_params->values().clone();
      const torch::Tensor d0 = trainer.state().d_params->values().clone();
      for (int i = 0; i < 3; ++i) {
        const StepStats s = trainer.step(StepTarget::Both);
        ASSERT_TRUE(std::isfinite(s.d_loss) && std::isfinite(s.g_loss))
            << toString(model) << " " << c.name << " step " << i;
      }
      EXPECT_FALSE(trainer.state().g_params->values().equal(g0))
          << toString(model) << " " << c.name;
      EXPECT_FALSE(trainer.state().d_params->values().equal(d0))
          << toString(model) << " " << c.name;
      EXPECT_EQ(trainer.divergence(true), Divergence::None) << toString(model) << " " << c.name;
    }
  }
}

TEST(ImageEngineTest, FramesLeaveBatchNormStatisticsAlone) {
  const TrainConfig config = imageModel(ModelKind::Dcgan);
  Trainer trainer(config);
  trainer.step(StepTarget::Both);
  const auto buffers = [&] {
    std::vector<torch::Tensor> out;
    for (const auto& b : trainer.state().generator->buffers()) out.push_back(b.clone());
    for (const auto& b : trainer.state().discriminator->buffers()) out.push_back(b.clone());
    return out;
  };
  const std::vector<torch::Tensor> before = buffers();
  ASSERT_FALSE(before.empty());  // the DCGAN has BatchNorm running statistics
  auto frame = std::make_unique<ImageFrame>();
  trainer.fillFrame(*frame);
  trainer.sampleGenerator(32);
  std::vector<torch::Tensor> after = buffers();
  for (size_t i = 0; i < before.size(); ++i) EXPECT_TRUE(after[i].equal(before[i])) << i;
  // The control: a training step does move them.
  trainer.step(StepTarget::Both);
  after = buffers();
  bool moved = false;
  for (size_t i = 0; i < before.size(); ++i) moved = moved || !after[i].equal(before[i]);
  EXPECT_TRUE(moved);
}

}  // namespace
}  // namespace ganscope
