// The class map's cost to training: one fashion-dcgan run while 32 x 32 maps are asked for back
// to back (one at a time, as soon as the last is in), at the window's pace (ClassMapPace: at most
// every max(0.5 s, 4 x a map's cost)), and while none is asked for (the control). The three
// alternate in short slices of one run, so other processes' load falls on all three alike.
// Usage: class_map_bench [SECONDS_PER_CONDITION [SIDE [PRESET]]] (default 20, 32, fashion-dcgan).
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <thread>
#include <vector>

#include "core/api/latent.hpp"
#include "core/api/session.hpp"
#include "core/config/presets.hpp"

namespace ganscope {
namespace {

using Clock = std::chrono::steady_clock;

enum Condition { kNone, kBackToBack, kPaced, kConditions };
const char* const kNames[kConditions] = {"no maps", "maps back to back",
                                         "maps at the window's pace"};

struct Tally {
  double seconds = 0;
  int64_t steps = 0;
  int maps = 0;
  std::vector<double> map_ms;
};

double seconds(Clock::duration d) {
  return std::chrono::duration<double>(d).count();
}

void drain(Session& session) {
  StepStats stats;
  while (session.pollStats(stats)) {
  }
  forEachFrameKind([&](auto kind) {
    using Frame = typename decltype(kind)::type;
    while (const Frame* frame = session.poll<Frame>()) session.recycle(frame);
  });
}

int run(double per_condition, int side, const std::string& preset) {
  const TrainConfig config = presetConfig(preset);
  Session session(config);
  RenderClassMap request;
  request.side = side;
  for (uint64_t seed : {0, 1, 2}) {
    const Latent z = latentFromSeed(config.latent, seed);
    request.anchors.insert(request.anchors.end(), z.begin(), z.end());
  }
  // Warm up: the data, the classifier from its cache, the first maps.
  const Clock::time_point warm = Clock::now();
  while (seconds(Clock::now() - warm) < 5) {
    drain(session);
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  Tally tally[kConditions];
  constexpr double kSlice =
      8;  // several maps long: a map running over into the next slice matters less
  bool waiting = false;
  Clock::time_point last_send{};
  double last_ms = 0;
  for (int round = 0; tally[kNone].seconds < per_condition; ++round) {
    for (int c = 0; c < kConditions; ++c) {
      const Clock::time_point start = Clock::now();
      const int64_t steps = session.status().step;
      while (seconds(Clock::now() - start) < kSlice) {
        drain(session);
        ClassMap map;
        while (session.pollClassMap(map)) {
          if (map.request != request.request) continue;
          waiting = false;
          if (!map.error.empty()) {
            std::fprintf(stderr, "class map: %s\n", map.error.c_str());
            continue;
          }
          last_ms = map.milliseconds;
          // A map counts for the condition it finished in.
          tally[c].maps += 1;
          tally[c].map_ms.push_back(map.milliseconds);
        }
        const Clock::time_point now = Clock::now();
        const bool due = c == kBackToBack || (c == kPaced && seconds(now - last_send) >=
                                                                 std::max(0.5, 4 * last_ms / 1000));
        if (!waiting && c != kNone && due) {
          ++request.request;
          session.send(request);
          waiting = true;
          last_send = now;
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(5));
      }
      tally[c].seconds += seconds(Clock::now() - start);
      tally[c].steps += session.status().step - steps;
    }
  }
  const double base = tally[kNone].steps / tally[kNone].seconds;
  std::printf("%s, %d x %d maps, %.0f s per condition in %.0f s slices\n", preset.c_str(), side,
              side, tally[kNone].seconds, kSlice);
  for (int c = 0; c < kConditions; ++c) {
    std::vector<double>& ms = tally[c].map_ms;
    std::sort(ms.begin(), ms.end());
    const double rate = tally[c].steps / tally[c].seconds;
    std::printf("  %-26s %6.1f steps/s (%+5.1f%%)  %5.2f maps/s  median map %5.0f ms\n", kNames[c],
                rate, 100 * (rate / base - 1), tally[c].maps / tally[c].seconds,
                ms.empty() ? 0.0 : ms[ms.size() / 2]);
  }
  return 0;
}

}  // namespace
}  // namespace ganscope

int main(int argc, char** argv) {
  const double per_condition = argc > 1 ? std::atof(argv[1]) : 20;
  const int side = argc > 2 ? std::atoi(argv[2]) : 32;
  const std::string preset = argc > 3 ? argv[3] : "fashion-dcgan";
  if (!(per_condition > 0) || side < ganscope::kMinClassMapSide ||
      side > ganscope::kMaxClassMapSide) {
    std::fprintf(stderr, "usage: class_map_bench [SECONDS > 0 [SIDE 8..64 [PRESET]]]\n");
    return 2;
  }
  const int code = ganscope::run(per_condition, side, preset);
  std::fflush(nullptr);
  std::_Exit(code);  // a Session may leave an update behind: no static destructors under it
}
