// LatentWorker: the latent explorer's heavy jobs (GANSpace directions, the class map, finding z
// for a real image) on a thread of its own at a lower priority, each on a copy of the preview G
// taken between steps, so the trainer never waits for them and they never touch training state.
#pragma once
#include <torch/torch.h>

#include <array>
#include <atomic>
#include <condition_variable>
#include <functional>
#include <mutex>
#include <optional>
#include <string>
#include <thread>

#include "core/api/config.hpp"
#include "core/engine/generator_history.hpp"
#include "core/engine/step/flat_optimizer.hpp"
#include "core/models/network.hpp"

namespace ganscope {

/// The kinds of job, from the least to the most interactive (the worker takes the last waiting
/// first); each has one slot, so a kind never queues up behind itself.
enum class LatentJobSlot : uint8_t { Directions, ClassMap, FindLatent };
inline constexpr int kLatentJobSlots = 3;

/// One job: runs on the worker thread with the worker's copy of G, in eval mode, holding the
/// weights and buffers of the snapshot it was posted with. It must return soon after `cancel`
/// turns true, posts its answer itself, and may throw: the worker then keeps the error
/// (LatentWorker::failure) and runs the next job.
using LatentJob = std::function<void(Network& generator, const std::atomic<bool>& cancel)>;

struct LatentWorkerOptions {
  int nice = 10;  ///< the thread's niceness: ~10% of a core the trainer also wants
};

class LatentWorker {
 public:
  /// A worker for generators of `config` over data of `data_dim` values (the architecture of
  /// its copy of G); starts the thread.
  LatentWorker(const TrainConfig& config, int data_dim, LatentWorkerOptions options = {});
  /// Cancels the running job, drops the waiting ones and joins the thread.
  ~LatentWorker();
  LatentWorker(const LatentWorker&) = delete;
  LatentWorker& operator=(const LatentWorker&) = delete;

  /// Queues `job` in `slot` on a copy of G as `snapshot`. A job still waiting in that slot is
  /// dropped unstarted (the newest request wins); a running one finishes. Never blocks on a job.
  void post(LatentJobSlot slot, GeneratorSnapshot snapshot, LatentJob job);
  /// Drops the job waiting in `slot` and asks the running one in it, if any, to stop.
  void cancel(LatentJobSlot slot);
  /// Nothing waiting or running in `slot`. A job's effects on memory are visible to the caller
  /// once this returns true.
  bool idle(LatentJobSlot slot) const;
  /// The error of the last job that threw (a bug in it), or empty.
  std::string failure() const;

 private:
  struct Waiting {
    GeneratorSnapshot snapshot;
    LatentJob job;
  };
  void run();
  /// Loads `snapshot` into the worker's G (made here on first use, not on the caller's thread).
  Network& load(const GeneratorSnapshot& snapshot);

  TrainConfig config_;
  int data_dim_;
  LatentWorkerOptions options_;
  NetworkPtr generator_;  ///< the worker thread's copy of G (eval mode)
  std::unique_ptr<FlatParameters> params_;

  mutable std::mutex mutex_;
  std::condition_variable wake_;
  std::array<std::optional<Waiting>, kLatentJobSlots> waiting_;  ///< guarded by mutex_
  int running_ = -1;                                             ///< the slot running, or -1
  std::atomic<bool> cancel_running_{false};
  bool stop_ = false;
  std::string failure_;
  std::thread thread_;
};

}  // namespace ganscope
