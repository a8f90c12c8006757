// Commands from the UI to the training thread; applied between two steps.
#pragma once
#include <variant>

#include "core/config.hpp"

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

using Command = std::variant<SetHyperparams, Pause, Resume, StepOnce, Reset>;

}  // namespace ganscope
