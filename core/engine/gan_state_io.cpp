// GanState bytes: a small binary layout written with ByteWriter and checked field by field.
#include "core/engine/gan_state_io.hpp"

#include <cstring>

#include <nlohmann/json.hpp>

#include "common/atomic_file.hpp"
#include "common/byte_stream.hpp"
#include "common/read_file.hpp"
#include "core/engine/gan_state.hpp"

namespace ganscope {
namespace {

constexpr int64_t kMaxSavedStep = 1'000'000'000'000;  // far beyond any run, far below overflow
constexpr float kMaxSavedSeconds = 1e9f;              // about 30 years of training

constexpr std::string_view kMagic = "GANSTATE";
constexpr uint32_t kMaxDims = 8;                   // tensors have at most this many dimensions
constexpr uint32_t kMaxTensors = 1 << 16;          // named tensors per network
constexpr uint64_t kMaxConfigBytes = 64ull << 20;  // drawn points make configs large, not this

void putTensor(ByteWriter& out, const torch::Tensor& tensor) {
  const torch::Tensor t = tensor.contiguous();
  out.put<int8_t>(static_cast<int8_t>(t.scalar_type()));
  out.put<uint32_t>(static_cast<uint32_t>(t.dim()));
  for (int64_t size : t.sizes()) out.put<int64_t>(size);
  out.putRaw({static_cast<const char*>(t.data_ptr()), static_cast<size_t>(t.nbytes())});
}

/// Reads a tensor written by putTensor into `into`, which fixes the dtype and shape expected.
void readTensorInto(ByteReader& in, const std::string& what, torch::Tensor into) {
  const auto type = static_cast<c10::ScalarType>(in.get<int8_t>(what.c_str()));
  if (type != into.scalar_type()) {
    in.fail(what + ": element type " + std::to_string(static_cast<int>(type)) + ", expected " +
            std::string(c10::toString(into.scalar_type())));
  }
  const auto dims = in.get<uint32_t>(what.c_str());
  if (dims > kMaxDims) in.fail(what + ": " + std::to_string(dims) + " dimensions");
  std::vector<int64_t> sizes(dims);
  for (int64_t& size : sizes) size = in.get<int64_t>(what.c_str());
  if (c10::IntArrayRef(sizes) != into.sizes()) {
    in.fail(what + ": shape " + c10::str(c10::IntArrayRef(sizes)) + ", but the config's " +
            "architecture has " + c10::str(into.sizes()));
  }
  const std::string_view data = in.raw(into.numel() * into.element_size(), what.c_str());
  torch::NoGradGuard no_grad;
  into.copy_(torch::from_blob(const_cast<char*>(data.data()), into.sizes(),
                              torch::TensorOptions().dtype(type)));
}

/// A network's parameters, then its buffers, each under its name.
std::vector<std::pair<std::string, torch::Tensor>> namedTensors(const torch::nn::Module& module) {
  std::vector<std::pair<std::string, torch::Tensor>> out;
  for (const auto& item : module.named_parameters())
    out.emplace_back("param " + item.key(), item.value());
  for (const auto& item : module.named_buffers())
    out.emplace_back("buffer " + item.key(), item.value());
  return out;
}

void putModule(ByteWriter& out, const torch::nn::Module& module) {
  const auto tensors = namedTensors(module);
  out.put<uint32_t>(static_cast<uint32_t>(tensors.size()));
  for (const auto& [name, tensor] : tensors) {
    out.putString(name);
    putTensor(out, tensor);
  }
}

void readModuleInto(ByteReader& in, const std::string& what, torch::nn::Module& module) {
  const auto tensors = namedTensors(module);
  const auto count = in.get<uint32_t>(what.c_str());
  if (count != tensors.size() || count > kMaxTensors) {
    in.fail(what + ": " + std::to_string(count) + " tensors, but the config's architecture has " +
            std::to_string(tensors.size()));
  }
  for (const auto& [name, tensor] : tensors) {
    const std::string_view saved = in.string((what + " tensor name").c_str());
    if (saved != name) {
      in.fail(what + ": found tensor \"" + std::string(saved.substr(0, 64)) + "\" where \"" + name +
              "\" belongs");
    }
    readTensorInto(in, what + " " + name, tensor);
  }
}

void putOptimizer(ByteWriter& out, const FlatOptimizer& optimizer) {
  const FlatOptimizerState state = optimizer.state();
  out.put<uint8_t>(static_cast<uint8_t>(state.kind));
  out.put<int64_t>(state.adam_steps);
  putTensor(out, state.first_moment);
  putTensor(out, state.second_moment);
}

void readOptimizerInto(ByteReader& in, const std::string& what, FlatOptimizer& optimizer) {
  FlatOptimizerState state = optimizer.state();
  const auto kind = in.get<uint8_t>(what.c_str());
  if (kind > static_cast<uint8_t>(OptimizerKind::RmsProp)) {
    in.fail(what + ": unknown optimizer kind " + std::to_string(kind));
  }
  state.kind = static_cast<OptimizerKind>(kind);
  state.adam_steps = in.get<int64_t>(what.c_str());
  if (state.adam_steps < 0) in.fail(what + ": negative step count");
  readTensorInto(in, what + " first moment", state.first_moment);
  readTensorInto(in, what + " second moment", state.second_moment);
  optimizer.setState(state);
}

void putStats(ByteWriter& out, const StepStats& stats) {
  out.put<int64_t>(stats.step);
  for (float value : {stats.seconds, stats.d_loss, stats.g_loss, stats.d_real_mean,
                      stats.d_fake_mean, stats.value}) {
    out.put<float>(value);
  }
}

StepStats readStats(ByteReader& in) {
  StepStats stats;
  stats.step = in.get<int64_t>("step counter");
  if (stats.step < 0 || stats.step > kMaxSavedStep) {
    in.fail("step counter " + std::to_string(stats.step) + " is outside [0, " +
            std::to_string(kMaxSavedStep) + "]");
  }
  for (float* value : {&stats.seconds, &stats.d_loss, &stats.g_loss, &stats.d_real_mean,
                       &stats.d_fake_mean, &stats.value}) {
    *value = in.get<float>("last step's figures");
  }
  // The run's clock continues from `seconds`: it must be a sane duration (losses may be NaN).
  if (!(stats.seconds >= 0 && stats.seconds < kMaxSavedSeconds)) {
    in.fail("training time " + std::to_string(stats.seconds) + " s is not a duration");
  }
  return stats;
}

/// Refuses a Mersenne Twister state that LibTorch 1.13 would accept but then read beyond: its
/// legacy layout has the position `left` (int32 at byte 8), `seeded` (int32 at 12) and `next`
/// (uint64 at 16), and a draw reads state[next] until `left` runs out, so left + next <= 625.
void checkRandomState(ByteReader& in, const torch::Tensor& state) {
  const auto* bytes = state.data_ptr<uint8_t>();
  if (state.numel() < 24) in.fail("training generator state is too short");
  int32_t left = 0, seeded = 0;
  uint64_t next = 0;
  std::memcpy(&left, bytes + 8, sizeof(left));
  std::memcpy(&seeded, bytes + 12, sizeof(seeded));
  std::memcpy(&next, bytes + 16, sizeof(next));
  if (seeded != 1 || left < 1 || left > 624 || next > 625 - static_cast<uint64_t>(left)) {
    in.fail("training generator state is inconsistent (left " + std::to_string(left) + ", next " +
            std::to_string(next) + ")");
  }
}

/// Checks the magic and version and reads the config.
TrainConfig readHeader(ByteReader& in) {
  if (in.remaining() < kMagic.size() || in.raw(kMagic.size(), "magic") != kMagic) {
    in.fail("not a ganscope state (it does not start with \"GANSTATE\")");
  }
  const auto version = in.get<uint32_t>("format version");
  if (version != kGanStateVersion) {
    in.fail("state format version " + std::to_string(version) + ", this ganscope reads " +
            std::to_string(kGanStateVersion));
  }
  const auto length = in.get<uint64_t>("config");
  if (length > kMaxConfigBytes) in.fail("config of " + std::to_string(length) + " bytes");
  const std::string_view text = in.raw(length, "config");
  try {
    return parseConfig(text, "config");
  } catch (const ConfigError& error) {
    in.fail(std::string("state ") + error.what());
  }
}

}  // namespace

std::string saveGanState(const GanState& state) {
  ByteWriter out;
  out.putRaw(kMagic);
  out.put<uint32_t>(kGanStateVersion);
  out.putString(configToJson(state.config).dump());
  putStats(out, state.stats);
  putTensor(out, state.random.get_state());  // the training thread's: no one else draws
  putModule(out, *state.generator);
  putModule(out, *state.discriminator);
  putOptimizer(out, *state.g_opt);
  putOptimizer(out, *state.d_opt);
  if (state.g_average.defined()) putTensor(out, state.g_average);  // image runs (by the config)
  return std::move(out.bytes());
}

GanState loadGanState(std::string_view bytes, const std::string& source) {
  ByteReader in(bytes, source);
  GanState state(readHeader(in));
  state.stats = readStats(in);
  torch::Tensor random_state = state.random.get_state();
  readTensorInto(in, "training generator state", random_state);
  checkRandomState(in, random_state);
  try {
    state.random.set_state(random_state);
  } catch (const c10::Error& error) {
    in.fail(std::string("training generator state: ") + error.what_without_backtrace());
  }
  readModuleInto(in, "generator", *state.generator);
  readModuleInto(in, "discriminator", *state.discriminator);
  readOptimizerInto(in, "generator optimizer", *state.g_opt);
  readOptimizerInto(in, "discriminator optimizer", *state.d_opt);
  if (state.g_average.defined()) readTensorInto(in, "generator average", state.g_average);
  in.expectEnd();
  return state;
}

TrainConfig ganStateConfig(std::string_view bytes, const std::string& source) {
  ByteReader in(bytes, source);
  return readHeader(in);
}

int64_t ganStateStep(std::string_view bytes, const std::string& source) {
  ByteReader in(bytes, source);
  readHeader(in);
  return readStats(in).step;
}

void saveGanStateFile(const GanState& state, const std::string& path) {
  writeFileAtomically(path, saveGanState(state));
}

GanState loadGanStateFile(const std::string& path) {
  return loadGanState(readRegularFile(path, kMaxStateBytes), path);
}

}  // namespace ganscope
