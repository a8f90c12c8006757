// The latent explorer's cost to training: the trainer's steps/s (and its thread's CPU time per
// step) while a thread drags a slider, sending a strip-sized RenderLatent every 1/60 s and polling
// the answers, against a control thread that wakes as often and sends nothing; and the same drag
// sending at most once per max(1/30 s, 19 renders' cost), the rate the trainer would answer at
// under the policy bench/latent_explorer.md proposes. Interleaved in one run; also the time from
// a request to its answer. Numbers for bench/latent_explorer.md.
#include <sys/types.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
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
  double trainer_ms_per_step = 0;  ///< the trainer thread's CPU time per step
  double trainer_share = 0;        ///< the trainer thread's CPU time / wall time
  double trainer_cpu_ms = 0;       ///< the trainer thread's CPU time in all
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

/// CPU seconds each thread of this process has run (/proc/self/task/*/schedstat, in ns).
std::map<pid_t, double> threadCpuSeconds() {
  std::map<pid_t, double> seconds;
  for (const auto& task : std::filesystem::directory_iterator("/proc/self/task")) {
    std::ifstream in(task.path() / "schedstat");
    double ns = 0;
    if (in >> ns) seconds[static_cast<pid_t>(std::stol(task.path().filename()))] = ns * 1e-9;
  }
  return seconds;
}

