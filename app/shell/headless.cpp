// Headless runs: drive a Session to a step count, then report the metrics as JSON.
#include "app/shell/headless.hpp"

#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <csignal>
#include <cstdio>
#include <iostream>
#include <memory>
#include <optional>
#include <thread>
#include <type_traits>
#include <vector>

#include <nlohmann/json.hpp>

#include "app/shell/cli.hpp"
#include "app/shell/sample_file.hpp"
#include "app/state/metric_store.hpp"
#include "common/atomic_file.hpp"
#include "common/byte_stream.hpp"
#include "common/image_grid.hpp"
#include "common/png_file.hpp"
#include "common/runtime_info.hpp"
#include "core/api/session.hpp"
#include "core/config/overrides.hpp"

namespace ganscope {
namespace {

constexpr size_t kMetricWindow = 100;       // loss figures are means over the last 100 steps
constexpr size_t kHistoryPoints = 4096;     // headless keeps only recent history
constexpr double kFullCoverageHq = 0.9;     // "all modes" counts once this many fakes are HQ
constexpr double kSampleMemoryLimit = 1e9;  // bytes --dump-samples may take (an estimate)

/// The signal that asked the run to stop (SIGINT or SIGTERM), or 0. A second one ends the
/// process at once.
volatile std::sig_atomic_t g_stop_signal = 0;
extern "C" void onStopSignal(int signal) {
  if (g_stop_signal) _exit(128 + signal);  // async-signal-safe; the user insists
  g_stop_signal = signal;
}

/// Bytes one --dump-samples sample takes at its peak: z, two hidden activations of G (one layer
/// computes from the last), the output, its copy, and a CSV row.
double bytesPerSample(const TrainConfig& config) {
  const int dims = dataDimension(config.data.kind);
  return 4.0 * (config.latent.dim + 2.0 * config.generator.width + 2.0 * dims) + 12.0 * dims;
}

/// The first frame (2 per second) with every mode covered and kFullCoverageHq of the fakes
/// high-quality: the time-to-coverage figure of the mode-collapse papers.
struct FullCoverage {
  int64_t step = -1;
  double seconds = 0;  ///< training time when that frame arrived
};

/// The figures of a Figure 1 run's final frame.
void reportFrame(const Figure1Frame& frame, const FullCoverage&, nlohmann::json& metrics) {
  metrics["value_function"] = frame.value;
  metrics["js_estimate"] = frame.js;
}

/// The figures of a plane run's final frame, with its mode coverage where the data has modes.
void reportFrame(const PlaneFrame& frame, const FullCoverage& coverage, nlohmann::json& metrics) {
  metrics["value_function"] = frame.value;
  metrics["js_estimate"] = frame.js;
  metrics["kl_estimate"] = frame.kl;
  if (frame.modes_total == 0) return;
  metrics["modes_covered"] = frame.modes_covered;
  metrics["modes_covered_1pct"] = frame.modes_covered_1pct;
  metrics["modes_total"] = frame.modes_total;
  metrics["hq_fraction"] = frame.hq_fraction;
  metrics["mode_kl"] = frame.mode_kl;
  metrics["full_coverage_hq"] = kFullCoverageHq;
  metrics["full_coverage_step"] = nullptr;  // never reached
  metrics["full_coverage_seconds"] = nullptr;
  if (coverage.step >= 0) {
    metrics["full_coverage_step"] = coverage.step;
    metrics["full_coverage_seconds"] = coverage.seconds;
  }
}

/// The figures of an image run's final frame: D's value and the classifier's metrics.
void reportFrame(const ImageFrame& frame, const FullCoverage&, nlohmann::json& metrics) {
  metrics["value_function"] = frame.value;
  metrics["preview"] = frame.ema_preview ? "ema" : "eval";
  const ImageMetrics& m = frame.metrics;
  const bool in = m.step >= 0;  // else the classifier failed: its status says why
  const auto figure = [in](float value) { return in ? nlohmann::json(value) : nlohmann::json(); };
  nlohmann::json hist = nlohmann::json::object();
  for (int i = 0; i < m.classes; ++i) hist[std::to_string(m.class_ids[i])] = m.class_hist[i];
  metrics["metrics_step"] = in ? nlohmann::json(m.step) : nlohmann::json();
  metrics["metric_samples"] = m.samples;
  metrics["class_hist"] = in ? hist : nlohmann::json();
  metrics["classes_covered"] = in ? nlohmann::json(m.classes_covered) : nlohmann::json();
  metrics["classes_total"] = in ? nlohmann::json(m.classes) : nlohmann::json();
  metrics["class_kl"] = figure(m.class_kl);
  metrics["frechet_distance"] = figure(m.frechet);
  metrics["frechet_floor"] = figure(m.frechet_floor);
  metrics["frechet_note"] =
      "Frechet distance of ganscope's own classifier's features, not Inception FID";
  metrics["precision"] = figure(m.precision);
  metrics["recall"] = figure(m.recall);
  metrics["diversity"] = figure(m.diversity);
  metrics["real_diversity"] = figure(m.real_diversity);
  metrics["classifier_accuracy"] = figure(m.classifier_accuracy);
}

/// One run of a headless invocation: its session, what it received, and where it ends.
struct HeadlessRun {
  TrainConfig config;
  std::vector<FieldDifference> differences;  ///< against the base run (empty for the base)
  std::unique_ptr<Session> session;
  MetricStore store{kHistoryPoints};
  FullCoverage coverage;
  SessionStatus status;
  int64_t end = 0;           ///< the step it stops at
  bool done = false;         ///< stopped with its final frame (and every step's stats) in
  bool interrupted = false;  ///< stopped early by a signal (its metrics cover the steps so far)
};

/// Moves what `run`'s session sent into its store and checks whether it is done.
void pollRun(HeadlessRun& run) {
  if (g_stop_signal && !run.interrupted) {
    // Stop at the trainer's next check (between two updates); report what is in.
    run.interrupted = run.session->send(Pause{});
  }
  Session& session = *run.session;
  StepStats stats;
  while (session.pollStats(stats)) run.store.append(stats);
  forEachFrameKind([&](auto kind) {
    using Frame = typename decltype(kind)::type;
    while (const Frame* frame = session.poll<Frame>()) {
      if constexpr (std::is_same_v<Frame, PlaneFrame>) {
        const bool full = frame->modes_total > 0 && frame->modes_covered == frame->modes_total &&
                          frame->hq_fraction >= kFullCoverageHq;
        if (full && run.coverage.step < 0) {
          run.coverage = {frame->header.step, run.store.last().seconds};
        }
      }
      run.store.setFrame(*frame);
      session.recycle(frame);
    }
  });
  run.status = session.status();
  const FrameHeader* last = run.store.newestHeader();
  const bool stopped = run.status.state == RunState::Diverged ||
                       (run.status.state == RunState::Paused && run.status.step >= run.end);
  if (run.interrupted && run.status.state != RunState::Running) {
    // No final frame is waited for: on a heavy config it can take as long as a step.
    while (session.pollStats(stats)) run.store.append(stats);
    run.done = true;
  } else if (stopped && last && last->step == run.status.step) {  // the final frame is in
    // The last steps' stats may have come after this round's poll: take them too, so the
    // metrics (and a saved history) always cover every step.
    while (session.pollStats(stats)) run.store.append(stats);
    run.done = true;
  }
}

/// The metrics JSON of a finished run.
nlohmann::json runMetrics(const HeadlessRun& run, int threads) {
  const MetricStore& store = run.store;
  const double seconds = store.last().seconds;
  nlohmann::json metrics = {{"preset", run.config.name},
                            {"steps", run.status.step},
                            {"seconds", seconds},
                            {"steps_per_second", seconds > 0 ? run.status.step / seconds : 0.0},
                            {"metric_window_steps", kMetricWindow},
                            {"d_loss", store.recentMean(Series::DLoss, kMetricWindow)},
                            {"g_loss", store.recentMean(Series::GLoss, kMetricWindow)},
                            {"d_real_mean", store.recentMean(Series::DReal, kMetricWindow)},
                            {"d_fake_mean", store.recentMean(Series::DFake, kMetricWindow)},
                            {"diverged", run.status.state == RunState::Diverged},
                            {"diverged_at", run.status.diverged_at},
                            {"diverged_reason", toString(run.status.diverged_why)},
                            {"interrupted", run.interrupted},
                            {"dropped_stats", run.status.dropped_stats},
                            {"threads", threads},
                            {"engine", toString(engineFor(run.config))},
                            {"blas", blasDescription()},
                            {"config", configToJson(run.config)}};
  // The final frame of the run's scenario (the only kind it makes).
  store.visitNewest([&](const auto& frame) { reportFrame(frame, run.coverage, metrics); });
  if (store.scenario() == Scenario::Image) {
    // The classifier's metrics over the run, with the training time of each (bench/frechet_chart
    // draws the Frechet distance against it).
    const ImageMetricHistory& history = store.imageMetrics();
    const auto finite = [](double x) { return std::isfinite(x) ? nlohmann::json(x) : nullptr; };
    metrics["image_history"] = nlohmann::json::array();
    for (size_t i = 0; i < history.steps.size(); ++i) {
      metrics["image_history"].push_back({{"step", static_cast<int64_t>(history.steps[i])},
                                          {"seconds", finite(store.secondsAt(history.steps[i]))},
                                          {"frechet_distance", finite(history.frechet[i])},
                                          {"frechet_floor", finite(history.floor[i])},
                                          {"classes_covered", static_cast<int>(history.covered[i])},
                                          {"diversity", finite(history.diversity[i])}});
    }
  }
  if (run.status.classifier.phase == ClassifierPhase::Failed) {
    metrics["classifier_error"] = run.status.classifier.text;
  }
  // JSON has no NaN: non-finite figures (a diverged run) are written as null.
  for (auto& [key, value] : metrics.items()) {
    if (value.is_number_float() && !std::isfinite(value.get<double>())) value = nullptr;
  }
  return metrics;
}

/// The run's name in messages: "the base run" or its differing settings.
std::string describeRun(const HeadlessRun& run) {
  return run.differences.empty() ? "the base run" : describeDifferences(run.differences);
}

/// The differences as [{"path", "before", "after"}], each value as JSON.
nlohmann::json differencesJson(const std::vector<FieldDifference>& differences) {
  nlohmann::json list = nlohmann::json::array();
  for (const FieldDifference& difference : differences) {
    list.push_back({{"path", difference.path},
                    {"before", nlohmann::json::parse(difference.before)},
                    {"after", nlohmann::json::parse(difference.after)}});
  }
  return list;
}

}  // namespace

int runHeadless(const TrainConfig& config, const HeadlessOptions& options) {
  if (!options.samples_path.empty()) {
    const double per_sample = bytesPerSample(config);
    if (options.num_samples * per_sample > kSampleMemoryLimit) {
      std::fprintf(stderr,
                   "ganscope: --num-samples %d would take about %.1f GB with this generator "
                   "(width %d); at most %.0f fit in the %.0f GB limit\n",
                   options.num_samples, options.num_samples * per_sample / 1e9,
                   config.generator.width, std::floor(kSampleMemoryLimit / per_sample),
                   kSampleMemoryLimit / 1e9);
      return kExitBadInput;
    }
  }
  if (!options.grid_png_path.empty() && scenarioOf(config) != Scenario::Image) {
    std::cerr << "ganscope: --grid-png: draws an image run's sample grid; this run's data is \""
              << toString(config.data.kind) << "\", not images\n";
    return kExitBadInput;
  }
  if (options.latent_path) {
    if (const std::string problem = latentPathProblem(config, *options.latent_path);
        !problem.empty()) {
      std::cerr << "ganscope: " << problem << "\n";
      return kExitBadInput;
    }
  }
  for (const auto& [option, path] :
       {std::pair{"--out", options.out_path}, std::pair{"--dump-samples", options.samples_path},
        std::pair{"--save-session", options.save_session_path},
        std::pair{"--grid-png", options.grid_png_path}}) {
    if (path.empty()) continue;
    try {
      checkWritable(path);  // before the run, not after it
    } catch (const std::exception& error) {
      std::cerr << "ganscope: " << option << ": " << error.what() << "\n";
      return kExitBadInput;
    }
  }
  g_stop_signal = 0;
  std::signal(SIGINT, onStopSignal);
  std::signal(SIGTERM, onStopSignal);
  const int64_t start = options.session ? Session::stepOfState(options.session->state) : 0;
  SessionOptions session_options;
  session_options.intra_op_threads = options.threads;
  session_options.pause_at_step = start + options.steps;
  session_options.frame_hz = 2;                 // only the final frame is reported
  session_options.settle_image_metrics = true;  // and it carries the final step's metrics
  // The base run first, then one run per variant; each trains on its own thread, all at once.
  std::vector<std::unique_ptr<HeadlessRun>> runs;
  try {
    auto base = std::make_unique<HeadlessRun>();
    base->config = config;
    base->end = session_options.pause_at_step;
    if (options.session) {
      base->store.importHistory(options.session->history, 0, "session history");
      base->session = std::make_unique<Session>(options.session->state, session_options);
    } else {
      base->session = std::make_unique<Session>(config, session_options);
    }
    runs.push_back(std::move(base));
  } catch (const FormatError& error) {
    std::cerr << "ganscope: --session: " << error.what() << "\n";
    return kExitBadInput;
  }
  for (const TrainConfig& variant : options.variants) {
    auto run = std::make_unique<HeadlessRun>();
    run->config = variant;
    run->differences = differingFields(config, variant);
    run->end = variant.steps;  // its own, should --compare change `steps`
    SessionOptions variant_options = session_options;
    variant_options.pause_at_step = run->end;
    run->session = std::make_unique<Session>(variant, variant_options);
    runs.push_back(std::move(run));
  }

  auto last_progress = std::chrono::steady_clock::now();
  while (true) {
    bool all_done = true;
    for (const auto& run : runs) {
      if (!run->done) pollRun(*run);
      if (run->status.state == RunState::Failed) {
        std::cerr << "ganscope: the trainer stopped at step " << run->status.step << ": "
                  << run->session->failure() << "\n";
        return kExitFailure;
      }
      all_done = all_done && run->done;
    }
    if (all_done) break;
    if (options.progress &&
        std::chrono::steady_clock::now() - last_progress > std::chrono::seconds(1)) {
      std::fprintf(stderr, "\r");
      for (const auto& run : runs) {
        const ClassifierStatus& classifier = run->status.classifier;
        if (classifier.phase == ClassifierPhase::Training) {
          std::fprintf(stderr, "image classifier (trained once, then cached): %3.0f%%  ",
                       100.0 * classifier.progress);
        }
        std::fprintf(stderr, "step %lld/%lld  %.0f steps/s   ",
                     static_cast<long long>(run->status.step), static_cast<long long>(run->end),
                     // No step for a second: 0, not the rate of steps long past.
                     run->status.seconds_since_step < 1 ? run->store.stepsPerSecond() : 0.0);
      }
      last_progress = std::chrono::steady_clock::now();
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(2));
  }
  if (options.progress) std::fprintf(stderr, "\n");

  HeadlessRun& base = *runs.front();
  std::optional<LatentPicture> path;
  if (options.latent_path) {
    try {
      path = renderLatentPath(*base.session, config, *options.latent_path);
    } catch (const std::exception& error) {
      std::cerr << "ganscope: " << error.what() << "\n";
      return kExitFailure;
    }
  }
  nlohmann::json report;
  if (options.variants.empty()) {
    report = runMetrics(base, options.threads);
    if (path) report["latent_path"] = latentPathJson(*options.latent_path, *path);
  } else {
    report = {{"runs", nlohmann::json::array()}};
    for (const auto& run : runs) {
      nlohmann::json metrics = runMetrics(*run, options.threads);
      metrics["differences"] = differencesJson(run->differences);
      report["runs"].push_back(std::move(metrics));
    }
  }
  const std::string text = report.dump(2) + "\n";
  std::cout << text;
  try {
    if (path) writeLatentPath(config, *options.latent_path, *path);
    if (!options.out_path.empty()) writeFileAtomically(options.out_path, text);
    if (!options.samples_path.empty()) {
      writeSampleFile(options.samples_path, config,
                      base.session->sampleGenerator(options.num_samples), options.num_samples);
    }
    if (!options.grid_png_path.empty()) {
      const ImageFrame* frame = base.store.frame<ImageFrame>();
      if (!frame) throw std::runtime_error("--grid-png: the run sent no image frame");
      writePngFile(options.grid_png_path,
                   tileImages({frame->fake, static_cast<size_t>(64 * kImagePixels)},
                              ImageGridOptions{.side = 8}));
    }
    if (!options.save_session_path.empty()) {
      const ViewSettings view = options.session ? options.session->view : ViewSettings{};
      saveSessionFile(options.save_session_path, captureSession(*base.session, base.store, view));
    }
  } catch (const std::exception& error) {
    std::cerr << "ganscope: " << error.what() << "\n";
    return kExitFailure;
  }
  int exit_code = g_stop_signal ? 128 + g_stop_signal : kExitOk;
  if (g_stop_signal) {
    std::cerr << "ganscope: stopped by " << (g_stop_signal == SIGINT ? "SIGINT" : "SIGTERM")
              << " at step " << runs.front()->status.step
              << "; the metrics cover the steps so far\n";
  }
  for (const auto& run : runs) {
    if (run->status.state != RunState::Diverged) continue;
    std::cerr << "ganscope: " << (runs.size() > 1 ? describeRun(*run) + ": " : std::string())
              << "training diverged ("
              << describeDivergence(run->status.diverged_why, run->status.diverged_at)
              << "); try a smaller learning rate\n";
    if (!g_stop_signal) exit_code = kExitDiverged;
  }
  return exit_code;
}

}  // namespace ganscope
