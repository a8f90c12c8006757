// TrainConfig JSON I/O and validation.
#include "core/config.hpp"

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <sstream>

#include <nlohmann/json.hpp>

#include "core/json_reader.hpp"

namespace ganscope {
namespace {

using nlohmann::json;

constexpr std::initializer_list<std::pair<const char*, LossKind>> kLossNames = {
    {"minimax", LossKind::Minimax},    {"non_saturating", LossKind::NonSaturating},
    {"wgan_clip", LossKind::WganClip}, {"wgan_gp", LossKind::WganGp},
    {"lsgan", LossKind::LeastSquares}, {"hinge", LossKind::Hinge}};
constexpr std::initializer_list<std::pair<const char*, OptimizerKind>> kOptimizerNames = {
    {"sgd", OptimizerKind::Sgd},
    {"adam", OptimizerKind::Adam},
    {"rmsprop", OptimizerKind::RmsProp}};
constexpr std::initializer_list<std::pair<const char*, Activation>> kActivationNames = {
    {"relu", Activation::Relu}, {"leaky_relu", Activation::LeakyRelu}, {"tanh", Activation::Tanh}};
constexpr std::initializer_list<std::pair<const char*, DataKind>> kDataNames = {
    {"gaussian", DataKind::Gaussian},
    {"bimodal", DataKind::Bimodal},
    {"ring", DataKind::Ring},
    {"grid", DataKind::Grid},
    {"gaussian_2d", DataKind::Gaussian2d},
    {"line", DataKind::Line},
    {"moons", DataKind::Moons},
    {"spiral", DataKind::Spiral},
    {"points", DataKind::Points}};
constexpr std::initializer_list<std::pair<const char*, LatentKind>> kLatentNames = {
    {"uniform", LatentKind::Uniform}, {"normal", LatentKind::Normal}};

template <class Enum>
const char* nameOf(Enum kind, std::initializer_list<std::pair<const char*, Enum>> names) {
  for (const auto& [name, value] : names) {
    if (value == kind) return name;
  }
  return "?";
}

void readOptimizer(JsonReader reader, OptimizerConfig& out) {
  reader.readEnum("kind", out.kind, kOptimizerNames);
  reader.read("lr", out.lr, 0.0, 100.0, /*lo_open=*/true);
  reader.read("momentum", out.momentum, 0.0, 0.999);
  reader.read("beta1", out.beta1, 0.0, 0.999);
  reader.read("beta2", out.beta2, 0.0, 0.99999);
  reader.read("alpha", out.alpha, 0.0, 0.99999);
  reader.rejectUnknown();
}

void readHyper(JsonReader reader, Hyperparams& out) {
  reader.readEnum("loss", out.loss, kLossNames);
  reader.read("batch_size", out.batch_size, 1, 8192);
  reader.read("d_steps", out.d_steps, 1, 100);
  readOptimizer(reader.child("g_opt"), out.g_opt);
  readOptimizer(reader.child("d_opt"), out.d_opt);
  reader.read("real_label", out.real_label, 0.5, 1.0);
  reader.read("instance_noise", out.instance_noise, 0.0, 100.0);
  reader.read("noise_anneal_steps", out.noise_anneal_steps, 0, 1'000'000'000);
  reader.read("clip", out.clip, 0.0, 10.0, /*lo_open=*/true);
  reader.read("gp_lambda", out.gp_lambda, 0.0, 1000.0);
  reader.read("r1_gamma", out.r1_gamma, 0.0, 1000.0);
  reader.read("unrolled_steps", out.unrolled_steps, 0, 50);
  reader.read("lr_half_life", out.lr_half_life, 0, 1'000'000'000);
  reader.rejectUnknown();
}

void readMlpFields(JsonReader& reader, MlpConfig& out) {
  reader.read("hidden_layers", out.hidden_layers, 1, 8);
  reader.read("width", out.width, 1, 1024);
  reader.readEnum("activation", out.activation, kActivationNames);
}

void readMlp(JsonReader reader, MlpConfig& out) {
  readMlpFields(reader, out);
  reader.rejectUnknown();
}

void readDiscriminator(JsonReader reader, DiscriminatorConfig& out) {
  readMlpFields(reader, out);
  reader.read("pack", out.pack, 1, 8);
  reader.read("minibatch_stddev", out.minibatch_stddev);
  reader.rejectUnknown();
}

void readData(JsonReader reader, DataConfig& out) {
  reader.readEnum("kind", out.kind, kDataNames);
  reader.read("mean", out.mean, -100.0, 100.0);
  reader.read("std", out.std, 0.01, 100.0);
  reader.read("separation", out.separation, 0.0, 200.0);
  reader.read("modes", out.modes, 2, 64);
  reader.read("radius", out.radius, 0.1, 100.0);
  reader.read("grid_size", out.grid_size, 2, 10);
  reader.read("spacing", out.spacing, 0.1, 100.0);
  reader.readPoints("points", out.points, kMaxDrawnPoints, kDrawnPointLimit);
  if (out.kind == DataKind::Points && out.points.empty()) {
    throw ConfigError(reader.fieldPath("points"),
                      "data kind \"points\" needs at least one [x, y] point");
  }
  reader.rejectUnknown();
}

void readLatent(JsonReader reader, LatentConfig& out) {
  reader.readEnum("kind", out.kind, kLatentNames);
  reader.read("dim", out.dim, 1, 256);
  reader.rejectUnknown();
}

json optimizerToJson(const OptimizerConfig& opt) {
  return {{"kind", toString(opt.kind)}, {"lr", opt.lr},       {"momentum", opt.momentum},
          {"beta1", opt.beta1},         {"beta2", opt.beta2}, {"alpha", opt.alpha}};
}

json mlpToJson(const MlpConfig& mlp) {
  return {{"hidden_layers", mlp.hidden_layers},
          {"width", mlp.width},
          {"activation", toString(mlp.activation)}};
}

json discriminatorToJson(const DiscriminatorConfig& d) {
  json out = mlpToJson(d);
  out["pack"] = d.pack;
  out["minibatch_stddev"] = d.minibatch_stddev;
  return out;
}

json dataToJson(const DataConfig& data) {
  json out = {{"kind", toString(data.kind)},   {"mean", data.mean},      {"std", data.std},
              {"separation", data.separation}, {"modes", data.modes},    {"radius", data.radius},
              {"grid_size", data.grid_size},   {"spacing", data.spacing}};
  if (!data.points.empty()) {
    json points = json::array();
    for (size_t i = 0; i + 1 < data.points.size(); i += 2) {
      points.push_back({data.points[i], data.points[i + 1]});
    }
    out["points"] = std::move(points);
  }
  return out;
}

}  // namespace

const char* toString(LossKind kind) {
  return nameOf(kind, kLossNames);
}
const char* toString(OptimizerKind kind) {
  return nameOf(kind, kOptimizerNames);
}
const char* toString(Activation kind) {
  return nameOf(kind, kActivationNames);
}
const char* toString(DataKind kind) {
  return nameOf(kind, kDataNames);
}

const char* toString(LatentKind kind) {
  return nameOf(kind, kLatentNames);
}

int dataDimension(DataKind kind) {
  return kind == DataKind::Gaussian || kind == DataKind::Bimodal ? 1 : 2;
}

bool hasModes(DataKind kind) {
  return kind == DataKind::Ring || kind == DataKind::Grid;
}

bool outputIsProbability(LossKind kind) {
  return kind == LossKind::Minimax || kind == LossKind::NonSaturating;
}

bool isCritic(LossKind kind) {
  return kind == LossKind::WganClip || kind == LossKind::WganGp || kind == LossKind::Hinge;
}

double instanceNoiseStd(const Hyperparams& hyper, int64_t step) {
  if (hyper.noise_anneal_steps <= 0) return hyper.instance_noise;
  const double left = 1.0 - static_cast<double>(step) / hyper.noise_anneal_steps;
  return hyper.instance_noise * std::max(0.0, left);
}

double learningRateScale(const Hyperparams& hyper, int64_t step) {
  if (hyper.lr_half_life <= 0) return 1.0;
  return std::exp2(-static_cast<double>(step) / hyper.lr_half_life);
}

TrainConfig configFromJson(const json& root) {
  TrainConfig config;
  JsonReader reader(root, "");
  reader.read("name", config.name);
  reader.read("description", config.description);
  readData(reader.child("data"), config.data);
  readLatent(reader.child("latent"), config.latent);
  readMlp(reader.child("generator"), config.generator);
  readDiscriminator(reader.child("discriminator"), config.discriminator);
  readHyper(reader.child("hyper"), config.hyper);
  reader.read("seed", config.seed);
  reader.read("steps", config.steps, 1, 1'000'000'000);
  reader.rejectUnknown();
  return config;
}

json configToJson(const TrainConfig& config) {
  const Hyperparams& hyper = config.hyper;
  return {{"name", config.name},
          {"description", config.description},
          {"data", dataToJson(config.data)},
          {"latent", {{"kind", toString(config.latent.kind)}, {"dim", config.latent.dim}}},
          {"generator", mlpToJson(config.generator)},
          {"discriminator", discriminatorToJson(config.discriminator)},
          {"hyper",
           {{"loss", toString(hyper.loss)},
            {"batch_size", hyper.batch_size},
            {"d_steps", hyper.d_steps},
            {"g_opt", optimizerToJson(hyper.g_opt)},
            {"d_opt", optimizerToJson(hyper.d_opt)},
            {"real_label", hyper.real_label},
            {"instance_noise", hyper.instance_noise},
            {"noise_anneal_steps", hyper.noise_anneal_steps},
            {"clip", hyper.clip},
            {"gp_lambda", hyper.gp_lambda},
            {"r1_gamma", hyper.r1_gamma},
            {"unrolled_steps", hyper.unrolled_steps},
            {"lr_half_life", hyper.lr_half_life}}},
          {"seed", config.seed},
          {"steps", config.steps}};
}

TrainConfig parseConfig(std::string_view text, const std::string& source) {
  json root;
  try {
    root = json::parse(text.begin(), text.end());
  } catch (const json::exception& error) {  // syntax errors, and numbers beyond double
    throw ConfigError("", std::string("not valid JSON (") + error.what() + ")", source);
  }
  try {
    return configFromJson(root);
  } catch (const ConfigError& error) {
    throw ConfigError(error.field(), error.message(), source);
  }
}

TrainConfig loadConfigFile(const std::string& path) {
  if (std::filesystem::is_directory(path)) throw ConfigError("", "is a folder, not a file", path);
  std::ifstream file(path, std::ios::binary);
  if (!file) throw ConfigError("", "cannot open the file for reading", path);
  std::ostringstream text;
  text << file.rdbuf();
  if (file.bad()) throw ConfigError("", "cannot read the file", path);
  return parseConfig(text.str(), path);
}

void validate(const Hyperparams& hyper) {
  TrainConfig wrapper;
  wrapper.hyper = hyper;
  validate(wrapper);
}

void validate(const TrainConfig& config) {
  configFromJson(configToJson(config));
}

}  // namespace ganscope
