// The worker's thread: wait for the classifier, precompute the real images' statistics, then
// evaluate each batch handed in.
#include "core/engine/image_metrics_worker.hpp"

#include <ATen/Parallel.h>


namespace ganscope {

ImageMetricsWorker::ImageMetricsWorker(const ImageData& data)
    : job_(classifierFor(data.shared())), classes_(data.classes()) {
  thread_ = std::thread([this] { run(); });
}

ImageMetricsWorker::~ImageMetricsWorker() {
  stop_.store(true);
  changed_.notify_all();
  if (thread_.joinable()) thread_.join();
}

bool ImageMetricsWorker::wantsSamples() const {
  std::lock_guard lock(mutex_);
  if (!ready_ || busy_ || pending_) return false;
  const double since = std::chrono::duration<double>(Clock::now() - last_end_).count();
  return since * kMetricsShare >= last_seconds_ * (1 - kMetricsShare);
}

void ImageMetricsWorker::submit(torch::Tensor samples, int64_t step) {
  {
    std::lock_guard lock(mutex_);
    pending_.emplace(std::move(samples), step);
  }
  changed_.notify_all();
}

ImageMetrics ImageMetricsWorker::latest() const {
  std::lock_guard lock(mutex_);
  return latest_;
}

std::string ImageMetricsWorker::failure() const {
  std::lock_guard lock(mutex_);
  return failure_;
}

void ImageMetricsWorker::waitFor(int64_t step, const std::atomic<bool>& stop) const {
  std::unique_lock lock(mutex_);
  while (latest_.step < step && !failed_ && !stop.load() && !stop_.load()) {
    changed_.wait_for(lock, std::chrono::milliseconds(50));
  }
}

void ImageMetricsWorker::run() {
  at::set_num_threads(1);
  c10::InferenceMode inference;
  try {
    // The classifier and the real images' statistics come from the job's thread: waiting here
    // never holds up a reset (the destructor stops this loop within 50 ms).
    std::shared_ptr<SharedEvaluator> shared;
    while (!(shared = job_->evaluator(classes_))) {
      if (stop_.load()) return;
      if (job_->status().phase == ClassifierPhase::Failed) {
        std::lock_guard lock(mutex_);
        failed_ = true;
        changed_.notify_all();
        return;
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    {
      std::lock_guard lock(mutex_);
      ready_ = true;
    }
    while (!stop_.load()) {
      std::pair<torch::Tensor, int64_t> batch;
      {
        std::unique_lock lock(mutex_);
        changed_.wait(lock, [this] { return pending_ || stop_.load(); });
        if (stop_.load()) return;
        batch = std::move(*pending_);
        pending_.reset();
        busy_ = true;
      }
      const Clock::time_point start = Clock::now();
      ImageMetrics metrics;
      {
        std::lock_guard lock(shared->mutex);  // runs compared side by side share it
        metrics = shared->evaluator->evaluate(batch.first, batch.second);
      }
      std::lock_guard lock(mutex_);
      latest_ = metrics;
      busy_ = false;
      last_end_ = Clock::now();
      last_seconds_ = std::chrono::duration<double>(last_end_ - start).count();
      changed_.notify_all();
    }
  } catch (const std::exception& error) {
    // The classifier's own failures show in its status; an evaluation that throws (a bug) is
    // reported by failure(), and the trainer fails the run with it.
    std::lock_guard lock(mutex_);
    failed_ = true;
    failure_ = std::string("image metrics: ") + error.what();
    busy_ = false;
    changed_.notify_all();
  }
}

}  // namespace ganscope
