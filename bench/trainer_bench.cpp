// Google Benchmark of one training step and one frame of each preset, on the trainer itself
// (no session, no queues): the engine's raw cost; and one step of the autograd engine on the
// same presets' networks, next to the fast path.
#include <benchmark/benchmark.h>

#include "core/config/presets.hpp"
#include "core/engine/step/autograd_engine.hpp"
#include "core/engine/step/step_driver.hpp"
#include "core/engine/trainer.hpp"

namespace ganscope {
namespace {

void BM_Step(benchmark::State& state, const std::string& preset) {
  at::set_num_threads(1);
  Trainer trainer(presetConfig(preset));
  for (auto _ : state) benchmark::DoNotOptimize(trainer.step(StepTarget::Both));
  state.counters["steps/s"] = benchmark::Counter(state.iterations(), benchmark::Counter::kIsRate);
}

void BM_AutogradStep(benchmark::State& state, const std::string& preset) {
  at::set_num_threads(1);
  GanState gan(presetConfig(preset));
  AutogradEngine engine;
  for (auto _ : state) benchmark::DoNotOptimize(runStep(engine, gan, StepTarget::Both));
  state.counters["steps/s"] = benchmark::Counter(state.iterations(), benchmark::Counter::kIsRate);
}

/// One frame of the preset's scenario (its only frame kind).
void BM_Frame(benchmark::State& state, const std::string& preset) {
  at::set_num_threads(1);
  Trainer trainer(presetConfig(preset));
  forEachFrameKind([&](auto kind) {
    using Frame = typename decltype(kind)::type;
    if (Frame::kScenario != trainer.scenario()) return;
    auto frame = std::make_unique<Frame>();
    for (auto _ : state) trainer.fillFrame(*frame);
  });
}

}  // namespace
}  // namespace ganscope

int main(int argc, char** argv) {
  for (const std::string& name : ganscope::presetNames()) {
    benchmark::RegisterBenchmark(("step/" + name).c_str(), ganscope::BM_Step, name)
        ->Unit(benchmark::kMicrosecond);
    benchmark::RegisterBenchmark(("frame/" + name).c_str(), ganscope::BM_Frame, name)
        ->Unit(benchmark::kMicrosecond);
  }
  for (const std::string name : {"figure1", "ring-streak", "ring-stddev"}) {
    benchmark::RegisterBenchmark(("autograd_step/" + name).c_str(), ganscope::BM_AutogradStep, name)
        ->Unit(benchmark::kMicrosecond);
  }
  benchmark::Initialize(&argc, argv);
  benchmark::RunSpecifiedBenchmarks();
}
