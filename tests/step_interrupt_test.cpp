// A step stopped by its cancel flag between two updates continues later exactly: the run's
// weights equal those of the same steps taken without interruption.
#include <gtest/gtest.h>

#include <atomic>
#include <vector>

#include "core/config/presets.hpp"
#include "core/engine/step/step_driver.hpp"

namespace ganscope {
namespace {

/// The real engine, raising `cancel` after its `after`-th D update (the way a Pause arrives
/// part way through a step).
class CancellingEngine final : public StepEngine {
 public:
  CancellingEngine(GanState& state, std::atomic<bool>& cancel, int after)
      : engine_(makeStepEngine(state)), cancel_(cancel), after_(after) {}
  void discriminatorStep(GanState& state) override {
    engine_->discriminatorStep(state);
    if (++d_updates_ == after_) cancel_.store(true);
  }
  void generatorStep(GanState& state) override { engine_->generatorStep(state); }

 private:
  std::unique_ptr<StepEngine> engine_;
  std::atomic<bool>& cancel_;
  int after_;
  int d_updates_ = 0;
};

std::vector<float> weights(const GanState& state) {
  const torch::Tensor g = state.g_params->values().contiguous();
  const torch::Tensor d = state.d_params->values().contiguous();
  std::vector<float> all(g.data_ptr<float>(), g.data_ptr<float>() + g.numel());
  all.insert(all.end(), d.data_ptr<float>(), d.data_ptr<float>() + d.numel());
  return all;
}

/// Two steps of `config`, interrupted after D update `stop_after` (counting every D update,
/// look-ahead ones too) and then continued; returns the weights and the step count.
std::vector<float> interruptedSteps(const TrainConfig& config, int stop_after, int64_t& steps) {
  c10::InferenceMode inference;  // as Trainer::step runs the fast path
  GanState state(config);
  std::atomic<bool> cancel{false};
  CancellingEngine engine(state, cancel, stop_after);
  StepProgress progress;
  int interruptions = 0;
  for (int done = 0; done < 2;) {
    if (runStep(engine, state, StepTarget::Both, progress, &cancel)) {
      ++done;
    } else {
      ++interruptions;
      EXPECT_TRUE(progress.started);
      cancel.store(false);
    }
  }
  EXPECT_EQ(interruptions, 1);
  steps = state.stats.step;
  return weights(state);
}

TEST(StepInterruptTest, AnInterruptedStepContinuesExactly) {
  TrainConfig config = presetConfig("ring-collapse");
  config.hyper.batch_size = 32;
  config.hyper.d_steps = 3;
  config.hyper.unrolled_steps = 2;
  c10::InferenceMode inference;  // as Trainer::step runs the fast path
  GanState plain(config);
  auto engine = makeStepEngine(plain);
  for (int i = 0; i < 2; ++i) runStep(*engine, plain, StepTarget::Both);
  const std::vector<float> expected = weights(plain);
  // Stopped among the k D updates, and among the look-ahead updates of the unrolled G update.
  for (int stop_after : {1, 4}) {
    int64_t steps = 0;
    EXPECT_EQ(interruptedSteps(config, stop_after, steps), expected) << stop_after;
    EXPECT_EQ(steps, 2);
  }
  // The control: the same run with one D update fewer per step differs.
  config.hyper.d_steps = 2;
  GanState fewer(config);
  auto fewer_engine = makeStepEngine(fewer);
  for (int i = 0; i < 2; ++i) runStep(*fewer_engine, fewer, StepTarget::Both);
  EXPECT_NE(weights(fewer), expected);
}

}  // namespace
}  // namespace ganscope
