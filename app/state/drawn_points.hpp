// DrawnPoints: the user's own 2-D data, painted with a round brush on the plane panel, and its
// file: a config fragment {"data": {"kind": "points", "points": [[x, y], ...], "std": S}} that
// `ganscope --config` loads as it is.
#pragma once
#include <cstddef>
#include <random>
#include <span>
#include <string>
#include <vector>

#include "core/api/config.hpp"

namespace ganscope {

class DrawnPoints {
 public:
  static constexpr size_t kMaxPoints = kMaxDrawnPoints;  ///< the config's limit for data.points
  static constexpr int kPointsPerDab = 6;                ///< points one touch of the brush adds

  /// Starts a stroke with a dab of the brush (radius `radius`, data units) at (x, y).
  void beginStroke(double x, double y, double radius);
  /// Continues the stroke to (x, y): a dab every half radius along the way from the last dab,
  /// so a stroke is even whatever the speed of the mouse and the frame rate.
  void continueStroke(double x, double y, double radius);
  void clear() { points_.clear(); }

  /// The points, interleaved x, y.
  std::span<const float> points() const { return points_; }
  size_t size() const { return points_.size() / 2; }
  bool full() const { return size() >= kMaxPoints; }

  /// Writes the points and `std` (each point's blur) as a config fragment; throws
  /// std::runtime_error naming the file when it cannot be written.
  void save(const std::string& path, float std) const;
  /// Replaces the points with those of a config file and returns its data.std. Throws
  /// ConfigError naming the bad field (through the core's config reader), or data.kind when the
  /// file holds no drawn points.
  float load(const std::string& path);

 private:
  void dab(double x, double y, double radius);

  std::vector<float> points_;
  std::mt19937 random_{20140610};  // any fixed seed: a stroke looks the same every run
  double last_x_ = 0, last_y_ = 0;
};

}  // namespace ganscope
