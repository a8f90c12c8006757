// RunView: what the window keeps of one run: its Session, the telemetry received, captures,
// trails, plot views, D's textures, and its name and differing settings. One per run shown.
#pragma once
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "app/gl/image_atlas.hpp"
#include "app/gl/scalar_field_view.hpp"
#include "app/plot/draw.hpp"
#include "app/state/capture_strip.hpp"
#include "app/state/fake_trails.hpp"
#include "app/state/latent_class_map.hpp"
#include "app/state/latent_explorer_renders.hpp"
#include "app/state/latent_search.hpp"
#include "app/state/metric_store.hpp"
#include "app/state/view_settings.hpp"
#include "core/api/session.hpp"
#include "core/config/overrides.hpp"

namespace ganscope {

/// The visible ranges of a run's plots, kept across frames.
struct PlotViews {
  plot::PlotView figure1, losses, d_means, gradients, histogram, plane, modes, frechet;
  plot::PlotView latent_scores;  ///< D's score along the latent explorer's path
  plot::PlotView captures[CaptureStrip::kSlots];
  uint32_t generation = 0;  ///< the run generation the views were fitted to
};

/// A new run (reset, preset change, config or session loaded: a new `generation`) starts every
/// plot fitted afresh to its own data, zoom and pan forgotten. True when the views were reset.
bool followRun(PlotViews& views, uint32_t generation);

/// A session file's metric history, opened as telemetry of `generation` (the loaded run's).
struct OpenedHistory {
  std::string bytes;  ///< MetricStore::exportHistory bytes
  uint32_t generation = 0;
};

/// `config` with `differences` applied (each field set to its `after`): a compared run's config
/// when the first run's becomes `config`. Throws ConfigError naming a field that no longer fits.
TrainConfig withDifferences(const TrainConfig& config,
                            const std::vector<FieldDifference>& differences);

/// Why `variant` cannot be shown beside `config` in the window ("" when it can): the columns
/// show one scenario, so a change from 1-D to 2-D data, or between points and images (or back),
/// is refused.
std::string sideBySideProblem(const TrainConfig& config, const TrainConfig& variant);
/// The string table key of sideBySideProblem's text for the window ("run.to_2d", "run.to_1d",
/// "run.images"), or nullptr when the runs can be compared side by side.
const char* sideBySideProblemKey(const TrainConfig& config, const TrainConfig& variant);

class RunView {
 public:
  /// Shows `session` as the run called `name`, whose config differs from the first run's in
  /// `differences` (empty for the first run). D's textures need the GL context; without them
  /// the panels draw D's colours off and `texture_error` says why.
  RunView(std::unique_ptr<Session> session, std::string name,
          std::vector<FieldDifference> differences);
  ~RunView();
  RunView(const RunView&) = delete;
  RunView& operator=(const RunView&) = delete;

  /// Moves everything waiting in the session's queues into the store, captures and trails,
  /// and reads the status. True if anything came.
  bool drain(const ViewSettings& view);

  /// The command `command` (meant for the first run) becomes for this run: a config or
  /// hyperparameters with this run's differences applied, anything else unchanged.
  Command adapt(const Command& command) const;

  Session& session() { return *session_; }
  const std::string& name() const { return name_; }
  /// "path=value, ..." of the differing settings ("" for the first run).
  const std::string& settings() const { return settings_; }
  const std::vector<FieldDifference>& differences() const { return differences_; }

  MetricStore store;
  SessionStatus status;  ///< read by drain(), once per frame
  CaptureStrip captures;
  FakeTrails trails;  ///< the plane's fixed-z fakes over the last snapshots
  PlotViews views;
  std::unique_ptr<gl::ScalarFieldView> d_strip;  ///< D(x) colour strip of the Figure 1 panel
  std::unique_ptr<gl::ScalarFieldView> d_field;  ///< D heatmap of the plane panel
  std::unique_ptr<gl::ImageAtlas> fake_grid;     ///< G's samples of the sample grid panel
  std::unique_ptr<gl::ImageAtlas> real_grid;     ///< the real images beside them
  std::string texture_error;                     ///< why the textures are missing, or ""
  LatentExplorerRenders explorer;                ///< the latent explorer's pictures of this run
  LatentSearch latent_search;                    ///< the explorer's "find z" of this run
  LatentClassMap class_map;                      ///< the explorer's class map of this run
  /// Set by Open session: moved into the store before the next telemetry.
  std::optional<OpenedHistory> opened_history;

 private:
  std::unique_ptr<Session> session_;
  std::string name_;
  std::vector<FieldDifference> differences_;
  std::string settings_;
};

}  // namespace ganscope
