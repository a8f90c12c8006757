// ganscope entry point: parses the command line, then runs the GUI, a headless run or a query.
#include <unistd.h>

#include <cstdlib>
#include <iostream>
#include <optional>

#include <nlohmann/json.hpp>

#include "app/shell/cli.hpp"
#include "app/shell/gui_app.hpp"
#include "app/shell/headless.hpp"
#include "app/shell/render_latent.hpp"
#include "app/state/run_view.hpp"
#include "app/state/session_file.hpp"
#include "common/atomic_file.hpp"
#include "common/runtime_info.hpp"
#include "core/api/session.hpp"
#include "core/api/torch_version.hpp"
#include "core/config/overrides.hpp"
#include "core/config/presets.hpp"
#include "core/config/schema.hpp"
#include "core/config/step_cost.hpp"

using namespace ganscope;

namespace {

/// The config the options name: a file, a preset or the default preset, with overrides.
TrainConfig resolveConfig(const CliOptions& cli) {
  TrainConfig config = !cli.config_file.empty()
                           ? loadConfigFile(cli.config_file)
                           : presetConfig(cli.preset.empty() ? kDefaultPreset : cli.preset);
  if (cli.seed) config.seed = *cli.seed;
  if (cli.steps) config.steps = *cli.steps;
  if (!cli.data_path.empty()) {
    if (config.data.kind != DataKind::Images) {
      throw ConfigError("--data", std::string("needs an image preset or config (data.kind "
                                              "\"images\"); this one's data is \"") +
                                      toString(config.data.kind) + "\"");
    }
    config.data.path = cli.data_path;
  }
  return config;
}

/// Everything after parsing; exceptions are main's to report.
int run(const CliOptions& cli) {
  if (cli.version) {
    std::cout << "ganscope " << GANSCOPE_VERSION << "\nLibTorch " << torchVersion() << "\nBLAS "
              << blasDescription() << "\n";
    return kExitOk;
  }
  if (cli.help_config) {
    std::cout << configHelpText();
    return kExitOk;
  }
  if (cli.list_presets) {
    for (const std::string& name : presetNames()) {
      std::cout << name << "\t" << presetConfig(name).description << "\n";
    }
    return kExitOk;
  }
  TrainConfig config;
  std::vector<TrainConfig> variants;  // one per --compare
  std::optional<SessionFile> session;
  int64_t start_step = 0;  // steps already done in the --session
  try {
    if (!cli.session_file.empty()) {
      session = loadSessionFile(cli.session_file);
      start_step = Session::stepOfState(session->state);
      config = session->config;
      // --steps counts new steps (default: the config's own); config.steps is where it ends.
      config.steps = start_step + cli.steps.value_or(config.steps);
    } else {
      config = resolveConfig(cli);
    }
  } catch (const ConfigError& error) {
    std::cerr << "ganscope: " << error.what() << "\n";
    return kExitBadInput;
  } catch (const std::runtime_error& error) {  // a session file that cannot be used
    std::cerr << "ganscope: --session: " << error.what() << "\n";
    return kExitBadInput;
  }
  try {
    for (const std::string& assignment : cli.compare) {
      variants.push_back(withOverride(config, assignment));
    }
  } catch (const ConfigError& error) {
    std::cerr << "ganscope: --compare: " << error.what() << "\n";
    return kExitBadInput;
  }
  if (cli.dump_config) {
    std::cout << configToJson(config).dump(2) << "\n";
    return kExitOk;
  }
  LatentPathOptions latent_path;
  if (cli.render_latent) {
    latent_path.from_seed = cli.latent_from;
    latent_path.to_seed = cli.latent_to;
    latent_path.frames = cli.frames;
    latent_path.spherical = !cli.lerp;
    latent_path.samples_path = cli.dump_samples;
    latent_path.gif_path = cli.gif;
    // A saved run without --steps is rendered as it was saved.
    if (session && !cli.steps) return renderSavedLatentPath(*session, latent_path);
  }
  if (cli.headless) {
    HeadlessOptions options;
    options.steps = config.steps - start_step;
    options.threads = cli.threads;
    options.save_session_path = cli.save_session;
    if (session) options.session = &*session;
    options.out_path = cli.out;
    options.samples_path = cli.render_latent ? "" : cli.dump_samples;  // else the path's
    if (cli.render_latent) options.latent_path = &latent_path;
    options.num_samples = cli.num_samples;
    options.grid_png_path = cli.grid_png;
    options.progress = isatty(STDERR_FILENO);
    options.variants = std::move(variants);
    if (const std::string warning = slowStepWarning(config); !warning.empty()) {
      std::cerr << "ganscope: " << warning
                << " (an estimate from the network shapes, batch, pack and D steps)\n";
    }
    return runHeadless(config, options);
  }
  if (!cli.screenshot.empty()) {
    try {
      checkWritable(cli.screenshot);  // before the run, not after it
    } catch (const std::exception& error) {
      std::cerr << "ganscope: --screenshot: " << error.what() << "\n";
      return kExitBadInput;
    }
  }
  GuiOptions options;
  options.threads = cli.threads;
  options.width = cli.width;
  options.height = cli.height;
  options.screenshot_path = cli.screenshot;
  options.screenshot_frames = cli.frames;
  options.input_script_path = cli.input_script;
  options.language = cli.language;
  options.focus = cli.focus;
  // The window pauses at the config's steps (--steps, a --session's steps more, or the
  // preset's own); a screenshot run stops there.
  options.pause_at_step = config.steps;
  options.start_paused = cli.start.empty() ? cli.screenshot.empty() : cli.start == "paused";
  options.steps_per_second = cli.speed;
  if (const std::string warning = slowStepWarning(config); !warning.empty()) {
    std::cerr << "ganscope: " << warning
              << " (an estimate from the network shapes, batch, pack and D steps)\n";
  }
  if (session) options.session = &*session;
  if (!variants.empty()) {  // the CLI allows one here
    if (const std::string problem = sideBySideProblem(config, variants.front()); !problem.empty()) {
      std::cerr << "ganscope: --compare: " << problem << "\n";
      return kExitBadInput;
    }
    options.compare = variants.front();
  }
  return runGui(config, options);
}

}  // namespace

int main(int argc, char** argv) {
  CliOptions cli;
  if (auto exit_code = parseCli(argc, argv, cli)) return *exit_code;
  try {
    const int exit_code = run(cli);
    // A trainer thread left inside a long update must not see static destructors (LibTorch's
    // pools) run under it: end without them, output flushed (see Session::leftThreadsBehind).
    if (Session::leftThreadsBehind()) {
      std::cout.flush();
      std::cerr.flush();
      std::_Exit(exit_code);
    }
    return exit_code;
  } catch (const ConfigError& error) {  // found building the run, e.g. an image folder's files
    std::cerr << "ganscope: " << error.what() << "\n";
    return kExitBadInput;
  } catch (const std::exception& error) {  // e.g. c10::Error or bad_alloc building the trainer
    // The first line: LibTorch appends a backtrace to its messages.
    const std::string message = error.what();
    std::cerr << "ganscope: " << message.substr(0, message.find('\n')) << "\n";
    return kExitFailure;
  }
}
