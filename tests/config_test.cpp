// TrainConfig JSON: round trip of every schema field, presets, each kind of bad input rejected
// with its field named (the fuzzing pass's findings among them), and the checked file I/O.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <utility>

#include "common/atomic_file.hpp"
#include "common/file_error.hpp"
#include "common/read_file.hpp"
#include "core/api/config.hpp"
#include "core/config/presets.hpp"
#include "core/config/schema.hpp"
#include "test_util.hpp"

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

using test::expectConfigError;

/// Sets `field` in `config` to a value different from its default and inside its range.
void setNonDefault(const ConfigField& field, TrainConfig& config) {
  const TrainConfig defaults;
  const NumberRange& range = field.range;
  switch (field.type) {
    case FieldType::Float: {  // 37% or 61% of the way through the range: never an end
      float& value = field.get<float>(config);
      value = static_cast<float>(range.lo + 0.37 * (range.hi - range.lo));
      if (value == field.get<float>(defaults)) {
        value = static_cast<float>(range.lo + 0.61 * (range.hi - range.lo));
      }
      break;
    }
    case FieldType::Int:
    case FieldType::Int64: {
      int64_t value = static_cast<int64_t>(range.lo + 0.37 * (range.hi - range.lo));
      const int64_t old =
          field.type == FieldType::Int ? field.get<int>(defaults) : field.get<int64_t>(defaults);
      if (value == old) value = value + 1 <= range.hi ? value + 1 : value - 1;
      if (field.type == FieldType::Int) field.get<int>(config) = static_cast<int>(value);
      if (field.type == FieldType::Int64) field.get<int64_t>(config) = value;
      break;
    }
    case FieldType::UInt64:
      field.get<uint64_t>(config) = field.get<uint64_t>(defaults) + 12345678901234ull;
      break;
    case FieldType::Bool:
      field.get<bool>(config) = !field.get<bool>(defaults);
      break;
    case FieldType::String:
      field.get<std::string>(config) = field.get<std::string>(defaults) + " round trip";
      break;
    case FieldType::Enum:  // the last name that is not the default
      for (const EnumName& name : field.names) {
        if (name.value != field.get<uint8_t>(defaults)) field.get<uint8_t>(config) = name.value;
      }
      break;
    case FieldType::Points:
      field.get<std::vector<float>>(config) = {1.5f, -2.25f, 0.1f, 999.5f};
      break;
  }
}

TEST(ConfigTest, JsonRoundTripKeepsEveryField) {
  TrainConfig config;
  for (const ConfigField& field : configFields()) setNonDefault(field, config);
  // Points, so that data.points is written too; the image models need images (below).
  config.data.kind = DataKind::Points;
  config.model = ModelKind::Mlp;
  config.data.classes = "3,1";
  const nlohmann::json json = configToJson(config);
  const TrainConfig back = configFromJson(json);
  const TrainConfig defaults;
  for (const ConfigField& field : configFields()) {
    if (field.path != std::string_view("model")) {
      EXPECT_NE(fieldToJson(field, config), fieldToJson(field, defaults)) << field.path;
    }
    EXPECT_EQ(fieldToJson(field, back), fieldToJson(field, config)) << field.path;
  }
  EXPECT_EQ(configToJson(back), json);
  // Spot checks of the members themselves, not only their JSON.
  EXPECT_EQ(back.engine, EngineKind::Autograd);
  EXPECT_EQ(back.seed, defaults.seed + 12345678901234ull);
  EXPECT_EQ(back.data.points, (std::vector<float>{1.5f, -2.25f, 0.1f, 999.5f}));
  EXPECT_EQ(back.hyper.d_opt.alpha, config.hyper.d_opt.alpha);
  EXPECT_NE(back.hyper.d_opt.alpha, defaults.hyper.d_opt.alpha);
}

