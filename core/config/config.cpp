// TrainConfig JSON I/O and validation, driven by the field table in core/config/schema.cpp.
#include "core/api/config.hpp"

#include <algorithm>
#include <cmath>

#include <nlohmann/json.hpp>

#include "common/file_error.hpp"
#include "common/json_reader.hpp"
#include "common/read_file.hpp"
#include "core/config/enum_names.hpp"
#include "core/config/schema.hpp"

namespace ganscope {
namespace {

using nlohmann::json;

template <class Enum>
const char* nameOf(Enum kind, std::span<const EnumName> names) {
  for (const EnumName& name : names) {
    if (name.value == static_cast<uint8_t>(kind)) return name.name;
  }
  return "?";
}

/// Reads `field` from its group's object, if there.
void readField(JsonReader& reader, const ConfigField& field, TrainConfig& config) {
  const std::string key(field.key());
  switch (field.type) {
    case FieldType::Float:
      reader.read(key.c_str(), field.get<float>(config), field.range);
      break;
    case FieldType::Int:
      reader.read(key.c_str(), field.get<int>(config), static_cast<int64_t>(field.range.lo),
                  static_cast<int64_t>(field.range.hi));
      break;
    case FieldType::Int64:
      reader.read(key.c_str(), field.get<int64_t>(config), static_cast<int64_t>(field.range.lo),
                  static_cast<int64_t>(field.range.hi));
      break;
    case FieldType::UInt64:
      reader.read(key.c_str(), field.get<uint64_t>(config));
      break;
    case FieldType::Bool:
      reader.read(key.c_str(), field.get<bool>(config));
      break;
    case FieldType::String:
      reader.read(key.c_str(), field.get<std::string>(config));
      break;
    case FieldType::Enum:
      reader.readEnum(key.c_str(), field.get<uint8_t>(config), field.names);
      break;
    case FieldType::Points:
      reader.readPoints(key.c_str(), field.get<std::vector<float>>(config), kMaxDrawnPoints,
                        kDrawnPointLimit);
      break;
  }
}

/// Reads the table's fields whose group is `group`, then the groups nested in it (in table
/// order), then refuses whatever else the object holds.
void readGroup(JsonReader reader, std::string_view group, TrainConfig& config) {
  for (const ConfigField& field : configFields()) {
    if (field.group() == group) readField(reader, field, config);
  }
  for (const std::string_view child : childGroups(group)) {
    const std::string name(child);
    const std::string path = group.empty() ? name : std::string(group) + "." + name;
    readGroup(reader.child(name.c_str()), path, config);
  }
  reader.rejectUnknown();
}

/// Rules between fields, after each field passed its own.
void checkAcrossFields(const json& root, const TrainConfig& config) {
  const bool points = root.contains("data") && root.at("data").contains("points");
  if (config.data.kind == DataKind::Points && config.data.points.empty()) {
    throw ConfigError("data.points", "data kind \"points\" needs at least one [x, y] point");
  }
  const bool image_model = config.model != ModelKind::Mlp;
  if (image_model && config.data.kind != DataKind::Images) {
    throw ConfigError("model", std::string("\"") + toString(config.model) +
                                   "\" is a model of 28 x 28 images: it needs data.kind "
                                   "\"images\" (here \"" +
                                   toString(config.data.kind) + "\")");
  }
  if (config.model == ModelKind::Dcgan && config.engine == EngineKind::Fast) {
    throw ConfigError("engine", std::string("the fast engine runs the plain MLP and the MLP GAN "
                                            "only; model \"") +
                                    toString(config.model) + "\" needs \"autograd\" or \"auto\"");
  }
  imageClasses(config.data);  // throws for a bad list
  if (config.data.kind != DataKind::Points && points) {
    throw ConfigError("data.points",
                      std::string("only allowed with data.kind \"points\" (here \"") +
                          toString(config.data.kind) + "\")");
  }
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

const char* toString(EngineKind kind) {
  return nameOf(kind, kEngineNames);
}

const char* toString(ModelKind kind) {
  return nameOf(kind, kModelNames);
}

const char* toString(PreviewKind kind) {
  return nameOf(kind, kPreviewNames);
}

EngineKind engineFor(const TrainConfig& config) {
  if (config.engine != EngineKind::Auto) return config.engine;
  // Every loss and remedy runs on the fast passes (the penalties' double backward goes through
  // autograd on D in both engines); only the DCGAN has no hand-written pass.
  return config.model == ModelKind::Dcgan ? EngineKind::Autograd : EngineKind::Fast;
}

int dataDimension(DataKind kind) {
  if (kind == DataKind::Images) return kImagePixels;
  return kind == DataKind::Gaussian || kind == DataKind::Bimodal ? 1 : 2;
}

std::vector<int> imageClasses(const DataConfig& data) {
  std::vector<int> classes;
  if (data.classes.empty()) {
    for (int c = 0; c < kMaxImageClasses; ++c) classes.push_back(c);
    return classes;
  }
  const auto refuse = [&data](const std::string& why) {
    throw ConfigError("data.classes", "\"" + data.classes + "\": " + why +
                                          "; allowed: distinct class digits 0-9 separated by "
                                          "commas, e.g. \"0,2,5\", or \"\" for all");
  };
  size_t at = 0;
  while (at <= data.classes.size()) {
    const size_t comma = std::min(data.classes.find(',', at), data.classes.size());
    std::string item = data.classes.substr(at, comma - at);
    item.erase(0, item.find_first_not_of(' '));
    item.erase(item.find_last_not_of(' ') + 1);
    if (item.size() != 1 || item[0] < '0' || item[0] > '9')
      refuse("\"" + item + "\" is not a class digit");
    const int c = item[0] - '0';
    if (std::find(classes.begin(), classes.end(), c) != classes.end()) {
      refuse("class " + item + " is named twice");
    }
    classes.push_back(c);
    at = comma + 1;
  }
  std::sort(classes.begin(), classes.end());
  return classes;
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
  readGroup(JsonReader(root, ""), "", config);
  checkAcrossFields(root, config);
  return config;
}

json configToJson(const TrainConfig& config) {
  json out = json::object();
  for (const ConfigField& field : configFields()) {
    // Drawn points belong to the "points" kind: kept in memory (the UI may switch back), they
    // are not written with another kind, which would refuse them.
    if (field.type == FieldType::Points && config.data.kind != DataKind::Points) continue;
    out[json::json_pointer(field.pointer())] = fieldToJson(field, config);
  }
  return out;
}

TrainConfig parseConfig(std::string_view text, const std::string& source) {
  const json root = parseJson(text, source);
  try {
    return configFromJson(root);
  } catch (const ConfigError& error) {
    throw ConfigError(error.field(), error.message(), source);
  }
}

TrainConfig loadConfigFile(const std::string& path) {
  std::string text;
  try {
    text = readRegularFile(path, kMaxConfigBytes);
  } catch (const FileError& error) {
    throw ConfigError("", error.reason(), error.path());
  }
  return parseConfig(text, path);
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
