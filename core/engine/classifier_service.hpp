// The image classifier of each image folder, once per process: read from the cache or trained
// on a thread of its own, shared by every run on that data, so a reset or a second run never
// waits for it again. Its progress is readable from any thread.
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

namespace ganscope {

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
  /// The classifier when ready; nullptr while it is being made or when that failed.
  const LoadedClassifier* ready() const;
  /// Waits until it is ready or has failed (nullptr), or until `stop` becomes true (nullptr).
  const LoadedClassifier* wait(const std::atomic<bool>& stop) const;

  const LabelledTensors& train() const { return train_; }
  const LabelledTensors& test() const { return test_; }

 private:
  void run();

  std::shared_ptr<const ImageSet> set_;
  LabelledTensors train_, test_;
  mutable std::mutex mutex_;
  mutable std::condition_variable changed_;
  ClassifierStatus status_;
  LoadedClassifier loaded_;
  std::atomic<bool> cancel_{false};
  std::thread thread_;
};

/// The job of `set`'s folder: started on the first request, the same one after.
std::shared_ptr<ClassifierJob> classifierFor(const std::shared_ptr<const ImageSet>& set);

}  // namespace ganscope
