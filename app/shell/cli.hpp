// Command-line options of the ganscope executable, parsed with CLI11.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace ganscope {

/// Exit codes: documented in --help and the README.
enum ExitCode : int {
  kExitOk = 0,
  kExitFailure = 1,    ///< a run failed (no display, out of memory, a write failing mid-run, ...)
  kExitBadInput = 2,   ///< bad option, config, preset or field; an output path that cannot be
                       ///< written (checked before training)
  kExitDiverged = 3,   ///< training diverged (NaN/Inf); the metrics file says where
  kExitSigint = 130,   ///< stopped by SIGINT (Ctrl+C): 128 + 2, the shell's convention
  kExitSigterm = 143,  ///< stopped by SIGTERM: 128 + 15
};

/// The most samples --dump-samples takes (headless also caps them by a memory estimate).
inline constexpr int kMaxSamples = 10'000'000;

struct CliOptions {
  std::string preset;              ///< --preset (default: figure1 unless --config)
  std::string config_file;         ///< --config FILE
  std::optional<int64_t> steps;    ///< --steps N (default: the preset's own)
  std::optional<uint64_t> seed;    ///< --seed S (default: the preset's own)
  std::string data_path;           ///< --data DIR: an image run's folder (data.path)
  int threads = 1;                 ///< --threads: LibTorch intra-op threads of the trainer
  bool headless = false;           ///< --headless
  std::string out;                 ///< --out metrics.json (headless)
  std::string dump_samples;        ///< --dump-samples FILE.csv, or .idx for images (headless)
  std::string grid_png;            ///< --grid-png FILE: an image run's sample grid (headless)
  int num_samples = 2500;          ///< --num-samples N for --dump-samples
  bool dump_config = false;        ///< --dump-config
  bool help_config = false;        ///< --help-config
  bool list_presets = false;       ///< --list-presets
  bool version = false;            ///< --version
  std::string screenshot;          ///< --screenshot out.png (GUI)
  int frames = 60;                 ///< --frames F with --screenshot
  int width = 1600, height = 900;  ///< --size WxH of the window
  /// --start paused|running: how the window's run starts ("": paused, or running with
  /// --screenshot).
  std::string start;
  int speed = 0;             ///< --speed N: steps per second in the window (0: max)
  std::string language;      ///< --lang en|ko: the window's language ("": the saved one)
  std::string focus;         ///< --focus SLOT: open with that slot's panel alone
  std::string session_file;  ///< --session FILE: continue a saved run (GUI or headless)
  std::string save_session;  ///< --save-session FILE: headless, save the run at its end
  std::string input_script;  ///< --input-script FILE: scripted input (with --screenshot)

  std::vector<std::string> compare;  ///< --compare FIELD=VALUE, once per variant run

  /// --render-latent: after training (none for a --session without --steps), write G's
  /// pictures of the path between the z of latent seeds --from and --to, --frames of them, to
  /// --dump-samples and/or --gif. Implies a headless run.
  bool render_latent = false;
  uint64_t latent_from = 0;  ///< --from SEED_A: frame 0 is G(z of this latent seed)
  uint64_t latent_to = 0;    ///< --to SEED_B: the last frame is G(z of this latent seed)
  bool lerp = false;         ///< --lerp: linear interpolation (default: spherical)
  std::string gif;           ///< --gif FILE: the path's frames as an animated GIF (images)
};

/// Parses argv. Returns the exit code to stop with (help, errors) or nullopt to continue.
std::optional<int> parseCli(int argc, char** argv, CliOptions& out);

}  // namespace ganscope