TEST(ConfigTest, ImageModelsRoundTripAndNeedImages) {
  TrainConfig config;
  config.data.kind = DataKind::Images;
  config.data.classes = "7, 0,2";
  config.model = ModelKind::Dcgan;
  const TrainConfig back = configFromJson(configToJson(config));
  EXPECT_EQ(back.model, ModelKind::Dcgan);
  EXPECT_EQ(engineFor(back), EngineKind::Autograd);
  EXPECT_EQ(imageClasses(back.data), (std::vector<int>{0, 2, 7}));
  EXPECT_EQ(imageClasses(DataConfig{}).size(), 10u);
  // The control differs only in the data kind.
  config.data.kind = DataKind::Ring;
  expectConfigError([&] { validate(config); }, "model", "needs data.kind \"images\"");
  config.data.kind = DataKind::Images;
  config.engine = EngineKind::Fast;
  expectConfigError([&] { validate(config); }, "engine", "plain MLP and the MLP GAN only");
  config.engine = EngineKind::Auto;
  for (const char* bad : {"1,1", "10", "a", "1,,2", "1,"}) {
    config.data.classes = bad;
    expectConfigError([&] { validate(config); }, "data.classes", "distinct class digits");
  }
}

/// Converts to any type: counts an aggregate's members (as boost.pfr does).
struct AnyValue {
  template <class T>
  operator T() const;
};

template <class S, size_t... I>
constexpr bool initializableFrom(std::index_sequence<I...>) {
  return requires {
    S{(void(I), AnyValue{})...};
  };
}

/// The direct members (and bases) of the aggregate S.
template <class S, size_t N = 24>
constexpr size_t memberCount() {
  if constexpr (N == 0) {
    return 0;
  } else if constexpr (initializableFrom<S>(std::make_index_sequence<N>{})) {
    return N;
  } else {
    return memberCount<S, N - 1>();
  }
}

/// Table rows directly in `group` plus the groups nested one level below it.
size_t rowsAndGroups(std::string_view group) {
  const auto rows = std::count_if(configFields().begin(), configFields().end(),
                                  [&](const ConfigField& field) { return field.group() == group; });
  return static_cast<size_t>(rows) + childGroups(group).size();
}

TEST(ConfigTest, TableCoversEveryMemberOfTheStructs) {
  // A member added to a config struct without a table row would be neither read, written nor
  // shown: each struct's member count must match its group's rows (and nested groups).
  EXPECT_EQ(memberCount<TrainConfig>(), rowsAndGroups(""));
  EXPECT_EQ(memberCount<DataConfig>(), rowsAndGroups("data"));
  EXPECT_EQ(memberCount<LatentConfig>(), rowsAndGroups("latent"));
  EXPECT_EQ(memberCount<MlpConfig>(), rowsAndGroups("generator"));
  // DiscriminatorConfig: its MlpConfig base is one initializer for the base's three rows.
  EXPECT_EQ(memberCount<DiscriminatorConfig>(),
            rowsAndGroups("discriminator") - memberCount<MlpConfig>() + 1);
  EXPECT_EQ(memberCount<Hyperparams>(), rowsAndGroups("hyper"));
  EXPECT_EQ(memberCount<OptimizerConfig>(), rowsAndGroups("hyper.g_opt"));
  EXPECT_EQ(memberCount<OptimizerConfig>(), rowsAndGroups("hyper.d_opt"));
  // The counter itself: one more member, one more count.
  struct Probe {
    int a = 1;
    std::string b;
  };
  struct ProbePlusOne : Probe {
    std::vector<float> c;
    bool d = false;
  };
  EXPECT_EQ(memberCount<Probe>(), 2u);
  EXPECT_EQ(memberCount<ProbePlusOne>(), 3u);
  EXPECT_EQ(memberCount<OptimizerConfig>(), 6u);
}

TEST(ConfigTest, TableDefaultsAreTheStructsDefaults) {
  const TrainConfig defaults;
  const TrainConfig read = configFromJson(nlohmann::json::object());  // every field absent
  EXPECT_EQ(configToJson(read), configToJson(defaults));
  EXPECT_NO_THROW(validate(defaults));
  for (const ConfigField& field : configFields()) {
    EXPECT_EQ(fieldToJson(field, read), fieldToJson(field, defaults)) << field.path;
    EXPECT_NE(std::string(field.help), "") << field.path;
    if (field.type == FieldType::Float) {
      EXPECT_GE(field.get<float>(defaults), static_cast<float>(field.range.lo)) << field.path;
      EXPECT_LE(field.get<float>(defaults), static_cast<float>(field.range.hi)) << field.path;
    }
  }
  EXPECT_EQ(configField("engine").names.size(), 3u);
  EXPECT_EQ(toString(defaults.engine), std::string("auto"));
  EXPECT_THROW(configField("hyper.no_such_field"), std::out_of_range);
  EXPECT_THROW(configField("hyper.d_opt.lr").get<int>(defaults), std::logic_error);
}

