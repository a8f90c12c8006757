// The image models (the source material's MLP GAN, the DCGAN) and their factory: shapes, packing
// and the stddev feature, Tanh range, BatchNorm's train/eval difference (against a model without
// BatchNorm), parameter counts equal to the PyTorch twins', DCGAN's initialisation, and a few
// Adam steps of the non-saturating GAN loss; the trainer's factory builds the config's model.
#include <gtest/gtest.h>

#include <cmath>
#include <string>
#include <vector>

#include "core/models/dcgan.hpp"
#include "core/models/image_models.hpp"
#include "core/models/mlp.hpp"
#include "core/models/mlp_gan.hpp"
#include "core/models/networks.hpp"

namespace ganscope {
namespace {

/// A config of `model` with small DCGAN widths, so the tests stay fast.
TrainConfig imageConfig(ModelKind model) {
  TrainConfig config;
  config.data.kind = DataKind::Images;
  config.model = model;
  config.latent.dim = 100;
  config.latent.kind = LatentKind::Normal;
  config.generator.width = 16;
  config.discriminator.width = 16;
  return config;
}

int64_t parameterCount(const torch::nn::Module& module) {
  int64_t count = 0;
  for (const auto& p : module.parameters()) count += p.numel();
  return count;
}

torch::Tensor flatParameters(const torch::nn::Module& module) {
  std::vector<torch::Tensor> parts;
  for (const auto& p : module.parameters()) parts.push_back(p.detach().flatten().clone());
  return torch::cat(parts);
}

class ImageModels : public ::testing::TestWithParam<ModelKind> {
 protected:
  void SetUp() override { torch::manual_seed(7); }
  TrainConfig config() const { return imageConfig(GetParam()); }
};

INSTANTIATE_TEST_SUITE_P(Models, ImageModels,
                         ::testing::Values(ModelKind::MlpGan, ModelKind::Dcgan),
                         [](const auto& info) { return std::string(toString(info.param)); });

TEST_P(ImageModels, GeneratorAndDiscriminatorShapes) {
  NetworkPtr g = makeImageGenerator(config());
  NetworkPtr d = makeImageDiscriminator(config(), kImagePixels, 1, false);
  for (const int64_t n : {1, 2, 64}) {
    // BatchNorm1d cannot train on a batch of one (one value per channel); eval mode can.
    const bool train = n > 1;
    g->train(train);
    d->train(train);
    const torch::Tensor x = g->forward(torch::randn({n, 100}));
    EXPECT_EQ(x.sizes(), (std::vector<int64_t>{n, kImagePixels})) << "batch " << n;
    EXPECT_EQ(d->forward(x).sizes(), (std::vector<int64_t>{n, 1})) << "batch " << n;
  }
}

TEST_P(ImageModels, GeneratorOutputIsWithinTanhRange) {
  NetworkPtr g = makeImageGenerator(config());
  const torch::Tensor x = g->forward(torch::randn({64, 100}) * 10);
  EXPECT_GE(x.min().item<float>(), -1.0f);
  EXPECT_LE(x.max().item<float>(), 1.0f);
  EXPECT_GT(x.std().item<float>(), 0.0f);
}

TEST_P(ImageModels, DiscriminatorTakesPackedRowsWithTheStddevFeature) {
  constexpr int kPack = 2;
  const int width = kImagePixels * kPack + 1;
  NetworkPtr d = makeImageDiscriminator(config(), width, kPack, true);
  torch::Tensor rows = torch::rand({32, width}) * 2 - 1;
  const torch::Tensor out = d->forward(rows);
  EXPECT_EQ(out.sizes(), (std::vector<int64_t>{32, 1}));
  // The feature column reaches the score: changing it alone changes D's output.
  d->eval();
  const torch::Tensor before = d->forward(rows);
  rows.select(1, width - 1).add_(1.0);
  EXPECT_GT((d->forward(rows) - before).abs().max().item<float>(), 1e-6f);
}

TEST_P(ImageModels, FactoryRejectsAnInputWidthThatDoesNotMatchPackAndFeature) {
  EXPECT_THROW(makeImageDiscriminator(config(), kImagePixels * 2, 2, true), std::invalid_argument);
  EXPECT_THROW(makeImageDiscriminator(config(), kImagePixels, 2, false), std::invalid_argument);
  EXPECT_THROW(makeImageDiscriminator(config(), kImagePixels, 0, false), std::invalid_argument);
  EXPECT_NO_THROW(makeImageDiscriminator(config(), kImagePixels * 2, 2, false));
}

TEST_P(ImageModels, AdamStepsOfTheGanLossChangeParametersAndStayFinite) {
  NetworkPtr g = makeImageGenerator(config());
  NetworkPtr d = makeImageDiscriminator(config(), kImagePixels, 1, false);
  const auto adam = torch::optim::AdamOptions(2e-4).betas({0.5, 0.999});
  torch::optim::Adam g_opt(g->parameters(), adam);
  torch::optim::Adam d_opt(d->parameters(), adam);
  const torch::Tensor g_before = flatParameters(*g);
  const torch::Tensor d_before = flatParameters(*d);
  const torch::Tensor real = torch::rand({16, kImagePixels}) * 2 - 1;
  namespace F = torch::nn::functional;
  for (int step = 0; step < 3; ++step) {
    d_opt.zero_grad();
    const torch::Tensor real_score = d->forward(real);
    const torch::Tensor fake_score = d->forward(g->forward(torch::randn({16, 100})).detach());
    const torch::Tensor d_loss =
        F::binary_cross_entropy_with_logits(real_score, torch::ones_like(real_score)) +
        F::binary_cross_entropy_with_logits(fake_score, torch::zeros_like(fake_score));
    d_loss.backward();
    d_opt.step();
    g_opt.zero_grad();
    const torch::Tensor score = d->forward(g->forward(torch::randn({16, 100})));
    const torch::Tensor g_loss =
        F::binary_cross_entropy_with_logits(score, torch::ones_like(score));
    g_loss.backward();
    g_opt.step();
    EXPECT_TRUE(std::isfinite(d_loss.item<float>()) && std::isfinite(g_loss.item<float>()));
  }
  const torch::Tensor g_after = flatParameters(*g);
  const torch::Tensor d_after = flatParameters(*d);
  EXPECT_TRUE(torch::isfinite(g_after).all().item<bool>());
  EXPECT_TRUE(torch::isfinite(d_after).all().item<bool>());
  EXPECT_GT((g_after - g_before).abs().max().item<float>(), 0.0f);
  EXPECT_GT((d_after - d_before).abs().max().item<float>(), 0.0f);
}

/// The same input through a network in train and in eval mode: the largest difference.
double trainEvalDifference(Network& network, const torch::Tensor& input) {
  torch::NoGradGuard no_grad;
  network.train();
  const torch::Tensor train = network.forward(input);
  network.eval();
  return (network.forward(input) - train).abs().max().item<double>();
}

TEST(ImageModelsBatchNorm, TrainAndEvalModeDifferOnlyWithBatchNorm) {
  torch::manual_seed(3);
  const torch::Tensor z = torch::randn({32, 100});
  const torch::Tensor images = torch::rand({32, kImagePixels}) * 2 - 1;
  MlpGanGenerator mlp_g;
  DcganGenerator dcgan_g(DcganGeneratorOptions().width(16));
  DcganDiscriminator dcgan_d(DcganDiscriminatorOptions().width(16));
  EXPECT_GT(trainEvalDifference(*mlp_g, z), 1e-4);
  EXPECT_GT(trainEvalDifference(*dcgan_g, z), 1e-4);
  EXPECT_GT(trainEvalDifference(*dcgan_d, images), 1e-4);
  // Control: the source's D has no BatchNorm, so the mode changes nothing.
  MlpGanDiscriminator mlp_d;
  EXPECT_EQ(trainEvalDifference(*mlp_d, images), 0.0);
}

TEST(ImageModelsBatchNorm, MlpGanUsesTheSourcesEpsNotMomentum) {
  MlpGanGenerator g;
  int norms = 0;
  for (const auto& module : g->modules(false)) {
    if (const auto* norm = module->as<torch::nn::BatchNorm1d>()) {
      EXPECT_DOUBLE_EQ(norm->options.eps(), 0.8);
      EXPECT_DOUBLE_EQ(norm->options.momentum().value(), 0.1);
      ++norms;
    }
  }
  EXPECT_EQ(norms, 3);  // after 256, 512 and 1024: every block but the first
}

TEST(ImageModelsSize, ParameterCountsEqualThePyTorchModels) {
  // Weights + biases of each Linear, scale + shift of each BatchNorm. The PyTorch twins give the
  // same: `/usr/bin/python3 bench/reference/fashion_models.py` printed
  // {"mlp_gan_generator": 1510032, "mlp_gan_discriminator": 533505,
  //  "dcgan_generator_w64": 759681, "dcgan_discriminator_w64": 138689}.
  const int64_t mlp_g = (100 * 128 + 128) + (128 * 256 + 256) + 2 * 256 + (256 * 512 + 512) +
                        2 * 512 + (512 * 1024 + 1024) + 2 * 1024 + (1024 * 784 + 784);
  const int64_t mlp_d = (784 * 512 + 512) + (512 * 256 + 256) + (256 + 1);
  EXPECT_EQ(mlp_g, 1510032);
  EXPECT_EQ(mlp_d, 533505);
  EXPECT_EQ(parameterCount(*MlpGanGenerator()), mlp_g);
  EXPECT_EQ(parameterCount(*MlpGanDiscriminator()), mlp_d);
  // DCGAN, w = 64: Linear without bias, ConvTranspose 4 x 4, BatchNorms; the last ConvT has a bias.
  const int64_t dcgan_g = 100 * 128 * 49 + 2 * 128 + 128 * 64 * 16 + 2 * 64 + (64 * 16 + 1);
  const int64_t dcgan_d = (1 * 64 * 16 + 64) + 64 * 128 * 16 + 2 * 128 + (128 * 49 + 1);
  EXPECT_EQ(dcgan_g, 759681);
  EXPECT_EQ(dcgan_d, 138689);
  EXPECT_EQ(parameterCount(*DcganGenerator()), dcgan_g);
  EXPECT_EQ(parameterCount(*DcganDiscriminator()), dcgan_d);
}

TEST(ImageModelsInit, DcganFollowsThePapersInitialisation) {
  torch::manual_seed(5);
  DcganGenerator g;
  for (const auto& item : g->named_parameters()) {
    const std::string& name = item.key();
    const torch::Tensor& p = item.value();
    const double mean = p.mean().item<double>();
    const double spread = p.numel() > 1 ? p.std().item<double>() : 0.0;
    if (name.find("norm.weight") != std::string::npos) {
      EXPECT_NEAR(mean, 1.0, 0.01) << name;
      EXPECT_NEAR(spread, 0.02, 0.01) << name;
    } else if (name.find("bias") != std::string::npos) {
      EXPECT_EQ(p.abs().max().item<double>(), 0.0) << name;
    } else {
      EXPECT_NEAR(spread, 0.02, 0.002) << name;  // LibTorch's default would be ~0.06 (1/sqrt(3*in))
    }
  }
}

TEST(ImageModelsFactory, PlainMlpIsNotAnImageModel) {
  const TrainConfig config = imageConfig(ModelKind::Mlp);
  EXPECT_THROW(makeImageGenerator(config), std::invalid_argument);
  EXPECT_THROW(makeImageDiscriminator(config, kImagePixels, 1, false), std::invalid_argument);
}

TEST(ImageModelsFactory, DcganWidthsAndLatentComeFromTheConfig) {
  TrainConfig config = imageConfig(ModelKind::Dcgan);
  config.latent.dim = 8;
  config.generator.width = 4;
  config.discriminator.width = 3;
  const int64_t g = 8 * 8 * 49 + 2 * 8 + 8 * 4 * 16 + 2 * 4 + (4 * 16 + 1);
  const int64_t d = (1 * 3 * 16 + 3) + 3 * 6 * 16 + 2 * 6 + (6 * 49 + 1);
  EXPECT_EQ(parameterCount(*makeImageGenerator(config)), g);
  EXPECT_EQ(parameterCount(*makeImageDiscriminator(config, kImagePixels, 1, false)), d);
}

TEST(ImageModelsFactory, TheTrainersFactoryBuildsTheConfigsModel) {
  for (const ModelKind kind : {ModelKind::Mlp, ModelKind::MlpGan, ModelKind::Dcgan}) {
    TrainConfig config = imageConfig(kind);
    config.discriminator.pack = 2;
    config.discriminator.minibatch_stddev = true;
    const DiscriminatorInput input(kImagePixels, config.discriminator);
    const NetworkPtr g = makeGenerator(config, kImagePixels);
    const NetworkPtr d = makeDiscriminator(config, input);
    EXPECT_EQ(dynamic_cast<MlpImpl*>(g.get()) != nullptr, kind == ModelKind::Mlp);
    EXPECT_EQ(dynamic_cast<MlpGanGeneratorImpl*>(g.get()) != nullptr, kind == ModelKind::MlpGan);
    EXPECT_EQ(dynamic_cast<DcganGeneratorImpl*>(g.get()) != nullptr, kind == ModelKind::Dcgan);
    EXPECT_EQ(dynamic_cast<MlpGanDiscriminatorImpl*>(d.get()) != nullptr,
              kind == ModelKind::MlpGan);
    EXPECT_EQ(dynamic_cast<DcganDiscriminatorImpl*>(d.get()) != nullptr, kind == ModelKind::Dcgan);
    g->eval();
    d->eval();
    EXPECT_EQ(d->forward(torch::zeros({3, input.width()})).sizes(), (std::vector<int64_t>{3, 1}))
        << toString(kind);
  }
}

}  // namespace
}  // namespace ganscope
