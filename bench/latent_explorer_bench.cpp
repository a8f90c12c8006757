// The latent explorer's cost to training: one run's trainer while a thread drags a slider (a
// strip-sized RenderLatent every 1/60 s, answers polled), while the same drag is sent at most once
// per max(1/30 s, 19 renders' cost) (the policy bench/latent_explorer.md proposes), and while the
// thread wakes as often sending nothing (the control); the three alternate in short slices of one
// run, so the other processes' load falls on all three alike. Numbers for latent_explorer.md.
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
  double seconds = 20;  ///< measured time per condition (summed over its slices)
  double slice = 1;     ///< seconds of one condition before the next takes over
  double warm_up = 5;   ///< training before the first slice (image runs load their data)
  double drag_hz = 60;  ///< slider moves (and requests, unthrottled) per second
  int strip = 16;       ///< latents per request (the explorer's strip)
  std::vector<std::string> presets = {"fashion-dcgan", "ring-stddev"};
};

/// What one condition's slices add up to.
struct Tally {
  double seconds = 0;           ///< wall time of its slices
  double trainer_cpu = 0;       ///< the trainer thread's CPU seconds in them
  std::map<pid_t, double> cpu;  ///< every thread's CPU seconds in them
  int64_t steps = 0;
  uint64_t answered = 0, coalesced = 0;
  std::vector<double> latency_ms;  ///< request to its answer, answered requests only
};

