// Command-line parsing with CLI11; bad input exits with code 2 and a message naming it.
#include "app/shell/cli.hpp"

#include <charconv>
#include <filesystem>
#include <iostream>
#include <regex>

#include <CLI/CLI.hpp>

#include "app/i18n/strings.hpp"
#include "app/panels/panel_registry.hpp"
#include "app/shell/input_script.hpp"
#include "core/api/commands.hpp"

namespace ganscope {
namespace {

/// A whole number option: decimal digits only (no sign, spaces, hex or exponent) within
/// [lo, hi]. Returns the message for a bad one, or "" with `out` set.
/// `text` for a message: at most 40 characters, then "...".
std::string shortened(const std::string& text) {
  return text.size() > 40 ? text.substr(0, 40) + "..." : text;
}

template <class T>
std::string parseWhole(const char* option, const std::string& text, T lo, T hi, T& out) {
  const std::string allowed = "[" + std::to_string(lo) + ", " + std::to_string(hi) + "]";
  const bool digits = !text.empty() && text.find_first_not_of("0123456789") == std::string::npos;
  if (!digits) {
    return std::string(option) + ": \"" + shortened(text) +
           "\" is not a number; give a non-negative whole number (digits only) in " + allowed;
  }
  T value{};
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error == std::errc::result_out_of_range || value < lo || value > hi) {
    return std::string(option) + ": " + shortened(text) + " is out of range " + allowed;
  }
  out = value;
  return "";
}

/// Every option that takes a whole number, as typed, checked after parsing.
struct WholeNumbers {
  std::string steps, seed, threads, num_samples, frames, speed, from, to;
};

/// Options naming a file: given as "" they would silently mean "none".
std::string emptyNameMessage(const CLI::App& app) {
  for (const char* option :
       {"--preset", "--config", "--out", "--dump-samples", "--screenshot", "--gif"}) {
    const CLI::Option* given = app.get_option(option);
    if (given->count() > 0 && given->as<std::string>().empty()) {
      return std::string(option) + ": an empty name; give a " +
             (std::string(option) == "--preset" ? "preset (see --list-presets)" : "file name");
    }
  }
  return "";
}

/// What --render-latent lacks or cannot take (its own numbers are parsed into `out`), or "".
std::string renderLatentMessage(const CLI::App& app, const WholeNumbers& whole, CliOptions& out) {
  if (!app.get_option("--from")->count() || !app.get_option("--to")->count()) {
    return "--render-latent needs --from SEED_A and --to SEED_B: the latent seeds of the path's "
           "ends, non-negative whole numbers";
  }
  for (const std::string& message :
       {parseWhole("--from", whole.from, uint64_t{0}, UINT64_MAX, out.latent_from),
        parseWhole("--to", whole.to, uint64_t{0}, UINT64_MAX, out.latent_to)}) {
    if (!message.empty()) return message;
  }
  if (!app.get_option("--frames")->count()) {
    return "--render-latent needs --frames N: the path's frames, 2 to " +
           std::to_string(kMaxLatentBatch);
  }
  if (out.dump_samples.empty() && out.gif.empty()) {
    return "--render-latent needs --dump-samples FILE and/or --gif FILE: where the frames go";
  }
  for (const char* option :
       {"--screenshot", "--input-script", "--num-samples", "--start", "--speed", "--focus"}) {
    if (app.get_option(option)->count()) {
      return std::string(
                 "--render-latent runs without a window and writes --frames frames; drop ") +
             option;
    }
  }
  const bool trains = out.session_file.empty() || app.get_option("--steps")->count() > 0;
  if (!trains && (!out.out.empty() || !out.save_session.empty() || !out.grid_png.empty())) {
    return "--render-latent on a --session without --steps renders the run as saved, with no "
           "metrics to write: drop --out, --save-session and --grid-png, or give --steps";
  }
  return "";
}

bool sameFile(const std::string& a, const std::string& b) {
  std::error_code ignored;
  namespace fs = std::filesystem;
  return fs::weakly_canonical(fs::absolute(a), ignored) ==
         fs::weakly_canonical(fs::absolute(b), ignored);
}

}  // namespace

