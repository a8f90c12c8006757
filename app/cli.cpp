// Command-line parsing with CLI11; bad input exits with code 2 and a message naming it.
#include "app/cli.hpp"

#include <iostream>
#include <regex>

#include <CLI/CLI.hpp>

namespace ganscope {

std::optional<int> parseCli(int argc, char** argv, CliOptions& out) {
  CLI::App app{
      "ganscope: train a GAN live and watch the generator-vs-discriminator game.\n"
      "Opens a window on the default preset (figure1) unless --headless is given.\n"
      "Exit codes: 0 ok, 1 failure, 2 bad input, 3 training diverged."};
  app.get_formatter()->column_width(34);
  auto* preset = app.add_option("--preset", out.preset, "Built-in preset (see --list-presets)");
  auto* config =
      app.add_option("--config", out.config_file, "JSON config file")->check(CLI::ExistingFile);
  preset->excludes(config);
  auto* session = app.add_option("--session", out.session_file,
                                 "Continue the run saved in this session file (its config and "
                                 "seed; --steps counts new steps)");
  session->excludes(preset)->excludes(config);
  app.add_option("--steps", out.steps,
                 "Steps to train: headless and --screenshot runs stop there (default: the "
                 "preset's own), the window pauses there (default: runs on)")
      ->check(CLI::Range(int64_t{1}, int64_t{1'000'000'000}));
  app.add_option("--seed", out.seed, "Random seed, a non-negative integer (default: the preset's)")
      ->excludes(session)
      ->check(CLI::Validator(
          [](std::string& value) {
            return value.find_first_not_of("0123456789") == std::string::npos && !value.empty()
                       ? std::string()
                       : "--seed must be a non-negative integer, got " + value;
          },
          "UINT"));
  app.add_option("--threads", out.threads, "Trainer threads (LibTorch intra-op and OpenBLAS)")
      ->check(CLI::Range(1, 64))
      ->capture_default_str();
  app.add_flag("--headless", out.headless, "Train without a window and print/write metrics");
  app.add_option("--out", out.out, "Headless: write metrics JSON to this file");
  app.add_option("--save-session", out.save_session,
                 "Headless: after training, save the run as a session file (see --session)");
  app.add_option("--dump-samples", out.dump_samples,
                 "Headless: after training, write --num-samples fresh G samples as CSV");
  app.add_option("--num-samples", out.num_samples, "Samples for --dump-samples")
      ->check(CLI::Range(1, 10'000'000))
      ->capture_default_str();
  app.add_flag("--dump-config", out.dump_config, "Print the full config JSON and exit");
  app.add_flag("--list-presets", out.list_presets, "List built-in presets and exit");
  app.add_flag("--version", out.version, "Print versions (ganscope, LibTorch, BLAS) and exit");
  app.add_option("--screenshot", out.screenshot,
                 "GUI: train --steps, render --frames, save the window as PNG, exit");
  app.add_option("--frames", out.frames, "Frames to render before --screenshot")
      ->check(CLI::Range(1, 100000))
      ->capture_default_str();
  std::string size;
  app.add_option("--size", size, "Window size WxH (default: 1600x900)");
  app.add_flag("--paused", out.paused, "Open the window paused");

  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    std::cerr << "ganscope: " << e.what() << "\nRun 'ganscope --help' for the options.\n";
    return kExitBadInput;
  }
  if (!size.empty()) {
    std::smatch match;
    const std::regex pattern(R"((\d{1,5})x(\d{1,5}))");
    if (!std::regex_match(size, match, pattern)) {
      std::cerr << "ganscope: --size: \"" << size << "\" is not WxH, e.g. 1600x900\n";
      return kExitBadInput;
    }
    out.width = std::stoi(match[1]);
    out.height = std::stoi(match[2]);
    if (out.width < 320 || out.height < 240 || out.width > 8192 || out.height > 8192) {
      std::cerr << "ganscope: --size: " << size << " is outside 320x240 .. 8192x8192\n";
      return kExitBadInput;
    }
  }
  if ((!out.out.empty() || !out.dump_samples.empty() || !out.save_session.empty()) &&
      !out.headless) {
    std::cerr << "ganscope: --out, --dump-samples and --save-session need --headless\n";
    return kExitBadInput;
  }
  if (out.headless && !out.screenshot.empty()) {
    std::cerr << "ganscope: --screenshot needs the window; drop --headless\n";
    return kExitBadInput;
  }
  return std::nullopt;
}

}  // namespace ganscope
