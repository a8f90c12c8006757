// Commands from the UI to the training thread; applied between two steps.
#pragma once
#include <future>
#include <memory>
#include <string>
#include <variant>
#include <vector>

#include "core/api/config.hpp"

namespace ganscope {

/// Replaces every hyperparameter at once before the next step.
struct SetHyperparams {
  Hyperparams value;
};
struct Pause {};
struct Resume {};

enum class StepTarget : uint8_t {
  Discriminator,  ///< one D update
  Generator,      ///< one G update
  Both,           ///< k D updates then one G update: a full training step
};
/// Runs exactly one step of `target` (also while paused), then stays paused.
struct StepOnce {
  StepTarget target = StepTarget::Both;
};
/// Rebuilds networks, data and optimisers from `config` (new architecture, data or seed) and
/// restarts from step 0. A running run keeps running; a paused one stays paused; a diverged or
/// failed one becomes paused.
struct Reset {
  TrainConfig config;
};

/// Asks for `count` fresh samples of G (count x data dims, interleaved), answered between
/// steps, also while paused. Session::sampleGenerator wraps it.
struct SampleGenerator {
  int count = 0;
  std::shared_ptr<std::promise<std::vector<float>>> result;
};

/// Asks for the run's state as bytes (GanState format), answered between steps, also while
/// paused. Session::saveState wraps it.
struct SaveState {
  std::shared_ptr<std::promise<std::string>> result;
};
/// Replaces the run with the one `bytes` describe (as Reset does, but continuing from the saved
/// step). Bad bytes set `result`'s exception and leave the current run untouched.
/// Session::loadState wraps it.
struct LoadState {
  std::string bytes;
  std::shared_ptr<std::promise<void>> result;
};

using Command = std::variant<SetHyperparams, Pause, Resume, StepOnce, Reset, SampleGenerator,
                             SaveState, LoadState>;

}  // namespace ganscope
