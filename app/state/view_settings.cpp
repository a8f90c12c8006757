// ViewSettings as JSON, in the user's config folder.
#include "app/state/view_settings.hpp"

#include <cstdlib>
#include <filesystem>
#include <utility>

#include <nlohmann/json.hpp>

#include "common/atomic_file.hpp"
#include "common/file_error.hpp"
#include "common/json_reader.hpp"
#include "common/read_file.hpp"

namespace ganscope {

namespace {

// Each layer switch and its JSON key: one table serves writing and reading.
template <class Layers>
using LayerFields = std::initializer_list<std::pair<const char*, bool Layers::*>>;

constexpr LayerFields<Figure1Layers> kFigure1Fields = {{"p_data", &Figure1Layers::p_data},
                                                       {"p_g", &Figure1Layers::p_g},
                                                       {"d", &Figure1Layers::d},
                                                       {"d_star", &Figure1Layers::d_star},
                                                       {"d_strip", &Figure1Layers::d_strip},
                                                       {"mapping", &Figure1Layers::mapping}};
constexpr LayerFields<PlaneLayers> kPlaneFields = {
    {"d_heatmap", &PlaneLayers::d_heatmap},       {"real_samples", &PlaneLayers::real_samples},
    {"fake_samples", &PlaneLayers::fake_samples}, {"trails", &PlaneLayers::trails},
    {"manifold", &PlaneLayers::manifold},         {"gradient_field", &PlaneLayers::gradient_field},
    {"mode_centres", &PlaneLayers::mode_centres}, {"key", &PlaneLayers::key}};

template <class Layers>
nlohmann::json layersToJson(const Layers& layers, LayerFields<Layers> fields) {
  nlohmann::json out = nlohmann::json::object();
  for (const auto& [key, field] : fields) out[key] = layers.*field;
  return out;
}

template <class Layers>
void readLayers(JsonReader reader, Layers& layers, LayerFields<Layers> fields) {
  for (const auto& [key, field] : fields) reader.read(key, layers.*field);
  reader.rejectUnknown();
}

}  // namespace

ViewSettings openedView(const ViewSettings& opened, const ViewSettings& current) {
  ViewSettings view = opened;
  view.language = current.language;
  return view;
}

nlohmann::json viewSettingsToJson(const ViewSettings& s) {
  return {{"ui_scale", s.ui_scale},
          {"language", s.language},
          {"layers", layersToJson(s.layers, kFigure1Fields)},
          {"plane_layers", layersToJson(s.plane_layers, kPlaneFields)},
          {"capture_steps", s.capture_steps}};
}

ViewSettings viewSettingsFromJson(const nlohmann::json& json) {
  ViewSettings s;
  JsonReader reader(json, "");
  reader.read("ui_scale", s.ui_scale, 0.5, 3.0);
  reader.read("language", s.language);
  readLayers(reader.child("layers"), s.layers, kFigure1Fields);
  readLayers(reader.child("plane_layers"), s.plane_layers, kPlaneFields);
  reader.read("capture_steps", s.capture_steps, -1, 1'000'000'000);
  reader.rejectUnknown();
  return s;
}

std::string viewSettingsPath() {
  namespace fs = std::filesystem;
  if (const char* xdg = std::getenv("XDG_CONFIG_HOME"); xdg && *xdg) {
    return (fs::path(xdg) / "ganscope" / "view.json").string();
  }
  if (const char* home = std::getenv("HOME"); home && *home) {
    return (fs::path(home) / ".config" / "ganscope" / "view.json").string();
  }
  return "";
}

ViewSettings loadViewSettings(const std::string& path) {
  if (path.empty() || !std::filesystem::exists(path)) return ViewSettings{};
  std::string text;
  try {
    text = readRegularFile(path, kMaxConfigBytes);
  } catch (const FileError& error) {
    throw ConfigError("", error.reason(), path);
  }
  try {
    return viewSettingsFromJson(parseJson(text, path));
  } catch (const ConfigError& error) {
    throw ConfigError(error.field(), error.message(), path);
  } catch (const nlohmann::json::exception& error) {
    throw ConfigError("", std::string("not valid JSON (") + error.what() + ")", path);
  }
}

void saveViewSettings(const std::string& path, const ViewSettings& settings) {
  std::error_code ignored;  // a failure to create the folder shows up as a failed write
  std::filesystem::create_directories(std::filesystem::path(path).parent_path(), ignored);
  writeFileAtomically(path, viewSettingsToJson(settings).dump(2) + "\n");
}

}  // namespace ganscope
