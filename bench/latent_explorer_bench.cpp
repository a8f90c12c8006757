// The latent explorer's cost to training: the trainer's steps/s alone and while a thread drags a
// slider (a strip-sized RenderLatent every 1/60 s, answers polled), interleaved in one run, and
// the time from a request to its answer. Numbers for bench/latent_explorer.md.
#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <map>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "core/api/latent.hpp"
#include "core/api/session.hpp"
#include "core/config/presets.hpp"

namespace ganscope {
namespace {

using Clock = std::chrono::steady_clock;

struct BenchOptions {
  double seconds = 10;  ///< measured time per trial
  double warm_up = 3;   ///< steps before a trial's clock starts (image runs load their data)
  int rounds = 3;       ///< trials of each condition, alternated: alone, drag, alone, ...
  double drag_hz = 60;  ///< requests per second while dragging
  int strip = 16;       ///< latents per request (the explorer's strip)
  std::vector<std::string> presets = {"fashion-dcgan", "ring-stddev"};
};

/// What one trial measured.
struct Trial {
  double steps_per_second = 0;
  uint64_t sent = 0, answered = 0, coalesced = 0;
  std::vector<double> latency_ms;  ///< request to its answer, answered requests only
};

double quantile(std::vector<double> values, double q) {
  if (values.empty()) return 0;
  std::sort(values.begin(), values.end());
  return values[static_cast<size_t>(q * (values.size() - 1) + 0.5)];
}

double median(std::vector<double> values) {
  return quantile(std::move(values), 0.5);
}

/// Takes the session's stats and frames as the window and headless runs do (frames recycled).
void drain(Session& session) {
  StepStats stats;
  while (session.pollStats(stats)) {
  }
  forEachFrameKind([&](auto kind) {
    using Frame = typename decltype(kind)::type;
    while (const Frame* frame = session.poll<Frame>()) session.recycle(frame);
  });
}

/// The strip a slider at `phase` (0..1) shows: `strip` latents between two seeds' z.
std::vector<float> strip(const LatentConfig& latent, const Latent& a, const Latent& b, int count,
                         double phase) {
  std::vector<float> z;
  for (int i = 0; i < count; ++i) {
    const Latent point = interpolate(latent, a, b, (i + phase) / count, true);
    z.insert(z.end(), point.begin(), point.end());
  }
  return z;
}

/// The drag: every 1/hz s a RenderLatent of a strip at the next slider position, answers polled
/// (each one's latency from its own send) until `stop`.
void drag(Session& session, const TrainConfig& config, const BenchOptions& options,
          const std::atomic<bool>& stop, Trial& trial) {
  const Latent a = latentFromSeed(config.latent, 1), b = latentFromSeed(config.latent, 2);
  const auto period = std::chrono::duration_cast<Clock::duration>(
      std::chrono::duration<double>(1.0 / options.drag_hz));
  std::map<uint64_t, Clock::time_point> sent_at;
  uint64_t request = 0;
  auto next = Clock::now();
  LatentPicture picture;
  while (!stop.load()) {
    const auto now = Clock::now();
    if (now >= next) {
      ++request;
      sent_at[request] = now;
      session.send(RenderLatent{
          request, options.strip,
          strip(config.latent, a, b, options.strip, static_cast<double>(request % 60) / 60)});
      next += period;
    }
    while (session.pollLatent(picture)) {
      const auto answered = Clock::now();
      if (!picture.error.empty()) {
        std::fprintf(stderr, "latent_explorer_bench: the trainer answered: %s\n",
                     picture.error.c_str());
        std::exit(1);
      }
      const auto found = sent_at.find(picture.request);
      if (found != sent_at.end()) {
        trial.latency_ms.push_back(
            std::chrono::duration<double, std::milli>(answered - found->second).count());
        sent_at.erase(sent_at.begin(), std::next(found));  // older ones were coalesced
      }
      ++trial.answered;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(1));
  }
  trial.sent = request;
}

/// One trial: a fresh run of `config` trained for options.warm_up + options.seconds, with or
/// without the drag during the measured seconds.
Trial runTrial(const TrainConfig& config, const BenchOptions& options, bool dragging) {
  SessionOptions session_options;
  session_options.frame_hz = 2;  // as headless runs
  Session session(config, session_options);
  const auto warm_end = Clock::now() + std::chrono::duration<double>(options.warm_up);
  while (Clock::now() < warm_end) {
    drain(session);
    std::this_thread::sleep_for(std::chrono::milliseconds(2));
  }
  Trial trial;
  std::atomic<bool> stop{false};
  const SessionStatus before = session.status();
  const auto start = Clock::now();
  std::thread dragger;
  if (dragging) dragger = std::thread([&] { drag(session, config, options, stop, trial); });
  const auto end = start + std::chrono::duration<double>(options.seconds);
  while (Clock::now() < end) {
    drain(session);
    std::this_thread::sleep_for(std::chrono::milliseconds(2));
  }
  const SessionStatus after = session.status();
  const double seconds = std::chrono::duration<double>(Clock::now() - start).count();
  stop.store(true);
  if (dragger.joinable()) dragger.join();
  if (after.state == RunState::Failed) {
    std::fprintf(stderr, "latent_explorer_bench: the trainer failed: %s\n",
                 session.failure().c_str());
    std::exit(1);
  }
  trial.steps_per_second = (after.step - before.step) / seconds;
  trial.coalesced = after.latent_coalesced - before.latent_coalesced;
  return trial;
}

/// The cost of one render alone: requests to a paused run, one at a time.
std::vector<double> pausedLatency(const TrainConfig& config, const BenchOptions& options) {
  SessionOptions session_options;
  session_options.start_paused = true;
  Session session(config, session_options);
  const Latent a = latentFromSeed(config.latent, 1), b = latentFromSeed(config.latent, 2);
  std::vector<double> latency;
  LatentPicture picture;
  for (uint64_t request = 1; request <= 50; ++request) {
    const auto sent = Clock::now();
    session.send(RenderLatent{request, options.strip,
                              strip(config.latent, a, b, options.strip, request / 50.0)});
    while (!session.pollLatent(picture)) std::this_thread::yield();
    if (request > 5) {  // the first renders warm up LibTorch's allocator
      latency.push_back(std::chrono::duration<double, std::milli>(Clock::now() - sent).count());
    }
  }
  return latency;
}

int parseOptions(int argc, char** argv, BenchOptions& options) {
  std::vector<std::string> presets;
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    auto number = [&](double& out) {
      if (i + 1 >= argc) return false;
      char* end = nullptr;
      out = std::strtod(argv[++i], &end);
      return end && *end == '\0' && out > 0;
    };
    double rounds = 0;
    if (arg == "--seconds") {
      if (!number(options.seconds)) return 2;
    } else if (arg == "--warm-up") {
      if (!number(options.warm_up)) return 2;
    } else if (arg == "--rounds") {
      if (!number(rounds)) return 2;
      options.rounds = static_cast<int>(rounds);
    } else if (arg.rfind("--", 0) == 0) {
      return 2;
    } else {
      presets.push_back(arg);
    }
  }
  if (!presets.empty()) options.presets = presets;
  return 0;
}

}  // namespace
}  // namespace ganscope

