// RenderLatent in the trainer: G's pictures of any latents from the preview G. A grid sample is
// its latent seed's picture; rendering never changes the run (weights, BatchNorm statistics,
// moving average, saved state); the history redraws with earlier G's; bad requests are named.
#include <gtest/gtest.h>

#include <cstring>

#include "core/api/latent.hpp"
#include "core/data/image_data.hpp"
#include "core/engine/gan_state_io.hpp"
#include "core/engine/generator_history.hpp"
#include "core/engine/trainer.hpp"
#include "test_util.hpp"

namespace ganscope {
namespace {

TrainConfig imageConfig(ModelKind model) {
  TrainConfig config;
  config.data.kind = DataKind::Images;
  config.model = model;
  config.latent = {LatentKind::Normal, 32};
  config.generator = {2, 64, Activation::LeakyRelu};
  config.discriminator.hidden_layers = 1;
  config.discriminator.width = 64;
  config.discriminator.activation = Activation::LeakyRelu;
  config.hyper.batch_size = 16;
  return config;
}

using test::requestOf;

TEST(LatentRenderTest, AGridSampleIsThePictureOfItsLatentSeed) {
  Trainer trainer(imageConfig(ModelKind::Mlp));
  for (int i = 0; i < 3; ++i) trainer.step(StepTarget::Both);
  auto frame = std::make_unique<ImageFrame>();
  trainer.fillFrame(*frame);
  const LatentPicture picture =
      trainer.renderLatent(requestOf(trainer.state().config.latent, {5, 0}, 9));
  EXPECT_EQ(picture.request, 9u);
  EXPECT_EQ(picture.step, 3);
  ASSERT_EQ(picture.count, 2);
  ASSERT_EQ(picture.dims, kImagePixels);
  ASSERT_EQ(picture.samples.size(), size_t(2 * kImagePixels));
  ASSERT_EQ(picture.d_score.size(), 2u);
  const torch::Tensor pixels =
      rowsToPixels(torch::from_blob(const_cast<float*>(picture.samples.data()), {2, kImagePixels}))
          .contiguous();
  // A batch of 2 against the grid's 256: equal up to the last bit of a matrix product.
  for (const auto& [row, cell] : {std::pair{0, 5}, std::pair{1, 0}}) {
    int off = 0;
    for (int p = 0; p < kImagePixels; ++p) {
      const int a = pixels[row][p].item<uint8_t>(), b = frame->fake[cell * kImagePixels + p];
      EXPECT_LE(std::abs(a - b), 1);
      off += a != b;
    }
    EXPECT_LE(off, 3) << "cell " << cell;
    EXPECT_NEAR(picture.d_score[row], frame->fake_d[cell], 1e-4);
  }
  // The control: another seed is another picture.
  const LatentPicture other = trainer.renderLatent(requestOf(trainer.state().config.latent, {6}));
  EXPECT_NE(std::memcmp(other.samples.data(), picture.samples.data(), kImagePixels * 4), 0);
}

TEST(LatentRenderTest, RenderingNeverChangesTheRun) {
  // The source material's model: BatchNorm statistics that a training-mode pass would move.
  for (const ModelKind model : {ModelKind::MlpGan}) {
    for (const PreviewKind preview : {PreviewKind::Eval, PreviewKind::Ema}) {
      TrainConfig config = imageConfig(model);
      config.hyper.preview = preview;
      Trainer explored(config), control(config);
      for (int i = 0; i < 4; ++i) {
        explored.step(StepTarget::Both);
        control.step(StepTarget::Both);
        explored.renderLatent(requestOf(config.latent, {1, 2, 3, uint64_t(i)}));
      }
      // Saved states hold weights, BatchNorm statistics, the average, the generators.
      EXPECT_EQ(saveGanState(explored.state()), saveGanState(control.state()))
          << toString(model) << " " << toString(preview);
      // The same next step, too.
      explored.step(StepTarget::Both);
      control.step(StepTarget::Both);
      EXPECT_TRUE(explored.state().g_params->values().equal(control.state().g_params->values()));
    }
  }
}

TEST(LatentRenderTest, TheHistoryStaysEvenlySpreadOverTheRun) {
  GeneratorHistory history({.capacity = 4, .first_every = 10});
  const torch::Tensor values = torch::zeros({3});
  for (int64_t step = 1; step <= 1000; ++step) {
    if (history.due(step)) history.record(step, values + step, {});
  }
  // Spacing 10, 20, ... doubled each time the ring filled: 1000 steps at 4 kept is 160 apart.
  std::vector<int64_t> steps;
  for (const auto& snapshot : history.snapshots()) steps.push_back(snapshot.step);
  EXPECT_EQ(history.every(), 320);
  EXPECT_EQ(steps, (std::vector<int64_t>{320, 640, 960}));
  EXPECT_FLOAT_EQ(history.snapshots().back().values[0].item<float>(), 960);  // a copy of then
}

TEST(LatentRenderTest, TheHistoryDrawsThePathWithEarlierGenerators) {
  for (const PreviewKind preview : {PreviewKind::Eval, PreviewKind::Ema}) {
    TrainConfig config = imageConfig(ModelKind::MlpGan);
    config.hyper.preview = preview;
    Trainer trainer(config);
    RenderLatent request = requestOf(config.latent, {7, 3, 4});
    std::vector<float> at_25;
    for (int i = 0; i < 30; ++i) {
      trainer.step(StepTarget::Both);
      if (trainer.state().stats.step == 25) {
        const std::vector<float> all = trainer.renderLatent(request).samples;
        at_25.assign(all.begin() + kImagePixels, all.end());  // latents 1 and 2
      }
    }
    request.history_from = 1;
    request.history_count = 2;
    const LatentPicture picture = trainer.renderLatent(request);
    ASSERT_EQ(picture.history_steps, std::vector<int64_t>{25});
    // G as it was at step 25 draws what it drew then; the current G (the control) does not.
    EXPECT_EQ(picture.history_samples, at_25) << toString(preview);
    EXPECT_NE(std::vector<float>(picture.samples.begin() + kImagePixels, picture.samples.end()),
              at_25);
  }
}

TEST(LatentRenderTest, BadRequestsAreNamed) {
  Trainer trainer(imageConfig(ModelKind::Mlp));
  const auto message = [&](RenderLatent request) {
    try {
      trainer.renderLatent(request);
    } catch (const std::invalid_argument& error) {
      return std::string(error.what());
    }
    return std::string("accepted");
  };
  EXPECT_NE(message({1, 0, {}}).find("count 0; give 1 to 256"), std::string::npos);
  EXPECT_NE(message({1, 257, std::vector<float>(257 * 32)}).find("count 257"), std::string::npos);
  EXPECT_NE(message({1, 2, std::vector<float>(33)})
                .find("z has 33 values; 2 latents of 32 "
                      "dimensions need 64"),
            std::string::npos);
  RenderLatent rows{1, 2, std::vector<float>(64)};
  rows.history_from = 1;
  rows.history_count = 2;
  EXPECT_NE(message(rows).find("history rows 1 + 2 outside the 2 latents"), std::string::npos);
  rows.history_count = 1;  // the control: the last row alone is inside
  EXPECT_EQ(message(rows), "accepted");
}

}  // namespace
}  // namespace ganscope
