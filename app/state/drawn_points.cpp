// DrawnPoints: brush dabs, and the points as a config fragment on disk.
#include "app/state/drawn_points.hpp"

#include <algorithm>
#include <cmath>
#include <numbers>

#include <nlohmann/json.hpp>

#include "common/atomic_file.hpp"
#include "core/api/config.hpp"

namespace ganscope {
namespace {

/// `value` rounded to 4 decimals, so the file reads 0.1234 rather than float noise.
double rounded(double value) {
  return std::round(value * 1e4) / 1e4;
}

}  // namespace

void DrawnPoints::beginStroke(double x, double y, double radius) {
  dab(x, y, radius);
}

void DrawnPoints::continueStroke(double x, double y, double radius) {
  // Dabs every half radius along the way from the last one, however far the mouse moved in one
  // frame.
  const double step = radius / 2;
  for (double gap = std::hypot(x - last_x_, y - last_y_); gap >= step && !full(); gap -= step) {
    dab(last_x_ + (x - last_x_) * step / gap, last_y_ + (y - last_y_) * step / gap, radius);
  }
}

void DrawnPoints::dab(double x, double y, double radius) {
  last_x_ = x;
  last_y_ = y;
  std::uniform_real_distribution<double> unit(0.0, 1.0);
  for (int i = 0; i < kPointsPerDab && !full(); ++i) {
    // Uniform in the disc: the radius goes as the square root of a uniform number.
    const double r = radius * std::sqrt(unit(random_));
    const double angle = 2 * std::numbers::pi * unit(random_);
    const double px = std::clamp(x + r * std::cos(angle), -kDrawnPointLimit, kDrawnPointLimit);
    const double py = std::clamp(y + r * std::sin(angle), -kDrawnPointLimit, kDrawnPointLimit);
    points_.push_back(static_cast<float>(px));
    points_.push_back(static_cast<float>(py));
  }
}

void DrawnPoints::save(const std::string& path, float std) const {
  // One point per line, so the file stays readable and diffs well.
  std::string text = "{\n  \"data\": {\n    \"kind\": \"points\",\n    \"std\": ";
  text += nlohmann::json(rounded(std)).dump();
  text += ",\n    \"points\": [";
  for (size_t i = 0; i < size(); ++i) {
    text += i ? ",\n      " : "\n      ";
    text += nlohmann::json::array({rounded(points_[2 * i]), rounded(points_[2 * i + 1])}).dump();
  }
  text += "\n    ]\n  }\n}\n";
  writeFileAtomically(path, text);
}

float DrawnPoints::load(const std::string& path) {
  const TrainConfig config = loadConfigFile(path);
  if (config.data.kind != DataKind::Points) {
    throw ConfigError("data.kind", "holds no drawn points (expected \"points\")", path);
  }
  points_ = config.data.points;
  return config.data.std;
}

}  // namespace ganscope
