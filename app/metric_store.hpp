// MetricStore: what the UI has received from the session. Per-step series for the plots, the
// newest snapshot, and the rates shown in the status bar. UI thread only. Memory is bounded:
// when the history is full it keeps every other point and from then on every other step.
#pragma once
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/telemetry.hpp"

namespace ganscope {

enum class Series { DLoss, GLoss, DReal, DFake, Value, Count };

class MetricStore {
 public:
  /// Keeps at most `max_points` steps of history (default: 4M, 128 MB).
  explicit MetricStore(size_t max_points = size_t{1} << 22);

  /// Appends one step; a newer generation (a reset) clears the history first, an older one
  /// (still in flight when the reset happened) is ignored.
  void append(const StepStats& stats);
  /// Keeps a copy of `snapshot` (the session's buffer can go back at once), with the same
  /// generation rules as append.
  void setSnapshot(const Snapshot& snapshot);
  void clear();

  /// The history (steps, times, series, thinning stride and last stats) as bytes, for a
  /// session file; the snapshot is not included.
  std::string exportHistory() const;
  /// Replaces the history with exported bytes, as telemetry of `generation` (a loaded run's),
  /// thinning it to this store's size. Throws FormatError naming `source` on bad bytes.
  void importHistory(std::string_view bytes, uint32_t generation, const std::string& source);

  std::span<const double> steps() const { return steps_; }
  std::span<const float> series(Series which) const { return series_[static_cast<int>(which)]; }
  bool empty() const { return steps_.empty(); }
  /// The last StepStats received (zeros before the first).
  const StepStats& last() const { return last_; }
  const Snapshot* snapshot() const { return has_snapshot_ ? &snapshot_ : nullptr; }
  /// Training steps per second over the last second of trainer time.
  double stepsPerSecond() const;
  /// Mean of `which` over the last `count` steps (NaN when empty).
  double recentMean(Series which, size_t count) const;

 private:
  /// False for telemetry of an older generation; clears the history for a newer one.
  bool acceptGeneration(uint32_t generation);
  void thin();

  size_t max_points_;
  int64_t stride_ = 1;  ///< steps per stored point; doubles each time the history fills
  uint32_t generation_ = 0;
  std::vector<double> steps_;
  std::vector<float> seconds_;
  std::vector<float> series_[static_cast<int>(Series::Count)];
  StepStats last_;
  Snapshot snapshot_;
  bool has_snapshot_ = false;
};

}  // namespace ganscope
