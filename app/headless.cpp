// Headless runs: drive a Session to a step count, then report the metrics as JSON.
#include "app/headless.hpp"

#include <chrono>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <thread>

#include <nlohmann/json.hpp>

#include "app/cli.hpp"
#include "app/metric_store.hpp"
#include "core/runtime_info.hpp"
#include "core/session.hpp"

namespace ganscope {
namespace {

constexpr size_t kMetricWindow = 100;  // loss figures are means over the last 100 steps

/// Writes `text` to `path` atomically (temp file + rename), so a crash never leaves half a file.
bool writeAtomically(const std::string& path, const std::string& text) {
  const std::string temp = path + ".tmp";
  {
    std::ofstream file(temp, std::ios::binary | std::ios::trunc);
    if (!(file << text)) return false;
  }
  std::error_code error;
  std::filesystem::rename(temp, path, error);
  return !error;
}

}  // namespace

int runHeadless(const TrainConfig& config, const HeadlessOptions& options) {
  SessionOptions session_options;
  session_options.intra_op_threads = options.threads;
  session_options.pause_at_step = options.steps;
  session_options.snapshot_hz = 2;  // only the final snapshot is reported
  Session session(config, session_options);

  MetricStore store;
  auto last_progress = std::chrono::steady_clock::now();
  SessionStatus status;
  while (true) {
    StepStats stats;
    while (session.pollStats(stats)) store.append(stats);
    while (const Snapshot* snapshot = session.pollSnapshot()) {
      store.setSnapshot(*snapshot);
      session.recycle(snapshot);
    }
    status = session.status();
    const Snapshot* last = store.snapshot();
    const bool final_snapshot = last && last->step == status.step;
    const bool done = status.state == RunState::Diverged ||
                      (status.state == RunState::Paused && status.step >= options.steps);
    if (done && final_snapshot && store.last().step == status.step) break;
    if (options.progress && std::chrono::steady_clock::now() - last_progress > std::chrono::seconds(1)) {
      std::fprintf(stderr, "\rstep %lld/%lld  %.0f steps/s   ", static_cast<long long>(status.step),
                   static_cast<long long>(options.steps), store.stepsPerSecond());
      last_progress = std::chrono::steady_clock::now();
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(2));
  }
  if (options.progress) std::fprintf(stderr, "\n");

  const bool diverged = status.state == RunState::Diverged;
  const double seconds = store.last().seconds;
  nlohmann::json metrics = {
      {"preset", config.name},
      {"steps", status.step},
      {"seconds", seconds},
      {"steps_per_second", seconds > 0 ? status.step / seconds : 0.0},
      {"metric_window_steps", kMetricWindow},
      {"d_loss", store.recentMean(Series::DLoss, kMetricWindow)},
      {"g_loss", store.recentMean(Series::GLoss, kMetricWindow)},
      {"d_real_mean", store.recentMean(Series::DReal, kMetricWindow)},
      {"d_fake_mean", store.recentMean(Series::DFake, kMetricWindow)},
      {"value_function", store.snapshot()->value},
      {"js_estimate", store.snapshot()->js},
      {"diverged", diverged},
      {"diverged_at", status.diverged_at},
      {"dropped_stats", status.dropped_stats},
      {"threads", options.threads},
      {"blas", blasDescription()},
      {"config", configToJson(config)}};
  // JSON has no NaN: non-finite figures (a diverged run) are written as null.
  for (auto& [key, value] : metrics.items()) {
    if (value.is_number_float() && !std::isfinite(value.get<double>())) value = nullptr;
  }
  const std::string text = metrics.dump(2) + "\n";
  std::cout << text;
  if (!options.out_path.empty() && !writeAtomically(options.out_path, text)) {
    std::cerr << "ganscope: cannot write metrics to " << options.out_path << "\n";
    return kExitFailure;
  }
  if (diverged) {
    std::cerr << "ganscope: training diverged at step " << status.diverged_at
              << " (a loss or weight became NaN/Inf); try a smaller learning rate\n";
    return kExitDiverged;
  }
  return kExitOk;
}

}  // namespace ganscope