std::optional<int> parseCli(int argc, char** argv, CliOptions& out) {
  CLI::App app{
      "ganscope: train a GAN live and watch the generator-vs-discriminator game.\n"
      "Opens a window on the default preset (figure1) unless --headless is given.\n"
      "Exit codes: 0 ok, 1 failure (no display, out of memory, ...), 2 bad input (an option,\n"
      "config, preset or field, or an output path that cannot be written: all are checked\n"
      "before training), 3 training diverged, 130/143 stopped by SIGINT/SIGTERM (headless\n"
      "writes the metrics so far, and --save-session, first).\n"
      "The window opens paused at step 0 (Space starts) and pauses at the config's steps.\n"
      "Output files (--out, --dump-samples, --gif, --screenshot) replace only regular files:\n"
      "a symbolic link, device, FIFO or folder is refused (name the link's target instead).\n"
      "--render-latent writes G's pictures along the path between the z of two latent seeds:\n"
      "  ganscope --session FILE --render-latent --from A --to B --frames N [--lerp]\n"
      "           --dump-samples OUT.idx [--gif OUT.gif]"};
  app.get_formatter()->column_width(34);
  WholeNumbers whole{"",
                     "",
                     std::to_string(out.threads),
                     std::to_string(out.num_samples),
                     std::to_string(out.frames),
                     std::to_string(out.speed)};
  auto* preset = app.add_option("--preset", out.preset, "Built-in preset (see --list-presets)");
  auto* config = app.add_option("--config", out.config_file,
                                "JSON config file (a regular file of at most 16 MB; fields: "
                                "--help-config)");
  preset->excludes(config);
  auto* session = app.add_option("--session", out.session_file,
                                 "Continue the run saved in this session file (its config and "
                                 "seed; --steps counts new steps)");
  session->excludes(preset)->excludes(config);
  auto* steps = app.add_option("--steps", whole.steps,
                               "Steps to train, 1 to 1000000000: headless and --screenshot runs "
                               "stop there (default: the preset's own), the window pauses there "
                               "(default: runs on)");
  auto* seed = app.add_option("--seed", whole.seed,
                              "Random seed, a non-negative 64-bit integer (default: the preset's)");
  seed->excludes(session);
  app.add_option("--data", out.data_path,
                 "Image runs: the folder of MNIST-format files to train on (data.path; default: "
                 "Debian's Fashion-MNIST in " +
                     std::string(kDefaultImageFolder) + ")")
      ->excludes(session);
  app.add_option("--threads", whole.threads,
                 "Trainer threads (LibTorch intra-op and OpenBLAS), 1 to 64")
      ->capture_default_str();
  app.add_flag("--headless", out.headless, "Train without a window and print/write metrics");
  app.add_option("--out", out.out, "Headless: write metrics JSON to this file");
  app.add_option("--save-session", out.save_session,
                 "Headless: after training, save the run as a session file (see --session)");
  app.add_option("--dump-samples", out.dump_samples,
                 "Headless: after training, write --num-samples fresh G samples: CSV rows x (1-D) "
                 "or x,y (2-D); for images an IDX3 file of unsigned bytes (N x 28 x 28, pixel = "
                 "round((x + 1) / 2 * 255)), readable as MNIST is; with --render-latent the path's "
                 "frames instead");
  app.add_option("--grid-png", out.grid_png,
                 "Headless image runs: after training, write the 8 x 8 grid of G's samples for "
                 "the run's fixed z (as the window shows it) as a PNG");
  app.add_option("--num-samples", whole.num_samples,
                 "Samples for --dump-samples, 1 to 10000000 (and what fits in 1 GB)")
      ->capture_default_str();
  app.add_flag("--dump-config", out.dump_config, "Print the full config JSON and exit");
  app.add_flag("--help-config", out.help_config,
               "List every config field with its default, allowed values and meaning, and exit");
  app.add_flag("--list-presets", out.list_presets, "List built-in presets and exit");
  app.add_flag("--version", out.version, "Print versions (ganscope, LibTorch, BLAS) and exit");
  app.add_option("--screenshot", out.screenshot,
                 "GUI: train --steps, render --frames, save the window as PNG, exit");
  app.add_option("--frames", whole.frames,
                 "Frames to render before --screenshot, 1 to 100000; with --render-latent the "
                 "path's frames, 2 to " +
                     std::to_string(kMaxLatentBatch) + " (both ends included)")
      ->capture_default_str();
  std::string size;
  app.add_option("--size", size, "Window size WxH (default: 1600x900)");
  app.add_option("--lang", out.language,
                 "The window's language, one of " + i18n::allowedLanguageCodes() +
                     " (default: the one chosen last, else en); kept for the next start");
  app.add_option("--input-script", out.input_script, inputScriptHelp());
  app.add_option("--focus", out.focus,
                 "Open in focus mode: the panel of one layout slot alone in the window (" +
                     slotNameList() + "); Escape goes back");
  app.add_option("--start", out.start,
                 "Window: paused or running at step 0 (default: paused, Space starts; running "
                 "with --screenshot, which then trains to --steps)")
      ->check(CLI::IsMember({"paused", "running"}));
  app.add_option("--speed", whole.speed,
                 "Window: at most N steps per second, 0 to 100000 (0: max; [ and ] change it)")
      ->capture_default_str();
  auto* compare = app.add_option(
      "--compare", out.compare,
      "Train a variant beside the run with FIELD=VALUE changed (a dotted config path, see "
      "--help-config; e.g. hyper.loss=hinge), all from step 0 at once. Each --compare is one "
      "variant; headless writes {\"runs\": [base, variant, ...]}; the window shows one variant "
      "beside the run");
  compare->excludes(session)->allow_extra_args(false);
  auto* render_latent = app.add_flag(
      "--render-latent", out.render_latent,
      "Write G's pictures of the path between the z of latent seeds --from and --to (the z the "
      "window's explorer uses; the sample grid's sample i is latent seed i), --frames of them, "
      "to --dump-samples (IDX3 for images, CSV rows x or x,y otherwise) and/or --gif; frame 0 "
      "is exactly G(z_A), the last exactly G(z_B). Runs without a window: a --session as saved "
      "(with --steps: after that many more steps), a preset or --config after its --steps");
  auto* from = app.add_option("--from", whole.from,
                              "--render-latent: the latent seed of frame 0, a non-negative "
                              "64-bit integer");
  auto* to = app.add_option("--to", whole.to,
                            "--render-latent: the latent seed of the last frame, a non-negative "
                            "64-bit integer");
  auto* lerp = app.add_flag("--lerp", out.lerp,
                            "--render-latent: interpolate linearly (default: spherically about "
                            "the prior's centre, which keeps |z| near the prior's typical norm)");
  auto* gif = app.add_option("--gif", out.gif,
                             "--render-latent on images: also write the frames as a looping "
                             "animated GIF, each image scaled 4x (112 x 112), 8/100 s a frame");
  for (CLI::Option* needs : {from, to, lerp, gif}) needs->needs(render_latent);
  render_latent->excludes(compare);
  // What --help shows after each option (whole numbers are read as text, then checked).
  for (const auto& [name, shown] : {std::pair{"--preset", "NAME"},
                                    {"--config", "FILE"},
                                    {"--session", "FILE"},
                                    {"--steps", "N"},
                                    {"--seed", "S"},
                                    {"--threads", "T"},
                                    {"--out", "FILE"},
                                    {"--save-session", "FILE"},
                                    {"--dump-samples", "FILE"},
                                    {"--num-samples", "N"},
                                    {"--screenshot", "FILE"},
                                    {"--frames", "F"},
                                    {"--speed", "N"},
                                    {"--start", "MODE"},
                                    {"--size", "WxH"},
                                    {"--lang", "LANG"},
                                    {"--input-script", "FILE"},
                                    {"--focus", "SLOT"},
                                    {"--compare", "FIELD=VALUE"},
                                    {"--from", "SEED_A"},
                                    {"--to", "SEED_B"},
                                    {"--gif", "FILE"}}) {
    app.get_option(name)->type_name(shown);
  }

  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    std::cerr << "ganscope: " << e.what() << "\nRun 'ganscope --help' for the options.\n";
    return kExitBadInput;
  }
  const auto fail = [](const std::string& message) {
    std::cerr << "ganscope: " << message << "\n";
    return kExitBadInput;
  };
  if (const std::string message = emptyNameMessage(app); !message.empty()) return fail(message);
  int64_t steps_value = 0;
  uint64_t seed_value = 0;
  for (const std::string& message :
       {steps->count()
            ? parseWhole("--steps", whole.steps, int64_t{1}, int64_t{1'000'000'000}, steps_value)
            : "",
        seed->count() ? parseWhole("--seed", whole.seed, uint64_t{0}, UINT64_MAX, seed_value) : "",
        parseWhole("--threads", whole.threads, 1, 64, out.threads),
        parseWhole("--num-samples", whole.num_samples, 1, kMaxSamples, out.num_samples),
        out.render_latent ? parseWhole("--frames", whole.frames, 2, kMaxLatentBatch, out.frames)
                          : parseWhole("--frames", whole.frames, 1, 100000, out.frames),
        parseWhole("--speed", whole.speed, 0, 100000, out.speed)}) {
    if (!message.empty()) return fail(message);
  }
  if (steps->count()) out.steps = steps_value;
  if (out.render_latent) {
    if (const std::string message = renderLatentMessage(app, whole, out); !message.empty()) {
      return fail(message);
    }
    out.headless = true;  // it runs without a window
  }
  if (seed->count()) out.seed = seed_value;
  if (!size.empty()) {
    std::smatch match;
    const std::regex pattern(R"((\d{1,5})x(\d{1,5}))");
    if (!std::regex_match(size, match, pattern)) {
      return fail("--size: \"" + shortened(size) + "\" is not WxH, e.g. 1600x900");
    }
    out.width = std::stoi(match[1]);
    out.height = std::stoi(match[2]);
    if (out.width < 320 || out.height < 240 || out.width > 8192 || out.height > 8192) {
      return fail("--size: " + size + " is outside 320x240 .. 8192x8192");
    }
  }
  if (app.get_option("--lang")->count() && !i18n::languageFromCode(out.language)) {
    return fail("--lang: \"" + shortened(out.language) + "\" is not a language of the window; " +
                "give one of " + i18n::allowedLanguageCodes());
  }
  if (app.get_option("--focus")->count() > 0 && !slotNamed(out.focus)) {
    return fail("--focus: \"" + shortened(out.focus) + "\" is not a layout slot; give one of " +
                slotNameList());
  }
  if ((!out.out.empty() || !out.dump_samples.empty() || !out.save_session.empty() ||
       !out.grid_png.empty()) &&
      !out.headless) {
    return fail("--out, --dump-samples, --grid-png and --save-session need --headless");
  }
  if (!out.compare.empty() &&
      (!out.dump_samples.empty() || !out.save_session.empty() || !out.grid_png.empty())) {
    return fail(
        "--compare writes metrics only; drop --dump-samples, --grid-png and --save-session");
  }
  if (out.compare.size() > 1 && !out.headless) {
    return fail(
        "--compare: the window shows two runs side by side; give one --compare "
        "(several variants need --headless)");
  }
  if (out.headless && (app.get_option("--speed")->count() || !out.start.empty())) {
    return fail(
        "--speed and --start pace the window; drop --headless (headless runs train at "
        "full speed)");
  }
  if (out.headless && !out.screenshot.empty()) {
    return fail("--screenshot needs the window; drop --headless");
  }
  if (!out.input_script.empty() && out.screenshot.empty()) {
    return fail("--input-script needs --screenshot (the run ends once the script is done)");
  }
  for (const auto& [a, b] : {std::pair{"--out", "--dump-samples"}, std::pair{"--out", "--gif"},
                             std::pair{"--dump-samples", "--gif"}}) {
    const CLI::Option* first = app.get_option(a);
    const CLI::Option* second = app.get_option(b);
    if (first->count() && second->count() &&
        sameFile(first->as<std::string>(), second->as<std::string>())) {
      return fail(std::string(a) + " and " + b + " name the same file, " +
                  shortened(first->as<std::string>()) + "; give each its own");
    }
  }
  return std::nullopt;
}

}  // namespace ganscope
