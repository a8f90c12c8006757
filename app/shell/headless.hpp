// Headless runs: the same Session as the GUI, no window; prints and writes metrics JSON.
#pragma once
#include <string>
#include <vector>

#include "app/shell/render_latent.hpp"
#include "app/state/session_file.hpp"
#include "core/api/config.hpp"

namespace ganscope {

struct HeadlessOptions {
  int64_t steps = 0;          ///< steps to train
  int threads = 1;            ///< LibTorch intra-op threads of the trainer
  std::string out_path;       ///< metrics JSON file ("" prints to stdout only)
  std::string samples_path;   ///< fresh G samples after training: CSV, IDX3 for images ("")
  int num_samples = 2500;     ///< rows of that CSV
  std::string grid_png_path;  ///< images: the final sample grid as a PNG ("" for none)
  bool progress = false;      ///< a progress line on stderr about once a second

  /// Session file written after the run ("" for none).
  std::string save_session_path;
  /// Continue this saved run for `steps` more steps (nullptr: start `config` afresh; the
  /// metrics report `config`, whose `steps` is where the continued run ends).
  const SessionFile* session = nullptr;
  /// Runs trained beside `config`, all at once, each from step 0 (--compare). With any, the
  /// output is {"runs": [base, variant, ...]}, each run's metrics with its "differences".
  std::vector<TrainConfig> variants;
  /// After training, render this latent path from the run's G (--render-latent) and write it;
  /// the metrics gain "latent_path". nullptr: none. Not with variants.
  const LatentPathOptions* latent_path = nullptr;
};

/// Trains `config` (and options.variants beside it) for options.steps steps. Returns kExitOk,
/// kExitDiverged or kExitFailure; kExitBadInput, before training, for an output path that cannot be
/// written or too many samples.
int runHeadless(const TrainConfig& config, const HeadlessOptions& options);

}  // namespace ganscope
