// Google Benchmark of one training step of the image models (mlp_gan, dcgan at several widths) as
// plain autograd + torch::optim::Adam, the step bench/reference/fashion_steps.py times in PyTorch,
// and of ganscope's step engines (fast, autograd) on fashion-mlp's config, at each setting of
// LibTorch's intra-op threads and OpenBLAS's own pool.
#include <benchmark/benchmark.h>

#include <string>

#include "common/runtime_info.hpp"
#include "core/config/presets.hpp"
#include "core/engine/step/autograd_engine.hpp"
#include "core/engine/step/fast_engine.hpp"
#include "core/engine/step/step_driver.hpp"
#include "core/models/image_models.hpp"

namespace ganscope {
namespace {

constexpr int64_t kBatch = 64;
constexpr int64_t kLatent = 100;

struct Setting {
  int threads;       ///< at::set_num_threads
  int blas_threads;  ///< openblas_set_num_threads
};

/// D on a real batch and on G(z) made under NoGrad (two forward passes), then G on a fresh z:
/// non-saturating BCE on logits, Adam 2e-4 betas (0.5, 0.999), as ganscope's autograd engine.
void BM_ImageStep(benchmark::State& state, ModelKind model, int g_width, int d_width,
                  Setting setting) {
  at::set_num_threads(setting.threads);
  setBlasThreads(setting.blas_threads);
  torch::manual_seed(1);
  TrainConfig config;
  config.data.kind = DataKind::Images;
  config.model = model;
  config.latent.dim = kLatent;
  config.generator.width = g_width;
  config.discriminator.width = d_width;
  NetworkPtr g = makeImageGenerator(config);
  NetworkPtr d = makeImageDiscriminator(config, kImagePixels, 1, false);
  const auto adam = torch::optim::AdamOptions(2e-4).betas({0.5, 0.999});
  torch::optim::Adam g_opt(g->parameters(), adam);
  torch::optim::Adam d_opt(d->parameters(), adam);
  const torch::Tensor real = torch::rand({kBatch, kImagePixels}) * 2 - 1;
  const torch::Tensor ones = torch::ones({kBatch, 1}), zeros = torch::zeros({kBatch, 1});
  namespace F = torch::nn::functional;
  for (auto _ : state) {
    torch::Tensor fake;
    {
      torch::NoGradGuard no_grad;
      fake = g->forward(torch::randn({kBatch, kLatent}));
    }
    d_opt.zero_grad();
    const torch::Tensor d_loss = F::binary_cross_entropy_with_logits(d->forward(real), ones) +
                                 F::binary_cross_entropy_with_logits(d->forward(fake), zeros);
    d_loss.backward();
    d_opt.step();
    g_opt.zero_grad();
    const torch::Tensor g_loss = F::binary_cross_entropy_with_logits(
        d->forward(g->forward(torch::randn({kBatch, kLatent}))), ones);
    g_loss.backward();
    g_opt.step();
  }
  state.counters["steps/s"] = benchmark::Counter(state.iterations(), benchmark::Counter::kIsRate);
}

/// One full step (D update, G update) of fashion-mlp's config by a GanState with `engine`, as
/// the Trainer runs it (inside InferenceMode), without the Trainer's probes and frames.
void BM_EngineStep(benchmark::State& state, EngineKind engine, Setting setting) {
  at::set_num_threads(setting.threads);
  setBlasThreads(setting.blas_threads);
  GanState gan(presetConfig("fashion-mlp"));
  std::unique_ptr<StepEngine> step_engine;
  if (engine == EngineKind::Fast) {
    step_engine = std::make_unique<FastEngine>(gan);
  } else {
    step_engine = std::make_unique<AutogradEngine>();
  }
  c10::InferenceMode inference;
  for (auto _ : state) runStep(*step_engine, gan, StepTarget::Both);
  state.counters["steps/s"] = benchmark::Counter(state.iterations(), benchmark::Counter::kIsRate);
}

}  // namespace
}  // namespace ganscope

int main(int argc, char** argv) {
  using ganscope::ModelKind;
  struct Model {
    std::string name;
    ModelKind kind;
    int g_width, d_width;  ///< dcgan: generator.width, discriminator.width
  };
  const Model models[] = {{"mlp_gan", ModelKind::MlpGan, 0, 0},
                          {"dcgan_g16_d16", ModelKind::Dcgan, 16, 16},
                          {"dcgan_g32_d16", ModelKind::Dcgan, 32, 16},
                          {"dcgan_g32_d32", ModelKind::Dcgan, 32, 32},
                          {"dcgan_g64_d64", ModelKind::Dcgan, 64, 64}};
  const ganscope::Setting settings[] = {{1, 1}, {2, 1}, {1, 2}, {2, 2}};
  for (const Model& model : models) {
    for (const ganscope::Setting& setting : settings) {
      const std::string name = "image_step/" + model.name +
                               "/threads:" + std::to_string(setting.threads) +
                               "/openblas:" + std::to_string(setting.blas_threads);
      benchmark::RegisterBenchmark(name.c_str(), ganscope::BM_ImageStep, model.kind, model.g_width,
                                   model.d_width, setting)
          ->Unit(benchmark::kMillisecond)
          ->UseRealTime();
    }
  }
  for (const auto engine : {ganscope::EngineKind::Fast, ganscope::EngineKind::Autograd}) {
    for (const ganscope::Setting& setting : settings) {
      const std::string name = std::string("engine_step/fashion-mlp/") +
                               ganscope::toString(engine) +
                               "/threads:" + std::to_string(setting.threads) +
                               "/openblas:" + std::to_string(setting.blas_threads);
      benchmark::RegisterBenchmark(name.c_str(), ganscope::BM_EngineStep, engine, setting)
          ->Unit(benchmark::kMillisecond)
          ->UseRealTime();
    }
  }
  benchmark::Initialize(&argc, argv);
  benchmark::RunSpecifiedBenchmarks();
}
