// ClassifierJob: the thread that loads or trains, and the process-wide table of jobs.
#include "core/engine/classifier_service.hpp"

#include <ATen/Parallel.h>
#include <sys/resource.h>
#include <unistd.h>

#include <cmath>
#include <vector>

namespace ganscope {
namespace {

LabelledTensors labelled(const torch::Tensor& pixels, const torch::Tensor& labels) {
  return {pixels.to(torch::kFloat).div_(127.5).sub_(1), labels};
}

}  // namespace

ClassifierJob::ClassifierJob(std::shared_ptr<const ImageSet> set)
    : set_(std::move(set)),
      train_(labelled(set_->train_images, set_->train_labels)),
      test_(labelled(set_->test_images, set_->test_labels)) {
  status_.phase = ClassifierPhase::Loading;
  status_.text = "loading the image classifier";
  thread_ = std::thread([this] { run(); });
}

ClassifierJob::~ClassifierJob() {
  cancel_.store(true);
  if (thread_.joinable()) thread_.join();
}

void ClassifierJob::run() {
  // One core, at the lowest priority: the trainer and the window come first.
  at::set_num_threads(1);
  setpriority(PRIO_PROCESS, static_cast<id_t>(gettid()), 19);
  try {
    const auto progress = [this](float fraction, const std::string& text) {
      std::lock_guard lock(mutex_);
      status_.phase = ClassifierPhase::Training;
      status_.progress = fraction;
      status_.text = text;
    };
    LoadedClassifier loaded = loadOrTrain(train_, test_, defaultCacheDir(), progress, &cancel_);
    std::lock_guard lock(mutex_);
    loaded_ = std::move(loaded);
    status_.phase = ClassifierPhase::Ready;
    status_.progress = 1;
    status_.accuracy = static_cast<float>(loaded_.accuracy);
    status_.text = loaded_.note;
  } catch (const std::exception& error) {
    std::lock_guard lock(mutex_);
    status_.phase = ClassifierPhase::Failed;
    status_.text = error.what();
  }
  changed_.notify_all();
}

ClassifierStatus ClassifierJob::status() const {
  std::lock_guard lock(mutex_);
  return status_;
}

const LoadedClassifier* ClassifierJob::ready() const {
  std::lock_guard lock(mutex_);
  return status_.phase == ClassifierPhase::Ready ? &loaded_ : nullptr;
}

const LoadedClassifier* ClassifierJob::wait(const std::atomic<bool>& stop) const {
  std::unique_lock lock(mutex_);
  while (status_.phase != ClassifierPhase::Ready && status_.phase != ClassifierPhase::Failed &&
         !stop.load()) {
    changed_.wait_for(lock, std::chrono::milliseconds(50));
  }
  return status_.phase == ClassifierPhase::Ready ? &loaded_ : nullptr;
}

std::shared_ptr<ClassifierJob> classifierFor(const std::shared_ptr<const ImageSet>& set) {
  static std::mutex mutex;
  static std::vector<std::pair<std::shared_ptr<const ImageSet>, std::shared_ptr<ClassifierJob>>>
      jobs;
  std::lock_guard lock(mutex);
  for (const auto& [known, job] : jobs) {
    if (known == set) return job;
  }
  jobs.emplace_back(set, std::make_shared<ClassifierJob>(set));
  return jobs.back().second;
}

}  // namespace ganscope
