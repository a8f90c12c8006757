// LatentWorker: one thread, one slot per kind of job, the newest job of a kind replacing one
// that has not started.
#include "core/engine/latent_worker.hpp"

#include <ATen/Parallel.h>
#include <sys/resource.h>
#include <unistd.h>

#include "core/models/networks.hpp"

namespace ganscope {

LatentWorker::LatentWorker(const TrainConfig& config, int data_dim, LatentWorkerOptions options)
    : config_(config), data_dim_(data_dim), options_(options) {
  thread_ = std::thread([this] { run(); });
}

LatentWorker::~LatentWorker() {
  {
    std::lock_guard lock(mutex_);
    stop_ = true;
    for (auto& waiting : waiting_) waiting.reset();
    cancel_running_.store(true);
  }
  wake_.notify_all();
  thread_.join();
}

void LatentWorker::post(LatentJobSlot slot, GeneratorSnapshot snapshot, LatentJob job) {
  {
    std::lock_guard lock(mutex_);
    waiting_[static_cast<int>(slot)] = Waiting{std::move(snapshot), std::move(job)};
  }
  wake_.notify_all();
}

void LatentWorker::cancel(LatentJobSlot slot) {
  std::lock_guard lock(mutex_);
  waiting_[static_cast<int>(slot)].reset();
  if (running_ == static_cast<int>(slot)) cancel_running_.store(true);
}

bool LatentWorker::idle(LatentJobSlot slot) const {
  std::lock_guard lock(mutex_);
  return running_ != static_cast<int>(slot) && !waiting_[static_cast<int>(slot)];
}

std::string LatentWorker::failure() const {
  std::lock_guard lock(mutex_);
  return failure_;
}

Network& LatentWorker::load(const GeneratorSnapshot& snapshot) {
  if (!generator_) {
    {
      std::lock_guard lock(networkInitMutex());
      generator_ = makeGenerator(config_, data_dim_);
    }
    params_ = std::make_unique<FlatParameters>(*generator_);
    generator_->eval();
    for (torch::Tensor& p : generator_->parameters()) p.set_requires_grad(false);
  }
  torch::NoGradGuard no_grad;
  params_->values().copy_(snapshot.values);
  auto to = generator_->buffers();
  for (size_t i = 0; i < to.size(); ++i) to[i].copy_(snapshot.buffers[i]);
  return *generator_;
}

void LatentWorker::run() {
  // One core at a lower priority: the trainer and the window come first.
  at::set_num_threads(1);
  setpriority(PRIO_PROCESS, static_cast<id_t>(gettid()), options_.nice);
  std::unique_lock lock(mutex_);
  for (;;) {
    wake_.wait(lock, [this] {
      if (stop_) return true;
      for (const auto& waiting : waiting_) {
        if (waiting) return true;
      }
      return false;
    });
    if (stop_) return;
    // The kind a user waits on first: a search for z, then the class map, then directions.
    int slot = kLatentJobSlots - 1;
    while (!waiting_[slot]) --slot;
    Waiting job = std::move(*waiting_[slot]);
    waiting_[slot].reset();
    running_ = slot;
    cancel_running_.store(false);
    lock.unlock();
    std::string error;
    try {
      job.job(load(job.snapshot), cancel_running_);
    } catch (const std::exception& e) {
      const auto* torch_error = dynamic_cast<const c10::Error*>(&e);
      error = torch_error ? torch_error->what_without_backtrace() : e.what();
    }
    job = Waiting{};  // the snapshot's memory goes before the next one comes
    lock.lock();
    running_ = -1;
    if (!error.empty()) failure_ = std::move(error);
  }
}

}  // namespace ganscope
