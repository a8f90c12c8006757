// GUI tests of typed numbers in the real window (under xvfb-run): scripted input queued as a
// user's burst between two frames (click, "50", Enter pressed and released at once) must commit
// the value, Escape must not, and a refused entry leaves the value and shows why in red.
#include <gtest/gtest.h>
#include <stb_image.h>

#include <cstdlib>
#include <fstream>
#include <nlohmann/json.hpp>
#include <string>

#include "test_util.hpp"

namespace ganscope {
namespace {

/// What a scripted run left: D's learning rate in the run's config, and the Controls panel's
/// strongly red pixels (refusal messages) in its screenshot.
struct ScriptedRun {
  double d_lr = -1;
  size_t red_pixels = 0;
};

/// Runs the window on figure1 with `script` (a dump of the config is appended) at 1600x900,
/// paused, so that nothing but the script changes the window while it runs.
ScriptedRun runScript(const std::string& name, const std::string& script) {
  ScriptedRun result;
  if (!std::getenv("DISPLAY")) {
    ADD_FAILURE() << "GUI tests need a display: run them through scripts/test (xvfb-run)";
    return result;
  }
  const auto dir = test::tempDir(name);
  const auto dump = dir / "config.json", png = dir / "shot.png";
  std::ofstream(dir / "script.txt") << script << "\nwait 3\ndump " << dump.string() << "\n";
  const auto r = test::runGanscope(
      "--preset figure1 --steps 20 --start paused --frames 3 --size 1600x900 "
      "--input-script " +
          (dir / "script.txt").string() + " --screenshot " + png.string(),
      dir, "env XDG_CONFIG_HOME=" + dir.string());
  EXPECT_EQ(r.exit_code, 0) << r.err;
  const nlohmann::json config = nlohmann::json::parse(test::readFile(dump), nullptr, false);
  EXPECT_FALSE(config.is_discarded()) << "no config dumped";
  if (config.is_discarded()) return result;
  result.d_lr = config["hyper"]["d_opt"]["lr"].get<double>();
  int width = 0, height = 0, channels = 0;
  unsigned char* rgb = stbi_load(png.c_str(), &width, &height, &channels, 3);
  EXPECT_NE(rgb, nullptr) << "no screenshot";
  if (!rgb) return result;
  for (int y = 0; y < height; ++y) {
    for (int x = 0; x < width * 22 / 100; ++x) {  // the Controls panel
      const unsigned char* p = rgb + 3 * (static_cast<size_t>(y) * width + x);
      if (p[0] > 170 && p[1] < 70 && p[2] < 70) ++result.red_pixels;  // palette::kError
    }
  }
  stbi_image_free(rgb);
  return result;
}

constexpr double kPresetLr = 0.001;  // figure1's D learning rate

TEST(TypedFieldGuiTest, EnterPressedAndReleasedInOneFrameCommitsTheTypedValue) {
  const ScriptedRun run =
      runScript("typed-enter", "wait 3\nclick hyper.d_opt.lr\ntype 50\nkey Enter");
  EXPECT_DOUBLE_EQ(run.d_lr, 50);
  EXPECT_EQ(run.red_pixels, 0u);
}

TEST(TypedFieldGuiTest, EscapeInsteadOfEnterLeavesTheValue) {
  // The control: the same keys but Escape.
  const ScriptedRun run =
      runScript("typed-escape", "wait 3\nclick hyper.d_opt.lr\ntype 50\nkey Escape");
  EXPECT_DOUBLE_EQ(run.d_lr, kPresetLr);
}

TEST(TypedFieldGuiTest, AClickOnAFieldAboveCommitsToo) {
  // Spreadsheet-like: leaving the field by clicking elsewhere keeps what was typed, also when
  // the click lands on a field drawn before it in the frame.
  const ScriptedRun run = runScript(
      "typed-click-away", "wait 3\nclick hyper.d_opt.lr\ntype 0.02\nclick hyper.batch_size");
  EXPECT_DOUBLE_EQ(run.d_lr, 0.02);
}

TEST(TypedFieldGuiTest, TabToTheNextFieldCommitsToo) {
  const ScriptedRun run =
      runScript("typed-tab", "wait 3\nclick hyper.d_opt.lr\ntype 0.02\nkey Tab");
  EXPECT_DOUBLE_EQ(run.d_lr, 0.02);
}

TEST(TypedFieldGuiTest, ARefusedEntryKeepsTheValueAndSaysWhy) {
  const ScriptedRun run =
      runScript("typed-refused", "wait 3\nclick hyper.d_opt.lr\ntype 1000\nkey Enter");
  EXPECT_DOUBLE_EQ(run.d_lr, kPresetLr);
  EXPECT_GT(run.red_pixels, 100u) << "no red 'allowed: ...' message in "
                                  << std::filesystem::temp_directory_path().string()
                                  << "/ganscope-test-typed-refused/shot.png";
}

TEST(TypedFieldGuiTest, TheWheelOnTheHandleStepsALearningRateAlong125) {
  EXPECT_DOUBLE_EQ(runScript("handle-wheel", "wait 3\nwheel hyper.d_opt.lr 2").d_lr, 0.005);
}

TEST(TypedFieldGuiTest, DraggingTheHandleMovesALearningRateADecadePer150Pixels) {
  EXPECT_NEAR(runScript("handle-drag", "wait 3\ndrag hyper.d_opt.lr 150").d_lr, 0.01, 1e-6);
  // The control: a click on the handle that does not move changes nothing.
  EXPECT_DOUBLE_EQ(runScript("handle-click", "wait 3\ndrag hyper.d_opt.lr 0").d_lr, kPresetLr);
}

TEST(TypedFieldGuiTest, ABadScriptExitsTwoNamingTheLine) {
  const auto dir = test::tempDir("bad-script");
  std::ofstream(dir / "script.txt") << "wait 1\nclick hyper.nothing\n";
  const std::string script = " --input-script " + (dir / "script.txt").string();
  const auto png = " --screenshot " + (dir / "shot.png").string();
  const std::string env = "env XDG_CONFIG_HOME=" + dir.string();
  auto r = test::runGanscope("--steps 5" + script, dir, env);
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("--input-script needs --screenshot"), std::string::npos) << r.err;
  r = test::runGanscope("--steps 5 --frames 2" + script + png, dir, env);
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("line 2: no number field \"hyper.nothing\" on screen"), std::string::npos)
      << r.err;
  std::ofstream(dir / "script.txt") << "wait 1\npress Enter\n";
  r = test::runGanscope("--steps 5 --frames 2" + script + png, dir, env);
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("line 2: unknown command \"press\""), std::string::npos) << r.err;
}

}  // namespace
}  // namespace ganscope
