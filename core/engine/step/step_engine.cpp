// The choice of step engine: the config's, or the model's for "auto".
#include "core/engine/step/step_engine.hpp"

#include "core/engine/step/autograd_engine.hpp"
#include "core/engine/step/fast_engine.hpp"

namespace ganscope {

std::unique_ptr<StepEngine> makeStepEngine(GanState& state) {
  if (engineFor(state.config) == EngineKind::Autograd) return std::make_unique<AutogradEngine>();
  return std::make_unique<FastEngine>(state);
}

}  // namespace ganscope
