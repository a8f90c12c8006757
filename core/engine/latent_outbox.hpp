// LatentOutbox: where the LatentWorker's jobs leave their answers for the UI. Shared by the
// Session and the jobs it posts, so an answer has a place to go even while a run is replaced.
#pragma once
#include <atomic>
#include <cstddef>
#include <deque>
#include <mutex>

#include "core/api/telemetry/class_map.hpp"
#include "core/api/telemetry/latent_directions.hpp"

namespace ganscope {

/// A bounded queue for any number of producers (an old run's worker can still be finishing
/// while the new run's starts) and one consumer.
template <class T>
class Mailbox {
 public:
  explicit Mailbox(size_t capacity) : capacity_(capacity) {}
  /// False (and `value` dropped) when full.
  bool push(T value) {
    std::lock_guard lock(mutex_);
    if (items_.size() >= capacity_) return false;
    items_.push_back(std::move(value));
    return true;
  }
  bool pop(T& out) {
    std::lock_guard lock(mutex_);
    if (items_.empty()) return false;
    out = std::move(items_.front());
    items_.pop_front();
    return true;
  }

 private:
  const size_t capacity_;
  std::mutex mutex_;
  std::deque<T> items_;
};

struct LatentOutbox {
  Mailbox<LatentDirections> directions{4};
  std::atomic<uint64_t> directions_computed{0}, directions_dropped{0};
  Mailbox<ClassMap> class_maps{4};  ///< RenderClassMap's answers (the window asks one at a time)
};

}  // namespace ganscope
