// FindLatent's job for the latent worker: the search on the worker's copy of the preview G,
// its answers (progress, then the final one) put in a mailbox the UI polls, and the check of a
// request before it is posted.
#pragma once
#include <atomic>
#include <cstdint>
#include <deque>
#include <mutex>
#include <optional>

#include "core/api/commands.hpp"
#include "core/api/config.hpp"
#include "core/api/telemetry/found_latent.hpp"
#include "core/models/network.hpp"

namespace ganscope {

/// FindLatent's answers, from worker threads (an old run's worker may still be finishing) to
/// the UI: a few kept, the oldest dropped first. Thread-safe.
class FoundLatentMailbox {
 public:
  /// Answers kept unpolled at most (progress answers are superseded by the next anyway).
  static constexpr size_t kCapacity = 8;
  void push(FoundLatent answer);
  /// Pops the oldest answer; false when none waits.
  bool pop(FoundLatent& out);
  /// Makes `request` the newest: a search for an older one stops at its next iteration.
  void begin(uint64_t request) { newest_.store(request); }
  bool newest(uint64_t request) const { return newest_.load() == request; }

 private:
  std::mutex mutex_;
  std::deque<FoundLatent> answers_;  // guarded by mutex_
  std::atomic<uint64_t> newest_{0};
};

/// The answer refusing `request` for a G of `data_dim` outputs (the field and what is allowed in
/// its error), or nullopt when it can run.
std::optional<FoundLatent> refuseFindLatent(const FindLatent& request, int data_dim);

/// Searches `request` on `generator` (the worker's copy of the preview G at `step` of run
/// `generation`), pushing a FoundLatent every request.report_every iterations and a final one.
/// Stops without a final answer when `cancel` turns true or a newer request began in `mailbox`.
void runFindLatent(Network& generator, const LatentConfig& latent, const FindLatent& request,
                   int64_t step, uint32_t generation, FoundLatentMailbox& mailbox,
                   const std::atomic<bool>& cancel);

}  // namespace ganscope