TEST(ConfigTest, FloatsAreWrittenAsTheirShortestDecimal) {
  TrainConfig config;
  config.data.std = 0.02f;
  config.hyper.d_opt.lr = 2e-4f;
  const std::string text = configToJson(config).dump();
  EXPECT_NE(text.find("\"std\":0.02}"), std::string::npos) << text;
  EXPECT_NE(text.find("0.0002"), std::string::npos) << text;
  EXPECT_EQ(text.find("0.0199999"), std::string::npos) << text;
  EXPECT_EQ(configFromJson(nlohmann::json::parse(text)).data.std, 0.02f);  // reads back exactly
}

TEST(ConfigTest, EveryRangeEndIsAllowedOrRefusedAsDocumented) {
  // hyper.d_opt.momentum 0.999, beta1 0.999 and data.std 0.01 were once refused at their own
  // documented ends (the float was compared with the double bound).
  for (const ConfigField& field : configFields()) {
    if (field.type != FieldType::Float) continue;
    for (const auto& [end, open] :
         {std::pair{field.range.lo, field.range.lo_open}, {field.range.hi, field.range.hi_open}}) {
      nlohmann::json json = nlohmann::json::object();
      json[nlohmann::json::json_pointer(field.pointer())] = end;
      if (open) {
        EXPECT_THROW(configFromJson(json), ConfigError) << field.path << " " << end;
      } else {
        EXPECT_NO_THROW(configFromJson(json)) << field.path << " " << end;
      }
    }
  }
  EXPECT_EQ(parseError(R"({"hyper": {"d_opt": {"momentum": 0.9991}}})").field(),
            "hyper.d_opt.momentum");
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

TEST(ConfigTest, DeepNestingIsRefusedWithoutCrashing) {
  const std::string deep =
      R"({"hyper": {"loss": )" + std::string(60000, '[') + std::string(60000, ']') + "}}";
  const ConfigError error = parseError(deep);
  EXPECT_NE(error.message().find("nested deeper than 64"), std::string::npos) << error.what();
  // 60 levels are fine for the parser; the field then says what it expected.
  const std::string nested =
      R"({"hyper": {"loss": )" + std::string(60, '[') + std::string(60, ']') + "}}";
  EXPECT_EQ(parseError(nested).field(), "hyper.loss");
}

TEST(ConfigTest, HugeBadValuesAreQuotedShort) {
  const ConfigError error =
      parseError(R"({"hyper": {"loss": ")" + std::string(1 << 20, 'x') + "\"}}");
  EXPECT_EQ(error.field(), "hyper.loss");
  EXPECT_LT(error.message().size(), 200u) << error.message().substr(0, 300);
  EXPECT_NE(error.message().find("xxx..."), std::string::npos);
  const ConfigError array = parseError(R"({"data": {"kind": "points", "points": [[1, 2], )" +
                                       std::string(1000, '[') + std::string(1000, ']') + "]}}");
  EXPECT_LT(array.message().size(), 200u) << array.message().substr(0, 300);
  // Syntax errors quote the token they stopped at: cut short too.
  for (const std::string& text : {R"({"hyper": {"loss": ")" + std::string(1 << 20, 'x'),
                                  R"({"seed": )" + std::string(1 << 20, '9') + "}"}) {
    const ConfigError syntax = parseError(text);
    EXPECT_NE(syntax.message().find("not valid JSON"), std::string::npos);
    EXPECT_LT(syntax.message().size(), 400u) << syntax.message().substr(0, 500);
  }
}

TEST(ConfigTest, IntegersAreReportedAsGiven) {
  const ConfigError error = parseError(R"({"hyper": {"batch_size": 18446744073709551615}})");
  EXPECT_EQ(error.field(), "hyper.batch_size");
  EXPECT_NE(error.message().find("18446744073709551615 is out of range [1, 8192]"),
            std::string::npos)
      << error.message();
  EXPECT_NE(parseError(R"({"steps": 9223372036854775808})").message().find("9223372036854775808"),
            std::string::npos);
}

