// TrainConfig JSON: round trip, presets, and each kind of bad input rejected with its field named.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "core/config.hpp"
#include "core/presets.hpp"

namespace ganscope {
namespace {

/// Parses `text` expecting a ConfigError; returns it for inspection.
ConfigError parseError(const std::string& text) {
  try {
    parseConfig(text, "test.json");
  } catch (const ConfigError& error) {
    return error;
  }
  ADD_FAILURE() << "accepted: " << text;
  return ConfigError("", "");
}

TEST(ConfigTest, JsonRoundTripKeepsEveryField) {
  TrainConfig config;
  config.name = "round";
  config.description = "trip";
  config.data = {DataKind::Bimodal, -1.5f, 0.25f, 3.0f};
  config.generator = {3, 17, Activation::Tanh};
  config.discriminator = {1, 9, Activation::LeakyRelu};
  config.hyper.loss = LossKind::Minimax;
  config.hyper.batch_size = 33;
  config.hyper.d_steps = 4;
  config.hyper.g_opt = {OptimizerKind::Sgd, 0.05f, 0.7f, 0.1f, 0.2f};
  config.hyper.d_opt = {OptimizerKind::Adam, 0.002f, 0.3f, 0.8f, 0.95f};
  config.seed = 12345678901234ull;
  config.steps = 777;
  const nlohmann::json json = configToJson(config);
  const TrainConfig back = configFromJson(json);
  EXPECT_EQ(configToJson(back), json);
  EXPECT_EQ(back.data.kind, DataKind::Bimodal);
  EXPECT_EQ(back.generator.activation, Activation::Tanh);
  EXPECT_EQ(back.hyper.g_opt.kind, OptimizerKind::Sgd);
  EXPECT_EQ(back.seed, 12345678901234ull);
}

TEST(ConfigTest, PlaneDataAndLatentRoundTrip) {
  const TrainConfig config = parseConfig(
      R"({"data": {"kind": "grid", "grid_size": 7, "spacing": 1.5, "std": 0.05},
          "latent": {"kind": "normal", "dim": 16}})",
      "t");
  EXPECT_EQ(dataDimension(config.data.kind), 2);
  EXPECT_EQ(config.data.grid_size, 7);
  EXPECT_EQ(config.latent.kind, LatentKind::Normal);
  EXPECT_EQ(config.latent.dim, 16);
  EXPECT_EQ(configToJson(configFromJson(configToJson(config))), configToJson(config));
  EXPECT_EQ(parseError(R"({"data": {"modes": 1}})").field(), "data.modes");
  EXPECT_EQ(parseError(R"({"latent": {"kind": "cauchy"}})").field(), "latent.kind");
}

TEST(ConfigTest, LossesRemediesAndDrawnPointsRoundTrip) {
  const TrainConfig config = parseConfig(
      R"({"data": {"kind": "points", "points": [[0, 1], [-2.5, 3]], "std": 0.1},
          "discriminator": {"pack": 3, "minibatch_stddev": true},
          "hyper": {"loss": "wgan_gp", "gp_lambda": 10, "r1_gamma": 0.5, "unrolled_steps": 5,
                    "clip": 0.05}})",
      "t");
  EXPECT_EQ(config.data.points, (std::vector<float>{0, 1, -2.5f, 3}));
  EXPECT_EQ(config.discriminator.pack, 3);
  EXPECT_TRUE(config.discriminator.minibatch_stddev);
  EXPECT_EQ(config.hyper.loss, LossKind::WganGp);
  EXPECT_EQ(config.hyper.unrolled_steps, 5);
  EXPECT_EQ(configToJson(configFromJson(configToJson(config))), configToJson(config));
  for (const char* loss : {"minimax", "non_saturating", "wgan_clip", "wgan_gp", "lsgan", "hinge"}) {
    EXPECT_EQ(
        toString(
            parseConfig(std::string(R"({"hyper": {"loss": ")") + loss + "\"}}", "t").hyper.loss),
        std::string(loss));
  }
}

TEST(ConfigTest, BadDrawnPointsAndRemediesNameTheField) {
  EXPECT_EQ(parseError(R"({"data": {"kind": "points"}})").field(), "data.points");
  const ConfigError pair = parseError(R"({"data": {"kind": "points", "points": [[1, 2], [3]]}})");
  EXPECT_EQ(pair.field(), "data.points");
  EXPECT_NE(pair.message().find("item 1"), std::string::npos) << pair.message();
  EXPECT_EQ(parseError(R"({"data": {"points": [[1e9, 0]]}})").field(), "data.points");
  EXPECT_EQ(parseError(R"({"discriminator": {"pack": 9}})").field(), "discriminator.pack");
  EXPECT_EQ(parseError(R"({"generator": {"pack": 2}})").field(), "generator.pack");
  EXPECT_EQ(parseError(R"({"hyper": {"clip": 0}})").field(), "hyper.clip");
  EXPECT_EQ(parseError(R"({"hyper": {"unrolled_steps": 51}})").field(), "hyper.unrolled_steps");
}

