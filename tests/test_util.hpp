// Helpers shared by the tests: small configs, waiting on a condition, training a config to a
// step, running the ganscope executable.
#pragma once
#include <gtest/gtest.h>
#include <sys/wait.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <functional>
#include <sstream>
#include <string>
#include <thread>

#include "core/api/latent.hpp"
#include "core/api/session.hpp"

namespace ganscope::test {

/// Runs `fn` expecting a ConfigError on `field` whose message contains `part`.
template <class Fn>
void expectConfigError(Fn fn, const std::string& field, const std::string& part) {
  try {
    fn();
    ADD_FAILURE() << "accepted; expected an error on " << field;
  } catch (const ConfigError& error) {
    EXPECT_EQ(error.field(), field);
    EXPECT_NE(std::string(error.what()).find(part), std::string::npos) << error.what();
  }
}

/// The small image run of the latent explorer's Session tests (directions, class map, find z):
/// an MLP GAN with one hidden layer of 64 leaky ReLUs on each side, a 16-d normal latent and
/// batches of 16.
inline TrainConfig smallImageConfig() {
  TrainConfig config;
  config.data.kind = DataKind::Images;
  config.latent = {LatentKind::Normal, 16};
  config.generator = {1, 64, Activation::LeakyRelu};
  config.discriminator.hidden_layers = 1;
  config.discriminator.width = 64;
  config.discriminator.activation = Activation::LeakyRelu;
  config.hyper.batch_size = 16;
  return config;
}

/// A RenderLatent of the z of latent seeds `seeds`, numbered `request`.
inline RenderLatent requestOf(const LatentConfig& latent, std::initializer_list<uint64_t> seeds,
                              uint64_t request = 1) {
  RenderLatent out{request, static_cast<int>(seeds.size()), {}};
  for (const uint64_t seed : seeds) {
    const Latent z = latentFromSeed(latent, seed);
    out.z.insert(out.z.end(), z.begin(), z.end());
  }
  return out;
}

/// Polls `done` every millisecond until it holds or `seconds` pass; returns whether it held.
inline bool waitFor(const std::function<bool()>& done, double seconds = 30) {
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::duration<double>(seconds);
  while (std::chrono::steady_clock::now() < deadline) {
    if (done()) return true;
    std::this_thread::sleep_for(std::chrono::milliseconds(1));
  }
  return done();
}

/// Trains `config` for `steps` steps (giving up after `seconds`) and returns the final frame, of
/// kind `Frame` (the kind of the config's scenario).
template <class Frame>
inline Frame trainTo(const TrainConfig& config, int64_t steps, SessionStatus& status,
                     double seconds = 120) {
  SessionOptions options;
  options.pause_at_step = steps;
  Session session(config, options);
  Frame last;
  StepStats stats;
  const bool done = waitFor(
      [&] {
        while (session.pollStats(stats)) {
        }
        if (const Frame* s = session.poll<Frame>()) {
          last = *s;
          session.recycle(s);
        }
        status = session.status();
        return status.state != RunState::Running && last.header.step == status.step;
      },
      seconds);
  EXPECT_TRUE(done) << "training did not finish in " << seconds << " s";
  return last;
}

inline std::string readFile(const std::filesystem::path& path) {
  std::ifstream file(path);
  std::ostringstream text;
  text << file.rdbuf();
  return text.str();
}

/// A fresh directory for one test's files.
inline std::filesystem::path tempDir(const std::string& name) {
  const auto dir = std::filesystem::temp_directory_path() / ("ganscope-test-" + name);
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  return dir;
}

struct RunResult {
  int exit_code = -1;
  std::string out, err;
};

/// Runs the ganscope executable with `args` (shell words), capturing stdout and stderr;
/// `prefix` goes before the executable (e.g. an `env` call).
inline RunResult runGanscope(const std::string& args, const std::filesystem::path& dir,
                             const std::string& prefix = "") {
  const auto out = dir / "stdout.txt", err = dir / "stderr.txt";
  const std::string command =
      prefix + " " + GANSCOPE_EXE + " " + args + " >" + out.string() + " 2>" + err.string();
  const int status = std::system(command.c_str());
  RunResult result;
  result.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  result.out = readFile(out);
  result.err = readFile(err);
  return result;
}

}  // namespace ganscope::test
