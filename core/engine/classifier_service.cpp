// ClassifierJob: the thread that loads or trains, and the process-wide table of jobs.
#include "core/engine/classifier_service.hpp"

#include <ATen/Parallel.h>
#include <sys/resource.h>
#include <unistd.h>

#include <algorithm>
#include <cmath>
#include <vector>

#include "core/metrics/real_statistics_cache.hpp"

namespace ganscope {
namespace {

/// The job thread's niceness: the kernel's weight 110 against the trainer's 1024 (niceness 0)
/// is 9.7% of a core both want.
constexpr int kClassifierNiceness = 10;

LabelledTensors labelled(const torch::Tensor& pixels, const torch::Tensor& labels) {
  return {pixels.to(torch::kFloat).div_(127.5).sub_(1), labels};
}

}  // namespace

ClassifierJob::ClassifierJob(std::shared_ptr<const ImageSet> set) : set_(std::move(set)) {
  status_.phase = ClassifierPhase::Loading;
  status_.text = "loading the image classifier";
  thread_ = std::thread([this] { run(); });
}

ClassifierJob::~ClassifierJob() {
  cancel_.store(true);
  changed_.notify_all();
  if (thread_.joinable()) thread_.join();
}

void ClassifierJob::run() {
  // One core, below the trainer: at niceness kClassifierNiceness it gets about a tenth of a core
  // the trainer contends for (the budget of the image metrics), not the 1.5% of niceness 19,
  // at which a machine busy with anything else starved it for minutes.
  at::set_num_threads(1);
  setpriority(PRIO_PROCESS, static_cast<id_t>(gettid()), kClassifierNiceness);
  try {
    // Here, not in the constructor: a run is built on the UI or trainer thread.
    train_ = labelled(set_->train_images, set_->train_labels);
    test_ = labelled(set_->test_images, set_->test_labels);
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
    return;
  }
  serveEvaluators();
}

void ClassifierJob::serveEvaluators() {
  try {
    while (true) {
      std::vector<int> classes;
      {
        std::unique_lock lock(mutex_);
        changed_.wait(lock, [this] { return !requested_.empty() || cancel_.load(); });
        if (cancel_.load()) return;
        classes = requested_.front();
      }
      // Read from the cache beside the classifier's when an earlier run computed them.
      LoadedRealStatistics real = loadOrComputeRealStatistics(
          loaded_.model, loaded_.key, train_, test_, classes, defaultCacheDir(), {}, &cancel_);
      auto shared = std::make_shared<SharedEvaluator>();
      shared->evaluator = std::make_unique<ImageMetricsEvaluator>(loaded_.model, loaded_.accuracy,
                                                                  std::move(real.real), classes);
      std::lock_guard lock(mutex_);
      if (!real.note.empty()) {
        status_.text += (status_.text.empty() ? "" : "; ") + real.note;
      }
      requested_.erase(requested_.begin());
      evaluators_.emplace_back(classes, std::move(shared));
    }
  } catch (const ClassifierCancelled&) {
    // the process is ending
  } catch (const std::exception& error) {
    std::lock_guard lock(mutex_);
    status_.phase = ClassifierPhase::Failed;
    status_.text = std::string("the real images' statistics: ") + error.what();
  }
}

ClassifierStatus ClassifierJob::status() const {
  std::lock_guard lock(mutex_);
  return status_;
}

std::shared_ptr<SharedEvaluator> ClassifierJob::evaluator(const std::vector<int>& classes) {
  std::lock_guard lock(mutex_);
  for (const auto& [known, shared] : evaluators_) {
    if (known == classes) return shared;
  }
  if (std::find(requested_.begin(), requested_.end(), classes) == requested_.end()) {
    requested_.push_back(classes);
    changed_.notify_all();
  }
  return nullptr;
}

ImageClassifier ClassifierJob::classifier() const {
  std::lock_guard lock(mutex_);
  return status_.phase == ClassifierPhase::Ready ? loaded_.model : ImageClassifier(nullptr);
}

std::shared_ptr<ClassifierJob> classifierFor(const std::shared_ptr<const ImageSet>& set) {
  // Weak: a job ends (and joins its thread) with the last run using it, before the process
  // exits; LibTorch's own statics must not be torn down under a running job.
  static std::mutex mutex;
  static std::vector<std::pair<const ImageSet*, std::weak_ptr<ClassifierJob>>> jobs;
  std::lock_guard lock(mutex);
  std::erase_if(jobs, [](const auto& entry) { return entry.second.expired(); });
  for (const auto& [known, job] : jobs) {
    if (known == set.get()) {
      if (auto alive = job.lock()) return alive;
    }
  }
  auto job = std::make_shared<ClassifierJob>(set);
  jobs.emplace_back(set.get(), job);
  return job;
}

}  // namespace ganscope
