// GanState bytes: the parts saved matter (dropping the RNG state, D's moments or G's weights
// changes the continued run), and truncated, flipped or mismatched bytes throw FormatError
// naming the problem, never crash.
#include <gtest/gtest.h>

#include <ATen/CPUGeneratorImpl.h>

#include <cmath>
#include <cstring>
#include <filesystem>
#include <random>

#include "common/byte_stream.hpp"
#include "core/config/presets.hpp"
#include "core/engine/gan_state.hpp"
#include "core/engine/gan_state_io.hpp"
#include "core/engine/trainer.hpp"

namespace ganscope {
namespace {

TrainConfig smallRing() {
  TrainConfig config = presetConfig("ring-streak");
  config.hyper.batch_size = 16;
  config.generator.width = config.discriminator.width = 32;
  return config;
}

std::string stateAfter(const TrainConfig& config, int steps) {
  Trainer trainer(config);
  for (int i = 0; i < steps; ++i) trainer.step(StepTarget::Both);
  return saveGanState(trainer.state());
}

/// G's losses over `steps` further steps of `state`.
std::vector<float> continueRun(GanState state, int steps) {
  Trainer trainer(std::move(state));
  std::vector<float> losses;
  for (int i = 0; i < steps; ++i) losses.push_back(trainer.step(StepTarget::Both).g_loss);
  return losses;
}

TEST(GanStateTest, EverySavedPartChangesTheContinuedRun) {
  const TrainConfig config = smallRing();
  const std::string bytes = stateAfter(config, 40);
  const std::vector<float> exact = continueRun(loadGanState(bytes), 10);
  {
    Trainer uninterrupted(config);
    for (int i = 0; i < 40; ++i) uninterrupted.step(StepTarget::Both);
    std::vector<float> losses;
    for (int i = 0; i < 10; ++i) losses.push_back(uninterrupted.step(StepTarget::Both).g_loss);
    EXPECT_EQ(losses, exact);
  }
  // Controls that each lose one part of the state: each continues differently.
  GanState fresh_random = loadGanState(bytes);
  fresh_random.random = at::make_generator<at::CPUGeneratorImpl>(config.seed);
  EXPECT_NE(continueRun(std::move(fresh_random), 10), exact);

  GanState fresh_moments = loadGanState(bytes);
  FlatOptimizerState zero = fresh_moments.d_opt->state();
  zero.first_moment.zero_();
  zero.second_moment.zero_();
  zero.adam_steps = 0;
  fresh_moments.d_opt->setState(zero);
  EXPECT_NE(continueRun(std::move(fresh_moments), 10), exact);

  GanState fresh_g = loadGanState(bytes);
  {
    torch::NoGradGuard no_grad;
    fresh_g.g_params->values().copy_(GanState(config).g_params->values());
  }
  EXPECT_NE(continueRun(std::move(fresh_g), 10), exact);
}

TEST(GanStateTest, ATruncatedStateThrowsAtEveryLength) {
  const std::string bytes = stateAfter(smallRing(), 3);
  const size_t stride = bytes.size() / 200;
  for (size_t length = 0; length < bytes.size(); length += length < 200 ? 1 : stride) {
    EXPECT_THROW(loadGanState(std::string_view(bytes).substr(0, length)), FormatError) << length;
  }
  EXPECT_THROW(loadGanState(bytes + "x"), FormatError);
}

TEST(GanStateTest, FlippedBytesNeverCrash) {
  const std::string bytes = stateAfter(smallRing(), 3);
  std::mt19937 random(7);
  int refused = 0;
  for (int i = 0; i < 300; ++i) {
    std::string flipped = bytes;
    // Mostly the header, config and sizes, where a flip must be caught; some in the weights.
    const size_t at =
        i % 3 == 0 ? random() % flipped.size() : random() % std::min<size_t>(flipped.size(), 1500);
    flipped[at] = static_cast<char>(flipped[at] ^ (1 << (random() % 8)));
    try {
      loadGanState(flipped);
    } catch (const FormatError&) {
      ++refused;
    }
  }
  EXPECT_GT(refused, 50);
}

TEST(GanStateTest, TensorsOfAnotherArchitectureAreRefusedNamingTheShape) {
  TrainConfig wide = smallRing(), narrow = smallRing();
  narrow.generator.width = 7;
  const std::string a = stateAfter(wide, 1), b = stateAfter(narrow, 1);
  // a's header and config, b's tensors: the config promises width 32, the tensors have 7.
  auto afterConfig = [](const std::string& s) {
    uint64_t length;
    std::memcpy(&length, s.data() + 12, 8);
    return 20 + length;
  };
  const std::string spliced = a.substr(0, afterConfig(a)) + b.substr(afterConfig(b));
  try {
    loadGanState(spliced, "spliced");
    FAIL() << "loaded";
  } catch (const FormatError& error) {
    const std::string message = error.what();
    EXPECT_NE(message.find("spliced: generator param"), std::string::npos) << message;
    EXPECT_NE(message.find("shape [7, "), std::string::npos) << message;
  }
}

TEST(GanStateTest, ConfigOfAStateIsReadWithoutTheTensors) {
  TrainConfig config = smallRing();
  config.hyper.loss = LossKind::Hinge;
  Trainer trainer(config);
  trainer.step(StepTarget::Both);
  trainer.setHyperparams([&] {
    Hyperparams hyper = config.hyper;
    hyper.d_opt.lr = 0.25f;
    return hyper;
  }());
  const std::string bytes = saveGanState(trainer.state());
  const TrainConfig read = ganStateConfig(bytes);
  EXPECT_EQ(read.hyper.loss, LossKind::Hinge);
  EXPECT_EQ(read.hyper.d_opt.lr, 0.25f);  // the live hyperparameters, not the first ones
  EXPECT_EQ(ganStateStep(bytes), 1);
}

TEST(GanStateTest, FilesRoundTripAndOnlyRegularFilesAreRead) {
  Trainer trainer(smallRing());
  trainer.step(StepTarget::Both);
  const auto dir = std::filesystem::temp_directory_path() / "ganscope-test-GanStateFiles";
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  const std::string path = (dir / "state.bin").string();
  saveGanStateFile(trainer.state(), path);
  EXPECT_EQ(saveGanState(loadGanStateFile(path)), saveGanState(trainer.state()));
  EXPECT_THROW(loadGanStateFile(dir.string()), std::runtime_error);
  EXPECT_THROW(loadGanStateFile("/dev/zero"), std::runtime_error);
  EXPECT_THROW(loadGanStateFile((dir / "missing").string()), std::runtime_error);
}

TEST(GanStateTest, ImpossibleClocksAndGeneratorStatesAreRefused) {
  const TrainConfig config = smallRing();
  auto messageOf = [](const GanState& state) {
    try {
      loadGanState(saveGanState(state), "crafted");
    } catch (const FormatError& error) {
      return std::string(error.what());
    }
    return std::string("loaded");
  };
  GanState state(config);
  EXPECT_EQ(messageOf(state), "loaded");  // the control
  state.stats.seconds = std::nanf("");
  EXPECT_NE(messageOf(state).find("not a duration"), std::string::npos) << messageOf(state);
  state.stats.seconds = 0;
  state.stats.step = int64_t{1} << 62;
  EXPECT_NE(messageOf(state).find("step counter"), std::string::npos) << messageOf(state);
  state.stats.step = 0;
  // A Mersenne Twister position LibTorch accepts but would read beyond: left 624, next 624.
  torch::Tensor random = state.random.get_state();
  const int32_t left = 624;
  const uint64_t next = 624;
  std::memcpy(random.data_ptr<uint8_t>() + 8, &left, sizeof(left));
  std::memcpy(random.data_ptr<uint8_t>() + 16, &next, sizeof(next));
  state.random.set_state(random);
  EXPECT_NE(messageOf(state).find("inconsistent"), std::string::npos) << messageOf(state);
}

TEST(GanStateTest, OptimizerStateOfTheWrongSizeIsRefused) {
  GanState state(smallRing());
  FlatOptimizerState wrong = state.g_opt->state();
  wrong.first_moment = torch::zeros({3});
  EXPECT_THROW(state.g_opt->setState(wrong), std::invalid_argument);
  wrong = state.g_opt->state();
  wrong.adam_steps = -1;
  EXPECT_THROW(state.g_opt->setState(wrong), std::invalid_argument);
}

}  // namespace
}  // namespace ganscope