int main(int argc, char** argv) {
  using namespace ganscope;
  BenchOptions options;
  if (parseOptions(argc, argv, options) != 0) {
    std::fprintf(stderr,
                 "usage: latent_explorer_bench [--seconds S (10)] [--warm-up S (3)] "
                 "[--rounds R (3)] [PRESET ... (fashion-dcgan ring-stddev)]\n");
    return 2;
  }
  std::printf(
      "| preset | steps/s alone | steps/s dragging | loss | renders/s | coalesced/s | "
      "latency median / p95 (ms) | one render, paused (ms) |\n|---|---|---|---|---|---|"
      "---|---|\n");
  for (const std::string& name : options.presets) {
    const TrainConfig config = presetConfig(name);
    std::vector<double> alone, dragging, latency, renders, coalesced;
    for (int round = 0; round < options.rounds; ++round) {
      const Trial quiet = runTrial(config, options, false);
      const Trial busy = runTrial(config, options, true);
      alone.push_back(quiet.steps_per_second);
      dragging.push_back(busy.steps_per_second);
      latency.insert(latency.end(), busy.latency_ms.begin(), busy.latency_ms.end());
      renders.push_back(busy.answered / options.seconds);
      coalesced.push_back(busy.coalesced / options.seconds);
      std::fprintf(stderr,
                   "%s round %d: alone %.1f, dragging %.1f steps/s (%llu sent, %llu "
                   "answered)\n",
                   name.c_str(), round + 1, quiet.steps_per_second, busy.steps_per_second,
                   static_cast<unsigned long long>(busy.sent),
                   static_cast<unsigned long long>(busy.answered));
    }
    const double a = median(alone), d = median(dragging);
    std::printf("| `%s` | %.1f | %.1f | %.1f%% | %.1f | %.1f | %.1f / %.1f | %.2f |\n",
                name.c_str(), a, d, 100 * (a - d) / a, median(renders), median(coalesced),
                median(latency), quantile(latency, 0.95), median(pausedLatency(config, options)));
    std::fflush(stdout);
  }
  return 0;
}