/// The CPU seconds between two snapshots of the thread that ran most, other than `mine` (the
/// bench's own threads): the trainer.
double busiestThread(const std::map<pid_t, double>& before, const std::map<pid_t, double>& after,
                     const std::vector<pid_t>& mine) {
  double most = 0;
  for (const auto& [tid, seconds] : after) {
    if (std::find(mine.begin(), mine.end(), tid) != mine.end()) continue;
    const auto found = before.find(tid);
    most = std::max(most, seconds - (found == before.end() ? 0.0 : found->second));
  }
  return most;
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

/// The drag: every `send_period` s a RenderLatent of a strip at the slider's position then (the
/// slider moves at options.drag_hz), answers polled (each one's latency from its own send) until
/// `stop`. With `send_period` 0, the control: the same thread waking as often, sending nothing
/// (the scheduler treats a process with a thread that wakes every millisecond differently; only
/// the requests should differ).
void drag(Session& session, const TrainConfig& config, const BenchOptions& options,
          double send_period, const std::atomic<bool>& stop, Trial& trial,
          std::atomic<pid_t>& tid) {
  tid.store(gettid());
  const bool send = send_period > 0;
  const Latent a = latentFromSeed(config.latent, 1), b = latentFromSeed(config.latent, 2);
  const auto period = std::chrono::duration_cast<Clock::duration>(
      std::chrono::duration<double>(send ? send_period : 1.0));
  const auto started = Clock::now();
  std::map<uint64_t, Clock::time_point> sent_at;
  uint64_t request = 0;
  auto next = Clock::now();
  LatentPicture picture;
  while (!stop.load()) {
    const auto now = Clock::now();
    if (send && now >= next) {
      ++request;
      sent_at[request] = now;
      const double moves = std::chrono::duration<double>(now - started).count() * options.drag_hz;
      session.send(RenderLatent{
          request, options.strip,
          strip(config.latent, a, b, options.strip, (static_cast<int64_t>(moves) % 60) / 60.0)});
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

/// One trial: a fresh run of `config` trained for options.warm_up + options.seconds, with the
/// drag sending every `send_period` s (0: the control) during the measured seconds.
Trial runTrial(const TrainConfig& config, const BenchOptions& options, double send_period) {
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
  const std::map<pid_t, double> cpu_before = threadCpuSeconds();
  const auto start = Clock::now();
  std::atomic<pid_t> drag_tid{0};
  std::thread dragger([&] { drag(session, config, options, send_period, stop, trial, drag_tid); });
  const auto end = start + std::chrono::duration<double>(options.seconds);
  while (Clock::now() < end) {
    drain(session);
    std::this_thread::sleep_for(std::chrono::milliseconds(2));
  }
  const SessionStatus after = session.status();
  const double seconds = std::chrono::duration<double>(Clock::now() - start).count();
  const double trainer_cpu =
      busiestThread(cpu_before, threadCpuSeconds(), {gettid(), drag_tid.load()});
  stop.store(true);
  dragger.join();
  if (after.state == RunState::Failed) {
    std::fprintf(stderr, "latent_explorer_bench: the trainer failed: %s\n",
                 session.failure().c_str());
    std::exit(1);
  }
  trial.steps_per_second = (after.step - before.step) / seconds;
  trial.trainer_ms_per_step = 1000 * trainer_cpu / std::max<int64_t>(1, after.step - before.step);
  trial.trainer_share = trainer_cpu / seconds;
  trial.trainer_cpu_ms = 1000 * trainer_cpu;
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
      "| preset | condition | steps/s: median (range) | trainer CPU ms/step: median (range) | "
      "renders/s | coalesced/s | trainer time rendering | latency median / p95 (ms) |\n"
      "|---|---|---|---|---|---|---|---|\n");
  for (const std::string& name : options.presets) {
    const TrainConfig config = presetConfig(name);
    const double render_ms = median(pausedLatency(config, options));
    // The proposed policy: at most one render per max(1/30 s, 19 x its cost): <= 5% of the time.
    const double throttle = std::max(1.0 / 30, 19 * render_ms / 1000);
    struct Condition {
      std::string name;
      double send_period;
      std::vector<Trial> trials;
    };
    std::vector<Condition> conditions = {
        {"control (a thread waking every ms, no requests)", 0, {}},
        {"drag, " + std::to_string(static_cast<int>(options.drag_hz)) + " requests/s",
         1 / options.drag_hz,
         {}},
        {"drag, sent at most every " + std::to_string(static_cast<int>(1000 * throttle + 0.5)) +
             " ms",
         throttle,
         {}}};
    for (int round = 0; round < options.rounds; ++round) {
      for (Condition& condition : conditions) {
        const Trial& trial =
            condition.trials.emplace_back(runTrial(config, options, condition.send_period));
        std::fprintf(stderr,
                     "%s round %d, %s: %.1f steps/s, trainer CPU %.2f ms/step (%.0f%% of the "
                     "time); %llu sent, %llu answered\n",
                     name.c_str(), round + 1, condition.name.c_str(), trial.steps_per_second,
                     trial.trainer_ms_per_step, 100 * trial.trainer_share,
                     static_cast<unsigned long long>(trial.sent),
                     static_cast<unsigned long long>(trial.answered));
      }
    }
    for (const Condition& condition : conditions) {
      std::vector<double> rates, cpu, renders, coalesced, rendering, latency;
      for (const Trial& trial : condition.trials) {
        rates.push_back(trial.steps_per_second);
        cpu.push_back(trial.trainer_ms_per_step);
        renders.push_back(trial.answered / options.seconds);
        coalesced.push_back(trial.coalesced / options.seconds);
        // The share of the trainer's time that went to renders, each costing what one costs
        // paused: what a trainer with a core of its own loses.
        rendering.push_back(trial.answered * render_ms / std::max(1e-9, trial.trainer_cpu_ms));
        latency.insert(latency.end(), trial.latency_ms.begin(), trial.latency_ms.end());
      }
      const auto [rate_lo, rate_hi] = std::minmax_element(rates.begin(), rates.end());
      const auto [cpu_lo, cpu_hi] = std::minmax_element(cpu.begin(), cpu.end());
      std::printf("| `%s` | %s | %.1f (%.1f-%.1f) | %.2f (%.2f-%.2f) | %.1f | %.1f | %.1f%% | ",
                  name.c_str(), condition.name.c_str(), median(rates), *rate_lo, *rate_hi,
                  median(cpu), *cpu_lo, *cpu_hi, median(renders), median(coalesced),
                  100 * median(rendering));
      if (latency.empty()) {
        std::printf("- |\n");
      } else {
        std::printf("%.1f / %.1f |\n", median(latency), quantile(latency, 0.95));
      }
    }
    std::printf(
        "\n`%s`: one render of %d latents on a paused run takes %.2f ms (median of 45).\n\n",
        name.c_str(), options.strip, render_ms);
    std::fflush(stdout);
  }
  // Every trial's Session was destroyed mid-step: its thread may still be unwinding, so static
  // destructors must not run (Session::leftThreadsBehind).
  if (Session::leftThreadsBehind()) {
    std::fflush(stdout);
    std::fflush(stderr);
    std::_Exit(0);
  }
  return 0;
}
