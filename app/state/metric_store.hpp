// MetricStore: what the UI has received from the session. Per-step series for the plots, the
// newest frame of each kind, and the rates shown in the status bar. UI thread only. Memory is
// bounded: when the history is full it keeps every other point and from then on every other step.
#pragma once
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <tuple>
#include <type_traits>
#include <vector>

#include "core/api/telemetry/frames.hpp"
#include "core/api/telemetry/image_frame.hpp"
#include "core/api/telemetry/step_stats.hpp"

namespace ganscope {

/// The per-step series; GGradLog10 and DGradLog10 are log10 of StepStats' g_grad_norm and
/// d_grad_norm (for a log axis; -inf for a zero gradient).
enum class Series { DLoss, GLoss, DReal, DFake, Value, GGradLog10, DGradLog10, Count };

/// The image metrics over time, one point per classifier evaluation (they come at intervals,
/// inside ImageFrames, so they have their own steps, not the per-step series').
struct ImageMetricHistory {
  std::vector<double> steps;     ///< ImageMetrics::step of each point, increasing
  std::vector<float> frechet;    ///< ImageMetrics::frechet
  std::vector<float> floor;      ///< ImageMetrics::frechet_floor
  std::vector<float> diversity;  ///< ImageMetrics::diversity
  std::vector<float> covered;    ///< ImageMetrics::classes_covered
};

class MetricStore {
 public:
  /// Keeps at most `max_points` steps of history (default: 4M, 128 MB).
  explicit MetricStore(size_t max_points = size_t{1} << 22);

  /// Appends one step; a newer generation (a reset) clears the history first, an older one
  /// (still in flight when the reset happened) is ignored.
  void append(const StepStats& stats);
  /// Keeps a copy of `frame` as the newest of its kind (the session's buffer can go back at
  /// once), with the same generation rules as append.
  template <class Frame>
  void setFrame(const Frame& frame) {
    if (!acceptGeneration(frame.header.generation)) return;
    std::optional<Frame>& kept = std::get<std::optional<Frame>>(frames_);
    kept = frame;
    scenario_ = Frame::kScenario;
    if constexpr (std::is_same_v<Frame, ImageFrame>) {
      appendImageMetrics(frame.metrics);
      // A run opened from a session file: its saved newest metrics until it computes its own.
      if (frame.metrics.step < 0) kept->metrics = newest_image_metrics_;
    }
  }
  /// Adds `metrics` to imageMetrics() unless it holds no evaluation yet (step < 0) or one not
  /// newer than the last point (every frame repeats the newest metrics until the next one).
  void appendImageMetrics(const ImageMetrics& metrics);
  const ImageMetricHistory& imageMetrics() const { return image_metrics_; }
  /// The newest image metrics received (or opened with a history); step -1 before any.
  const ImageMetrics& newestImageMetrics() const { return newest_image_metrics_; }
  void clear();

  /// The history (steps, times, series, thinning stride, last stats, the image metrics over
  /// time and the newest of them) as bytes, for a session file; the newest frames are not
  /// included.
  std::string exportHistory() const;
  /// Replaces the history with exported bytes, as telemetry of `generation` (a loaded run's),
  /// thinning it to this store's size. Throws FormatError naming `source` on bad bytes.
  void importHistory(std::string_view bytes, uint32_t generation, const std::string& source);

  std::span<const double> steps() const { return steps_; }
  std::span<const float> series(Series which) const { return series_[static_cast<int>(which)]; }
  bool empty() const { return steps_.empty(); }
  /// The run generation of the telemetry kept (bumps with every reset and state load).
  uint32_t generation() const { return generation_; }
  /// The last StepStats received (zeros before the first).
  const StepStats& last() const { return last_; }
  /// The newest frame of kind `Frame` of the current generation, or nullptr.
  template <class Frame>
  const Frame* frame() const {
    const auto& kept = std::get<std::optional<Frame>>(frames_);
    return kept ? &*kept : nullptr;
  }
  /// The scenario of the newest frame received (Figure 1 before the first).
  Scenario scenario() const { return scenario_; }
  /// The header of the newest frame received, or nullptr.
  const FrameHeader* newestHeader() const;
  /// Calls `fn(frame)` with the newest frame received (of the current scenario), if any.
  template <class Fn>
  void visitNewest(Fn&& fn) const {
    forEachFrameKind([&](auto kind) {
      using Frame = typename decltype(kind)::type;
      if (Frame::kScenario == scenario_ && frame<Frame>()) fn(*frame<Frame>());
    });
  }
  /// The training time (StepStats::seconds) of the newest step at or before `step` among the
  /// kept ones and the last received; NaN when there is none (the history thins evenly, so it
  /// is at most a stride early).
  double secondsAt(double step) const;
  /// Training steps per second over the last second of trainer time.
  double stepsPerSecond() const;
  /// Mean of `which` over the last `count` steps (NaN when empty).
  double recentMean(Series which, size_t count) const;

 private:
  template <class Kinds>
  struct Newest;
  template <class... Frames>
  struct Newest<std::tuple<Frames...>> {
    using type = std::tuple<std::optional<Frames>...>;
  };

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
  Newest<FrameKinds>::type frames_;  ///< the newest frame of each kind
  Scenario scenario_ = Scenario::Figure1;
  ImageMetricHistory image_metrics_;
  ImageMetrics newest_image_metrics_;  ///< the whole of the last point of image_metrics_
};

}  // namespace ganscope
