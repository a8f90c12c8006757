// LatentOutbox: where the LatentWorker's jobs leave their answers for the UI. Shared by the
// Session and the jobs it posts, so an answer has a place to go even while a run is replaced.
// Its Mailbox (bounded; drops the newest or the oldest when full) also keeps the Session's
// waiting RenderLatent.
#pragma once
#include <atomic>
#include <cstddef>
#include <cstdint>
#include <deque>
#include <mutex>

#include "core/api/telemetry/class_map.hpp"
#include "core/api/telemetry/found_latent.hpp"
#include "core/api/telemetry/latent_directions.hpp"

namespace ganscope {

/// What a full Mailbox drops when one more value is pushed.
enum class WhenFull : uint8_t {
  DropNewest,  ///< the value pushed (the ones waiting are kept)
  DropOldest,  ///< the oldest value waiting (the one pushed goes in)
};

/// A bounded queue for any number of producers (an old run's worker can still be finishing
/// while the new run's starts) and one consumer.
template <class T>
class Mailbox {
 public:
  explicit Mailbox(size_t capacity, WhenFull when_full = WhenFull::DropNewest)
      : capacity_(capacity), when_full_(when_full) {}
  /// Queues `value`; false when the mailbox was full and a value was dropped (which one: see
  /// WhenFull).
  bool push(T value) {
    std::lock_guard lock(mutex_);
    const bool full = items_.size() >= capacity_;
    if (full && when_full_ == WhenFull::DropNewest) return false;
    if (full) items_.pop_front();
    items_.push_back(std::move(value));
    return !full;
  }
  /// Pops the oldest value; false when none waits.
  bool pop(T& out) {
    std::lock_guard lock(mutex_);
    if (items_.empty()) return false;
    out = std::move(items_.front());
    items_.pop_front();
    return true;
  }

 private:
  const size_t capacity_;
  const WhenFull when_full_;
  std::mutex mutex_;
  std::deque<T> items_;  // guarded by mutex_
};

struct LatentOutbox {
  Mailbox<LatentDirections> directions{4};
  std::atomic<uint64_t> directions_computed{0}, directions_dropped{0};
  Mailbox<ClassMap> class_maps{4};  ///< RenderClassMap's answers (the window asks one at a time)
  /// FindLatent's answers: progress answers are superseded by the next anyway, so a few are
  /// kept unpolled and the oldest goes first.
  Mailbox<FoundLatent> found_latents{8, WhenFull::DropOldest};
  /// The newest FindLatent request: a search for an older one stops at its next iteration.
  std::atomic<uint64_t> newest_find{0};
};

}  // namespace ganscope
