// RunView: draining one run's queues, and turning the first run's commands into this run's.
#include "app/state/run_view.hpp"

#include <type_traits>

#include "app/i18n/strings.hpp"
#include "core/api/scenario.hpp"

namespace ganscope {

RunView::RunView(std::unique_ptr<Session> session, std::string name,
                 std::vector<FieldDifference> differences)
    : session_(std::move(session)),
      name_(std::move(name)),
      differences_(std::move(differences)),
      settings_(describeDifferences(differences_)) {
  try {
    d_strip = std::make_unique<gl::ScalarFieldView>(gl::discriminatorColormap());
    d_field = std::make_unique<gl::ScalarFieldView>(gl::discriminatorColormap());
    fake_grid = std::make_unique<gl::ImageAtlas>();
    real_grid = std::make_unique<gl::ImageAtlas>();
  } catch (const std::exception& error) {
    d_strip.reset();
    d_field.reset();
    fake_grid.reset();
    real_grid.reset();
    texture_error = i18n::trf("run.textures_off", error.what());
  }
}

RunView::~RunView() = default;

bool RunView::drain(const ViewSettings& view) {
  if (opened_history) {
    store.importHistory(opened_history->bytes, opened_history->generation, "session");
    opened_history.reset();
  }
  bool received = false;
  StepStats stats;
  while (session_->pollStats(stats)) {
    store.append(stats);
    received = true;
  }
  forEachFrameKind([&](auto kind) {
    using Frame = typename decltype(kind)::type;
    while (const Frame* frame = session_->poll<Frame>()) {
      store.setFrame(*frame);
      captures.captureIfPlanned(*frame, view.capture_steps);
      if constexpr (std::is_same_v<Frame, PlaneFrame>) trails.push(*frame);
      session_->recycle(frame);
      received = true;
    }
  });
  status = session_->status();
  return received;
}

bool followRun(PlotViews& views, uint32_t generation) {
  if (views.generation == generation) return false;
  views = PlotViews{};
  views.generation = generation;
  return true;
}

TrainConfig withDifferences(const TrainConfig& config,
                            const std::vector<FieldDifference>& differences) {
  TrainConfig variant = config;
  for (const FieldDifference& difference : differences) {
    variant = withOverride(variant, difference.path + "=" + difference.after);
  }
  return variant;
}

const char* sideBySideProblemKey(const TrainConfig& config, const TrainConfig& variant) {
  if (scenarioOf(config) == scenarioOf(variant)) return nullptr;
  if (scenarioOf(config) == Scenario::Image || scenarioOf(variant) == Scenario::Image) {
    return "run.images";
  }
  return scenarioOf(config) == Scenario::Figure1 ? "run.to_2d" : "run.to_1d";
}

std::string sideBySideProblem(const TrainConfig& config, const TrainConfig& variant) {
  if (scenarioOf(config) == scenarioOf(variant)) return "";
  if (scenarioOf(config) == Scenario::Image || scenarioOf(variant) == Scenario::Image) {
    return "the change turns images into points or points into images; the window compares "
           "runs on data of one kind (headless --compare takes any change)";
  }
  return scenarioOf(config) == Scenario::Figure1
             ? "the change turns 1-D data into 2-D data; the window compares runs on data of one "
               "dimension (headless --compare takes any change)"
             : "the change turns 2-D data into 1-D data; the window compares runs on data of one "
               "dimension (headless --compare takes any change)";
}

Command RunView::adapt(const Command& command) const {
  if (differences_.empty()) return command;
  if (const auto* reset = std::get_if<Reset>(&command)) {
    return Reset{withDifferences(reset->config, differences_)};
  }
  if (const auto* set = std::get_if<SetHyperparams>(&command)) {
    TrainConfig config = session_->config();
    config.hyper = set->value;
    return SetHyperparams{withDifferences(config, differences_).hyper};
  }
  return command;
}

}  // namespace ganscope
