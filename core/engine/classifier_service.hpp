// The image classifier of each image folder: read from the cache or trained on a thread of its
// own, shared by every run on that data, so a reset or a second run beside it never waits for
// it again; the same thread then reads (or computes once and caches) the real images'
// statistics for each class filter asked for. Its progress is readable from any thread.
#pragma once
#include <atomic>
#include <condition_variable>
#include <memory>
#include <mutex>
#include <string>
#include <thread>

#include "core/api/session.hpp"
#include "core/data/image_set.hpp"
#include "core/metrics/classifier_cache.hpp"
#include "core/metrics/image_metrics.hpp"

namespace ganscope {

/// An evaluator shared by the runs of one class filter: hold `mutex` while evaluating.
struct SharedEvaluator {
  std::mutex mutex;
  std::unique_ptr<ImageMetricsEvaluator> evaluator;
};

/// One folder's classifier: the labelled images as float rows, and the classifier once loaded.
class ClassifierJob {
 public:
  /// Starts loading or training on a thread of its own.
  explicit ClassifierJob(std::shared_ptr<const ImageSet> set);
  /// Cancels training (checked every batch) and joins the thread.
  ~ClassifierJob();
  ClassifierJob(const ClassifierJob&) = delete;
  ClassifierJob& operator=(const ClassifierJob&) = delete;

  /// Where it stands: loading, training (progress), ready (accuracy), failed (why).
  ClassifierStatus status() const;
  /// The evaluator of `classes` (ascending), once the job's thread has built it; until then
  /// nullptr, and the request is queued. Never blocks.
  std::shared_ptr<SharedEvaluator> evaluator(const std::vector<int>& classes);
  /// The classifier (eval mode) once Ready, else an empty holder. Its module is shared: a
  /// thread other than the metrics' copies it (copyClassifier) and uses the copy.
  ImageClassifier classifier() const;

 private:
  void run();
  /// After the classifier: builds the evaluators asked for, until cancelled.
  void serveEvaluators();

  std::shared_ptr<const ImageSet> set_;
  LabelledTensors train_, test_;  ///< the images as float rows (the job's thread only)
  mutable std::mutex mutex_;
  mutable std::condition_variable changed_;
  ClassifierStatus status_;
  LoadedClassifier loaded_;
  std::vector<std::pair<std::vector<int>, std::shared_ptr<SharedEvaluator>>> evaluators_;
  std::vector<std::vector<int>> requested_;  ///< class filters waiting for their evaluator
  std::atomic<bool> cancel_{false};
  std::thread thread_;
};

/// The job of `set`'s folder: started on the first request, the same one after while any run
/// holds it (a reset builds the new run before it drops the old one, so the job carries over).
std::shared_ptr<ClassifierJob> classifierFor(const std::shared_ptr<const ImageSet>& set);

}  // namespace ganscope
