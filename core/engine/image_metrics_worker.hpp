// ImageMetricsWorker: an image run's class-coverage and Frechet metrics on a thread of its own.
// The trainer hands it G's samples only when it is idle and its evaluations so far have used at
// most kMetricsShare of the wall time, so the trainer loses little; the newest result goes into
// every frame.
#pragma once
#include <torch/torch.h>

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <memory>
#include <mutex>
#include <optional>
#include <thread>

#include "core/api/telemetry/image_frame.hpp"
#include "core/data/image_data.hpp"
#include "core/engine/classifier_service.hpp"

namespace ganscope {

/// The share of wall time the worker's evaluations may take.
inline constexpr double kMetricsShare = 0.1;
/// Generated samples per evaluation.
inline constexpr int kMetricSamples = 1000;

class ImageMetricsWorker {
 public:
  /// Asks for `data`'s classifier and starts the thread that evaluates.
  explicit ImageMetricsWorker(const ImageData& data);
  /// Stops and joins the thread (an evaluation under way finishes first: a second or so).
  ~ImageMetricsWorker();
  ImageMetricsWorker(const ImageMetricsWorker&) = delete;
  ImageMetricsWorker& operator=(const ImageMetricsWorker&) = delete;

  /// True when samples handed in now would be evaluated at once and within the time share.
  bool wantsSamples() const;
  /// Hands in `samples` [n, 784] of `step`, replacing any not yet started.
  void submit(torch::Tensor samples, int64_t step);
  /// The newest metrics (step -1 before the first).
  ImageMetrics latest() const;
  /// Waits until metrics of `step` or later are in, the classifier has failed or `stop`.
  void waitFor(int64_t step, const std::atomic<bool>& stop) const;
  /// Why the evaluations stopped, if one threw (a bug); empty otherwise.
  std::string failure() const;
  /// The classifier's job (its progress, for the status line).
  const std::shared_ptr<ClassifierJob>& job() const { return job_; }

 private:
  using Clock = std::chrono::steady_clock;
  void run();

  std::shared_ptr<ClassifierJob> job_;
  std::vector<int> classes_;
  mutable std::mutex mutex_;
  mutable std::condition_variable changed_;
  std::optional<std::pair<torch::Tensor, int64_t>> pending_;
  ImageMetrics latest_;
  bool ready_ = false;          ///< the real images' statistics are computed
  bool busy_ = false;           ///< an evaluation is under way
  bool failed_ = false;         ///< no classifier: no metrics will come
  std::string failure_;         ///< an evaluation's error
  double last_seconds_ = 0;     ///< the last evaluation's duration
  Clock::time_point last_end_;  ///< when it ended
  std::atomic<bool> stop_{false};
  std::thread thread_;
};

}  // namespace ganscope