TEST(ConfigTest, LearningRatesHalveEveryHalfLife) {
  Hyperparams hyper;
  EXPECT_EQ(learningRateScale(hyper, 1000000), 1.0);  // off by default
  hyper.lr_half_life = 1000;
  EXPECT_DOUBLE_EQ(learningRateScale(hyper, 0), 1.0);
  EXPECT_DOUBLE_EQ(learningRateScale(hyper, 1000), 0.5);
  EXPECT_DOUBLE_EQ(learningRateScale(hyper, 3000), 0.125);
  EXPECT_NEAR(learningRateScale(hyper, 500), std::sqrt(0.5), 1e-12);
  EXPECT_EQ(parseError(R"({"hyper": {"lr_half_life": -1}})").field(), "hyper.lr_half_life");
}

TEST(ConfigTest, InstanceNoiseAnnealsLinearlyToZero) {
  Hyperparams hyper;
  hyper.instance_noise = 0.4f;
  EXPECT_NEAR(instanceNoiseStd(hyper, 1000), 0.4, 1e-7);  // no schedule: constant
  hyper.noise_anneal_steps = 100;
  EXPECT_NEAR(instanceNoiseStd(hyper, 0), 0.4, 1e-7);
  EXPECT_NEAR(instanceNoiseStd(hyper, 25), 0.3, 1e-7);
  EXPECT_EQ(instanceNoiseStd(hyper, 100), 0.0);
  EXPECT_EQ(instanceNoiseStd(hyper, 5000), 0.0);
  EXPECT_EQ(parseError(R"({"hyper": {"real_label": 0.2}})").field(), "hyper.real_label");
}

TEST(ConfigTest, MissingFieldsKeepDefaults) {
  const TrainConfig config = parseConfig(R"({"hyper": {"batch_size": 64}})", "t");
  EXPECT_EQ(config.hyper.batch_size, 64);
  EXPECT_EQ(config.hyper.d_steps, TrainConfig{}.hyper.d_steps);
  EXPECT_FLOAT_EQ(config.data.mean, TrainConfig{}.data.mean);
}

TEST(ConfigTest, UnknownFieldIsNamedWithTheAllowedOnes) {
  const ConfigError error = parseError(R"({"hyper": {"d_opt": {"lrr": 0.1}}})");
  EXPECT_EQ(error.field(), "hyper.d_opt.lrr");
  EXPECT_NE(std::string(error.what()).find("unknown field"), std::string::npos);
  EXPECT_NE(std::string(error.what()).find("lr"), std::string::npos);
  EXPECT_NE(std::string(error.what()).find("test.json"), std::string::npos);
}

TEST(ConfigTest, OutOfRangeNamesFieldAndRange) {
  const ConfigError error = parseError(R"({"hyper": {"batch_size": 0}})");
  EXPECT_EQ(error.field(), "hyper.batch_size");
  EXPECT_NE(error.message().find("[1, 8192]"), std::string::npos);
  EXPECT_EQ(parseError(R"({"hyper": {"g_opt": {"lr": 0}}})").field(), "hyper.g_opt.lr");
  EXPECT_EQ(parseError(R"({"data": {"std": -1}})").field(), "data.std");
  EXPECT_EQ(parseError(R"({"generator": {"width": 5000}})").field(), "generator.width");
}

TEST(ConfigTest, WrongTypesAreRejected) {
  EXPECT_EQ(parseError(R"({"hyper": {"batch_size": "big"}})").field(), "hyper.batch_size");
  EXPECT_EQ(parseError(R"({"hyper": {"batch_size": 12.5}})").field(), "hyper.batch_size");
  EXPECT_EQ(parseError(R"({"seed": -3})").field(), "seed");
  EXPECT_EQ(parseError(R"({"data": 4})").field(), "data");
  EXPECT_EQ(parseError(R"([1, 2])").field(), "");
}

TEST(ConfigTest, BadEnumListsTheChoices) {
  const ConfigError error = parseError(R"({"hyper": {"loss": "wasserstein"}})");
  EXPECT_EQ(error.field(), "hyper.loss");
  EXPECT_NE(error.message().find("\"minimax\""), std::string::npos);
  EXPECT_NE(error.message().find("\"non_saturating\""), std::string::npos);
}

TEST(ConfigTest, MalformedJsonSaysSo) {
  const ConfigError error = parseError(R"({"hyper": )");
  EXPECT_NE(std::string(error.what()).find("not valid JSON"), std::string::npos);
}

TEST(ConfigTest, EveryPresetParsesAndTheDefaultExists) {
  const auto names = presetNames();
  ASSERT_FALSE(names.empty());
  EXPECT_NE(std::find(names.begin(), names.end(), kDefaultPreset), names.end());
  for (const std::string& name : names) {
    const TrainConfig config = presetConfig(name);
    EXPECT_EQ(config.name, name);
    EXPECT_FALSE(config.description.empty()) << name;
  }
}

TEST(ConfigTest, UnknownPresetListsKnownOnes) {
  try {
    presetConfig("figure2");
    FAIL();
  } catch (const ConfigError& error) {
    EXPECT_NE(error.message().find("figure2"), std::string::npos);
    EXPECT_NE(error.message().find(kDefaultPreset), std::string::npos);
  }
}

TEST(ConfigTest, ValidateRejectsUiValuesLikeJson) {
  Hyperparams hyper;
  hyper.d_steps = 0;
  EXPECT_THROW(validate(hyper), ConfigError);
  hyper.d_steps = 1;
  EXPECT_NO_THROW(validate(hyper));
}

}  // namespace
}  // namespace ganscope