TEST(ConfigTest, TextAfterANulByteIsRefused) {
  const std::string text = std::string(R"({"seed": 3})") + '\0' + "garbage";
  EXPECT_NE(std::string(parseError(text).what()).find("NUL byte at offset 11"), std::string::npos);
}

TEST(ConfigTest, PointsOnlyWithKindPoints) {
  const ConfigError error = parseError(R"({"data": {"kind": "ring", "points": [[1, 2]]}})");
  EXPECT_EQ(error.field(), "data.points");
  EXPECT_NE(error.message().find("\"ring\""), std::string::npos) << error.message();
  // Points kept in memory under another kind (the UI switched kinds) are not written.
  TrainConfig config;
  config.data.kind = DataKind::Ring;
  config.data.points = {1, 2};
  EXPECT_FALSE(configToJson(config)["data"].contains("points"));
  EXPECT_NO_THROW(validate(config));
}

/// A fresh folder for one file test.
std::filesystem::path fileTestDir(const std::string& name) {
  const auto dir = std::filesystem::temp_directory_path() / ("ganscope-config-test-" + name);
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  return dir;
}

TEST(FileTest, OnlyRegularFilesOfASaneSizeAreRead) {
  const auto dir = fileTestDir("read");
  const auto fifo = dir / "fifo", big = dir / "big.json", good = dir / "good.json";
  ASSERT_EQ(::mkfifo(fifo.c_str(), 0600), 0);
  std::ofstream(good) << R"({"seed": 5})";
  std::ofstream(big) << std::string(1000, ' ');
  EXPECT_EQ(readRegularFile(good, 100), R"({"seed": 5})");
  for (const std::string path :
       {"/dev/zero", "/dev/urandom", fifo.c_str(), dir.c_str(), big.c_str(), "/no/such/file"}) {
    try {
      readRegularFile(path, 100);  // a FIFO nobody writes must not block
      ADD_FAILURE() << "read " << path;
    } catch (const FileError& error) {
      EXPECT_EQ(error.path(), path);
      EXPECT_FALSE(error.reason().empty());
    }
  }
  try {
    loadConfigFile(fifo);
    ADD_FAILURE();
  } catch (const ConfigError& error) {
    EXPECT_NE(std::string(error.what()).find("is a FIFO, not a regular file"), std::string::npos)
        << error.what();
  }
}

TEST(FileTest, AtomicWritesReplaceOnlyRegularFiles) {
  const auto dir = fileTestDir("write");
  const auto fifo = dir / "fifo", file = dir / "file.txt", link = dir / "link.txt";
  ASSERT_EQ(::mkfifo(fifo.c_str(), 0600), 0);
  std::ofstream(file) << "old";
  std::filesystem::create_symlink(file, link);
  writeFileAtomically(file, "new");  // the control: a regular file is replaced
  EXPECT_EQ(readRegularFile(file, 100), "new");
  for (const std::string path : {fifo.c_str(), dir.c_str(), link.c_str(), "/dev/null"}) {
    EXPECT_THROW(writeFileAtomically(path, "x"), FileError) << path;
    EXPECT_THROW(checkWritable(path), FileError) << path;
  }
  struct stat info {};
  ASSERT_EQ(::lstat(fifo.c_str(), &info), 0);
  EXPECT_TRUE(S_ISFIFO(info.st_mode));
  ASSERT_EQ(::lstat(link.c_str(), &info), 0);
  EXPECT_TRUE(S_ISLNK(info.st_mode));
  EXPECT_EQ(readRegularFile(file, 100), "new");  // the link's target is untouched
  // No temporary file is left behind.
  for (const auto& entry : std::filesystem::directory_iterator(dir)) {
    EXPECT_EQ(entry.path().filename().string().find("file.txt.tmp"), std::string::npos)
        << entry.path();
  }
}

TEST(FileTest, AtomicWritesNeverTouchAnotherFilesName) {
  // A user's own "name.tmp" and another writer's temporary file are not the writer's to use:
  // the temporary name is unique, so both survive a write and a check of `name`.
  const auto dir = fileTestDir("unique-temp");
  const auto file = dir / "run.gss", own = dir / "run.gss.tmp";
  std::ofstream(own) << "mine";
  checkWritable(file);
  writeFileAtomically(file, "new");
  EXPECT_EQ(readRegularFile(own, 100), "mine");
  EXPECT_EQ(readRegularFile(file, 100), "new");
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
