// Image runs in the trainer: the grid's fixed latents and real images, D's scores, previews from
// G in eval mode or its moving average that never disturb training, and exact resume with the
// moving average saved.
#include <gtest/gtest.h>

#include <cstring>
#include <memory>

#include "core/data/image_data.hpp"
#include "core/engine/gan_state_io.hpp"
#include "core/engine/trainer.hpp"
#include "run_state_compare.hpp"

namespace ganscope {
namespace {

TrainConfig imageConfig(ModelKind model = ModelKind::Mlp) {
  TrainConfig config;
  config.data.kind = DataKind::Images;
  config.model = model;
  config.latent = {LatentKind::Normal, 32};
  config.generator = {1, 64, Activation::LeakyRelu};
  config.discriminator.hidden_layers = 1;
  config.discriminator.width = 64;
  config.discriminator.activation = Activation::LeakyRelu;
  config.hyper.batch_size = 16;
  config.hyper.g_opt.lr = config.hyper.d_opt.lr = 2e-4f;
  return config;
}

std::unique_ptr<ImageFrame> frameOf(Trainer& trainer) {
  auto frame = std::make_unique<ImageFrame>();
  trainer.fillFrame(*frame);
  return frame;
}

using test::everything;
using test::same;

TEST(ImageRunTest, TheGridShowsFixedLatentsAndRealTrainingImages) {
  Trainer trainer(imageConfig());
  for (int i = 0; i < 5; ++i) trainer.step(StepTarget::Both);
  const auto a = frameOf(trainer), b = frameOf(trainer);
  EXPECT_EQ(std::memcmp(a->fake, b->fake, sizeof(a->fake)), 0);  // the same z, the same G
  trainer.step(StepTarget::Both);
  const auto c = frameOf(trainer);
  EXPECT_NE(std::memcmp(a->fake, c->fake, sizeof(a->fake)), 0);  // the control: G moved
  EXPECT_EQ(std::memcmp(a->real, c->real, sizeof(a->real)), 0);  // real images stay
  // Each real image is a training image with its label.
  const auto& data = dynamic_cast<const ImageData&>(*trainer.state().data);
  for (int i = 0; i < 3; ++i) {
    const torch::Tensor image =
        torch::from_blob(c->real + i * kImagePixels, {1, kImagePixels}, torch::kUInt8);
    const torch::Tensor match = (data.set().train_images == image).all(1).nonzero().flatten();
    ASSERT_GT(match.size(0), 0) << "real image " << i;
    EXPECT_EQ(data.set().train_labels[match[0].item<int64_t>()].item<int64_t>(), c->real_label[i]);
  }
  for (int i = 0; i < kGridImages; ++i) {
    EXPECT_GT(c->fake_d[i], 0.0f);  // probabilities for the non-saturating loss
    EXPECT_LT(c->fake_d[i], 1.0f);
  }
  float hist_sum = 0;
  for (float h : c->hist_fake) hist_sum += h;
  EXPECT_NEAR(hist_sum, 1.0f, 1e-4);
}

/// A small DCGAN: BatchNorm in both networks, whose statistics previews must not touch.
TrainConfig dcganConfig() {
  TrainConfig config = imageConfig(ModelKind::Dcgan);
  config.generator.width = config.discriminator.width = 8;
  return config;
}

TEST(ImageRunTest, PreviewsNeverDisturbTraining) {
  for (PreviewKind preview : {PreviewKind::Eval, PreviewKind::Ema})
    for (const TrainConfig& base : {imageConfig(), dcganConfig()}) {
      TrainConfig config = base;
      config.hyper.preview = preview;
      config.hyper.ema_decay = 0.9f;
      Trainer watched(config), alone(config);
      for (int i = 0; i < 20; ++i) {
        watched.step(StepTarget::Both);
        frameOf(watched);
        watched.sampleGenerator(64);
        alone.step(StepTarget::Both);
      }
      EXPECT_TRUE(same(everything(watched.state()), everything(alone.state())))
          << toString(preview) << " " << toString(config.model);
    }
}

TEST(ImageRunTest, TheMovingAverageLagsGAndShowsWhenChosen) {
  TrainConfig config = imageConfig();
  config.hyper.ema_decay = 0.9f;
  Trainer trainer(config);
  for (int i = 0; i < 20; ++i) trainer.step(StepTarget::Both);
  EXPECT_FALSE(trainer.state().g_average.equal(trainer.state().g_params->values()));
  const auto eval = frameOf(trainer);
  EXPECT_FALSE(eval->ema_preview);
  config.hyper.preview = PreviewKind::Ema;
  trainer.setHyperparams(config.hyper);
  const auto ema = frameOf(trainer);
  EXPECT_TRUE(ema->ema_preview);
  EXPECT_NE(std::memcmp(eval->fake, ema->fake, sizeof(eval->fake)), 0);
}

TEST(ImageRunTest, AResumedImageRunContinuesExactlyWithItsAverage) {
  for (TrainConfig config : {imageConfig(), dcganConfig()}) {
    config.hyper.ema_decay = 0.9f;
    Trainer first(config);
    for (int i = 0; i < 10; ++i) first.step(StepTarget::Both);
    Trainer resumed(loadGanState(saveGanState(first.state())));
    EXPECT_TRUE(same(everything(resumed.state()), everything(first.state())));
    for (int i = 0; i < 10; ++i) {
      first.step(StepTarget::Both);
      resumed.step(StepTarget::Both);
    }
    EXPECT_TRUE(same(everything(resumed.state()), everything(first.state())));
    // The control: a state whose average is cut off is refused, not half-loaded.
    const std::string bytes = saveGanState(first.state());
    EXPECT_THROW(loadGanState(bytes.substr(0, bytes.size() - 4)), std::exception);
  }
}

}  // namespace
}  // namespace ganscope
