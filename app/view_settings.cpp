// ViewSettings as JSON, in the user's config folder.
#include "app/view_settings.hpp"

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include <nlohmann/json.hpp>

#include "core/atomic_file.hpp"
#include "core/json_reader.hpp"

namespace ganscope {

nlohmann::json viewSettingsToJson(const ViewSettings& s) {
  const Figure1Layers& l = s.layers;
  const PlaneLayers& p = s.plane_layers;
  return {{"ui_scale", s.ui_scale},
          {"layers",
           {{"p_data", l.p_data},
            {"p_g", l.p_g},
            {"d", l.d},
            {"d_star", l.d_star},
            {"d_strip", l.d_strip},
            {"mapping", l.mapping}}},
          {"plane_layers",
           {{"d_heatmap", p.d_heatmap},
            {"real_samples", p.real_samples},
            {"fake_samples", p.fake_samples},
            {"trails", p.trails},
            {"manifold", p.manifold},
            {"gradient_field", p.gradient_field},
            {"mode_centres", p.mode_centres}}},
          {"capture_steps", s.capture_steps}};
}

ViewSettings viewSettingsFromJson(const nlohmann::json& json) {
  ViewSettings s;
  JsonReader reader(json, "");
  reader.read("ui_scale", s.ui_scale, 0.5, 3.0);
  JsonReader layers = reader.child("layers");
  layers.read("p_data", s.layers.p_data);
  layers.read("p_g", s.layers.p_g);
  layers.read("d", s.layers.d);
  layers.read("d_star", s.layers.d_star);
  layers.read("d_strip", s.layers.d_strip);
  layers.read("mapping", s.layers.mapping);
  layers.rejectUnknown();
  JsonReader plane = reader.child("plane_layers");
  plane.read("d_heatmap", s.plane_layers.d_heatmap);
  plane.read("real_samples", s.plane_layers.real_samples);
  plane.read("fake_samples", s.plane_layers.fake_samples);
  plane.read("trails", s.plane_layers.trails);
  plane.read("manifold", s.plane_layers.manifold);
  plane.read("gradient_field", s.plane_layers.gradient_field);
  plane.read("mode_centres", s.plane_layers.mode_centres);
  plane.rejectUnknown();
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
  std::ifstream file(path);
  std::ostringstream text;
  text << file.rdbuf();
  try {
    return viewSettingsFromJson(nlohmann::json::parse(text.str()));
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
