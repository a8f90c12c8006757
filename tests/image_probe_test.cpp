// The image frame after D judges each grid once: its scores, display mapping, value and
// histograms are bit for bit what the two-pass path computed (the grid's scores, then
// judgeSamples on the same images), packed or not, for a probability and a critic loss.
#include <gtest/gtest.h>

#include <cstring>
#include <memory>

#include "core/api/latent.hpp"
#include "core/data/image_data.hpp"
#include "core/engine/trainer.hpp"
#include "core/losses/discriminator_input.hpp"
#include "core/probes/discriminator_probe.hpp"

namespace ganscope {
namespace {

TrainConfig imageConfig(ModelKind model, int pack, bool stddev, LossKind loss) {
  TrainConfig config;
  config.data.kind = DataKind::Images;
  config.model = model;
  config.latent = {LatentKind::Normal, 32};
  config.generator = {1, 64, Activation::LeakyRelu};
  config.discriminator.hidden_layers = 1;
  config.discriminator.width = model == ModelKind::Dcgan ? 8 : 64;
  config.discriminator.activation = Activation::LeakyRelu;
  config.discriminator.pack = pack;
  config.discriminator.minibatch_stddev = stddev;
  config.hyper.loss = loss;
  config.hyper.batch_size = 16;
  return config;
}

/// The frame of `config` after 3 steps against the old path computed here from its G and D.
void expectTheTwoPassFrame(const TrainConfig& config) {
  Trainer trainer(config);
  for (int i = 0; i < 3; ++i) trainer.step(StepTarget::Both);
  auto frame = std::make_unique<ImageFrame>();
  trainer.fillFrame(*frame);

  const GanState& s = trainer.state();
  c10::InferenceMode inference;
  const EvalMode eval(*s.generator, *s.discriminator);
  const ProbeInputs in{*s.generator,    *s.discriminator,   s.input, s.data->dim(), nullptr,
                       s.config.latent, s.config.hyper.loss};
  torch::Tensor z = torch::empty({kGridImages, config.latent.dim});
  for (int i = 0; i < kGridImages; ++i) {
    const Latent one = latentFromSeed(config.latent, static_cast<uint64_t>(i));
    std::memcpy(z.data_ptr<float>() + int64_t{i} * config.latent.dim, one.data(),
                sizeof(float) * one.size());
  }
  const torch::Tensor fake = s.generator->forward(z).contiguous();
  const torch::Tensor real =
      pixelsToRows(torch::from_blob(frame->real, {kGridImages, kImagePixels}, torch::kUInt8));
  ASSERT_EQ(std::memcmp(rowsToPixels(fake).contiguous().data_ptr<uint8_t>(), frame->fake,
                        sizeof(frame->fake)),
            0)
      << "the same G on the same z";
  const int64_t pack = in.input.pack();
  const torch::Tensor real_raw =
      judge(in, real, real.narrow(0, 0, pack), DiscriminatorInput::groupStddev(real));
  const torch::Tensor fake_raw =
      judge(in, fake, fake.narrow(0, 0, pack), DiscriminatorInput::groupStddev(fake));
  const torch::Tensor real_d = shownScores(in.loss, real_raw),
                      fake_d = shownScores(in.loss, fake_raw);
  EXPECT_EQ(std::memcmp(real_d.data_ptr<float>(), frame->real_d, sizeof(frame->real_d)), 0);
  EXPECT_EQ(std::memcmp(fake_d.data_ptr<float>(), frame->fake_d, sizeof(frame->fake_d)), 0);
  FrameHeader header;
  header.loss = in.loss;
  torch::Tensor all = torch::cat({real_raw, fake_raw});
  toDisplay(all, header);
  EXPECT_EQ(frame->header.d_normalised, header.d_normalised);
  EXPECT_EQ(frame->header.d_lo, header.d_lo);
  EXPECT_EQ(frame->header.d_hi, header.d_hi);
  float value = 0;
  float hist_real[kHistBins], hist_fake[kHistBins];
  judgeSamples(in, real, fake, header, value, hist_real, hist_fake);
  EXPECT_EQ(frame->value, value);
  EXPECT_EQ(std::memcmp(frame->hist_real, hist_real, sizeof(hist_real)), 0);
  EXPECT_EQ(std::memcmp(frame->hist_fake, hist_fake, sizeof(hist_fake)), 0);
}

TEST(ImageProbeTest, OnePassPerGridGivesTheTwoPassFrame) {
  expectTheTwoPassFrame(imageConfig(ModelKind::Mlp, 1, false, LossKind::NonSaturating));
  expectTheTwoPassFrame(imageConfig(ModelKind::Mlp, 1, true, LossKind::Hinge));
  expectTheTwoPassFrame(imageConfig(ModelKind::Dcgan, 1, false, LossKind::NonSaturating));
}

// Packed, the histograms judge the fakes beside real companions and the grid beside its own
// fakes: two different passes, both kept (sharing them would change the histograms).
TEST(ImageProbeTest, APackedDStillJudgesTheHistogramsFakesBesideRealImages) {
  expectTheTwoPassFrame(imageConfig(ModelKind::Mlp, 2, true, LossKind::NonSaturating));
  expectTheTwoPassFrame(imageConfig(ModelKind::Mlp, 3, false, LossKind::WganGp));
}

}  // namespace
}  // namespace ganscope