double quantile(std::vector<double> values, double q) {
  if (values.empty()) return 0;
  std::sort(values.begin(), values.end());
  return values[static_cast<size_t>(q * (values.size() - 1) + 0.5)];
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

/// Adds what each thread ran between two snapshots to `sum`.
void addCpu(const std::map<pid_t, double>& before, const std::map<pid_t, double>& after,
            std::map<pid_t, double>& sum) {
  for (const auto& [tid, seconds] : after) {
    const auto found = before.find(tid);
    sum[tid] += seconds - (found == before.end() ? 0.0 : found->second);
  }
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

/// The strip a slider at `phase` (0..1) shows: `count` latents between two seeds' z.
std::vector<float> strip(const LatentConfig& latent, const Latent& a, const Latent& b, int count,
                         double phase) {
  std::vector<float> z;
  for (int i = 0; i < count; ++i) {
    const Latent point = interpolate(latent, a, b, (i + phase) / count, true);
    z.insert(z.end(), point.begin(), point.end());
  }
  return z;
}

/// The slider thread: wakes every millisecond; while `period` (seconds) is above 0 sends the
/// strip at the slider's position at most once per period, and polls answers, crediting each
/// one's latency to the condition it was sent under.
struct Dragger {
  Dragger(Session& s, const TrainConfig& c, const BenchOptions& o, size_t conditions)
      : session(s), config(c), options(o), latency_ms(conditions), answered(conditions) {}
  Session& session;
  const TrainConfig& config;
  const BenchOptions& options;
  std::atomic<double> period{0};
  std::atomic<int> condition{0};
  std::atomic<bool> stop{false};
  std::atomic<pid_t> tid{0};
  std::vector<std::vector<double>> latency_ms;  // per condition; read after `stop`
  std::vector<uint64_t> answered;

  void run() {
    tid.store(gettid());
    const Latent a = latentFromSeed(config.latent, 1), b = latentFromSeed(config.latent, 2);
    struct Sent {
      Clock::time_point at;
      int condition;
    };
    std::map<uint64_t, Sent> sent;
    uint64_t request = 0;
    const auto started = Clock::now();
    auto last_send = started - std::chrono::hours(1);
    LatentPicture picture;
    while (!stop.load()) {
      const auto now = Clock::now();
      const double every = period.load();
      if (every > 0 && now - last_send >= std::chrono::duration<double>(every)) {
        const double moves = std::chrono::duration<double>(now - started).count() * options.drag_hz;
        sent[++request] = {now, condition.load()};
        session.send(RenderLatent{
            request, options.strip,
            strip(config.latent, a, b, options.strip, (static_cast<int64_t>(moves) % 60) / 60.0)});
        last_send = now;
      }
      while (session.pollLatent(picture)) {
        if (!picture.error.empty()) {
          std::fprintf(stderr, "latent_explorer_bench: the trainer answered: %s\n",
                       picture.error.c_str());
          std::exit(1);
        }
        const auto found = sent.find(picture.request);
        if (found == sent.end()) continue;
        const Sent& s = found->second;
        latency_ms[s.condition].push_back(
            std::chrono::duration<double, std::milli>(Clock::now() - s.at).count());
        ++answered[s.condition];
        sent.erase(sent.begin(), std::next(found));  // older ones were coalesced
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(1));
    }
  }
};

/// A condition: how often the slider thread sends (0: never).
struct Condition {
  std::string name;
  double period = 0;
};

/// One run of `config`: warm-up, then the conditions in turn, one slice each, until each has had
/// options.seconds.
std::vector<Tally> measure(const TrainConfig& config, const BenchOptions& options,
                           const std::vector<Condition>& conditions) {
  SessionOptions session_options;
  session_options.frame_hz = 2;  // as headless runs
  Session session(config, session_options);
  const auto sleepDraining = [&](double seconds) {
    const auto end = Clock::now() + std::chrono::duration<double>(seconds);
    while (Clock::now() < end) {
      drain(session);
      std::this_thread::sleep_for(std::chrono::milliseconds(2));
    }
  };
  Dragger dragger(session, config, options, conditions.size());
  std::thread thread([&] { dragger.run(); });
  sleepDraining(options.warm_up);

  std::vector<Tally> tallies(conditions.size());
  const int slices = static_cast<int>(options.seconds / options.slice + 0.5);
  for (int slice = 0; slice < slices; ++slice) {
    for (size_t c = 0; c < conditions.size(); ++c) {
      dragger.condition.store(static_cast<int>(c));
      dragger.period.store(conditions[c].period);
      const SessionStatus before = session.status();
      const auto cpu_before = threadCpuSeconds();
      const auto start = Clock::now();
      sleepDraining(options.slice);
      const SessionStatus after = session.status();
      Tally& tally = tallies[c];
      tally.seconds += std::chrono::duration<double>(Clock::now() - start).count();
      addCpu(cpu_before, threadCpuSeconds(), tally.cpu);
      tally.steps += after.step - before.step;
      tally.coalesced += after.latent_coalesced - before.latent_coalesced;
      if (after.state == RunState::Failed) {
        std::fprintf(stderr, "latent_explorer_bench: the trainer failed: %s\n",
                     session.failure().c_str());
        std::exit(1);
      }
    }
  }
  dragger.stop.store(true);
  thread.join();
  // The trainer: the thread that ran most over all slices but the bench's own two (an image
  // run's metrics worker takes at most a tenth of the time).
  std::map<pid_t, double> total;
  for (const Tally& tally : tallies) {
    for (const auto& [tid, seconds] : tally.cpu) total[tid] += seconds;
  }
  total.erase(gettid());
  total.erase(dragger.tid.load());
  const pid_t trainer = std::max_element(total.begin(), total.end(), [](auto& x, auto& y) {
                          return x.second < y.second;
                        })->first;
  for (Tally& tally : tallies) tally.trainer_cpu = tally.cpu[trainer];
  for (size_t c = 0; c < conditions.size(); ++c) {
    tallies[c].answered = dragger.answered[c];
    tallies[c].latency_ms = dragger.latency_ms[c];
  }
  return tallies;
}

/// The cost of one render alone: requests to a paused run, one at a time (median, ms).
double pausedRenderMs(const TrainConfig& config, const BenchOptions& options) {
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
  return quantile(latency, 0.5);
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
    if (arg == "--seconds") {
      if (!number(options.seconds)) return 2;
    } else if (arg == "--slice") {
      if (!number(options.slice)) return 2;
    } else if (arg == "--warm-up") {
      if (!number(options.warm_up)) return 2;
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
                 "usage: latent_explorer_bench [--seconds S (20)] [--slice S (1)] [--warm-up S "
                 "(5)] [PRESET ... (fashion-dcgan ring-stddev)]\n");
    return 2;
  }
  for (const std::string& name : options.presets) {
    const TrainConfig config = presetConfig(name);
    const double render_ms = pausedRenderMs(config, options);
    // The proposed policy: at most one render per max(1/30 s, 19 x its cost): <= 5% of the time.
    const double throttle = std::max(1.0 / 30, 19 * render_ms / 1000);
    const std::vector<Condition> conditions = {
        {"control: the thread wakes every ms, sends nothing", 0},
        {"drag: " + std::to_string(static_cast<int>(options.drag_hz)) + " requests/s",
         1 / options.drag_hz},
        {"drag sent at most every " + std::to_string(static_cast<int>(1000 * throttle + 0.5)) +
             " ms",
         throttle}};
    const std::vector<Tally> tallies = measure(config, options, conditions);
    std::printf(
        "`%s`: one render of %d latents on a paused run: %.2f ms (median of 45); %.0f s per "
        "condition in %.1f s slices\n\n| condition | steps/s | loss | trainer CPU ms/step | "
        "trainer CPU share | renders/s | coalesced/s | trainer time rendering (est.) | latency "
        "median / p95 (ms) |\n|---|---|---|---|---|---|---|---|---|\n",
        name.c_str(), options.strip, render_ms, options.seconds, options.slice);
    const double control_rate = tallies[0].steps / tallies[0].seconds;
    for (size_t c = 0; c < conditions.size(); ++c) {
      const Tally& t = tallies[c];
      const double rate = t.steps / t.seconds;
      // The renders' share of the trainer's time, each costing what one costs paused.
      const double rendering = t.answered * render_ms / 1000 / std::max(1e-9, t.trainer_cpu);
      std::printf("| %s | %.1f | %.1f%% | %.2f | %.0f%% | %.1f | %.1f | %.1f%% | ",
                  conditions[c].name.c_str(), rate, 100 * (1 - rate / control_rate),
                  1000 * t.trainer_cpu / std::max<int64_t>(1, t.steps),
                  100 * t.trainer_cpu / t.seconds, t.answered / t.seconds, t.coalesced / t.seconds,
                  100 * rendering);
      if (t.latency_ms.empty()) {
        std::printf("- |\n");
      } else {
        std::printf("%.1f / %.1f |\n", quantile(t.latency_ms, 0.5), quantile(t.latency_ms, 0.95));
      }
    }
    std::printf("\n");
    std::fflush(stdout);
  }
  // The sessions were destroyed mid-step: a thread may still be unwinding, so static destructors
  // must not run (Session::leftThreadsBehind).
  if (Session::leftThreadsBehind()) {
    std::fflush(stdout);
    std::fflush(stderr);
    std::_Exit(0);
  }
  return 0;
}
