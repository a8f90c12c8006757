// The explorer's direction sliders, walk GIF and plane pinning in the real window (under Xvfb).
// fashion-dcgan: once a set of directions came, slider 0 moved changes the big picture and back
// at 0 gives it again pixel for pixel (the control); the square's walk GIF has its 94 frames and
// moves. A ring run: a click on a shown fake pins its latent seed as A (B stays).
#include <gif_lib.h>
#include <gtest/gtest.h>
#include <stb_image.h>

#include <cstdlib>
#include <fstream>
#include <vector>

#include <nlohmann/json.hpp>
#include "gui_screenshot.hpp"
#include "test_util.hpp"

namespace ganscope {
namespace {

/// A PNG's RGB bytes (empty when it is not readable).
std::vector<unsigned char> readRgb(const std::filesystem::path& path) {
  int width = 0, height = 0, channels = 0;
  unsigned char* rgb = stbi_load(path.c_str(), &width, &height, &channels, 3);
  if (!rgb) return {};
  std::vector<unsigned char> pixels(rgb, rgb + 3 * width * height);
  stbi_image_free(rgb);
  return pixels;
}

double meanAbsDifference(const std::vector<unsigned char>& a, const std::vector<unsigned char>& b) {
  EXPECT_EQ(a.size(), b.size());
  double sum = 0;
  for (size_t i = 0; i < a.size() && i < b.size(); ++i) sum += std::abs(a[i] - b[i]);
  return sum / static_cast<double>(std::max<size_t>(1, a.size()));
}

/// Script lines that save the explorer's PNGs as `base`(.png, -strip.png).
std::string saveAs(const std::string& base) {
  return "click explorer.file\ntype " + base +
         "\nkey Enter\nwait 2\nclick explorer.save_png\nwait 3\n";
}

/// Copies `names` from `dir` to $GANSCOPE_KEEP_PNG_DIR when set (to look at them).
void keep(const std::filesystem::path& dir, std::initializer_list<const char*> names) {
  const char* to = std::getenv("GANSCOPE_KEEP_PNG_DIR");
  if (!to) return;
  for (const char* name : names) {
    std::filesystem::copy_file(dir / name, std::filesystem::path(to) / name,
                               std::filesystem::copy_options::overwrite_existing);
  }
}

TEST(LatentExplorerToolsGuiTest, DirectionSlidersMoveThePictureAndTheWalkBecomesAGif) {
  ASSERT_NE(std::getenv("DISPLAY"), nullptr) << "GUI tests need a display (xvfb-run)";
  const auto dir = test::tempDir("latent-explorer-tools-gui");
  const auto session = dir / "dcgan.gss";
  const test::RunResult trained = test::runGanscope(
      "--headless --preset fashion-dcgan --steps 100 --save-session " + session.string(), dir);
  ASSERT_EQ(trained.exit_code, 0) << trained.err;
  const std::string out = (dir / "d").string();
  const auto script = dir / "explorer.txt";
  // The set is computed at once (paused too); the frames drawn while it comes are waited for.
  // The square's anchors and walk then lengthen the controls: they are scrolled down to the
  // sliders and the exports below them.
  std::ofstream(script) << "wait 20\nwheel tab.explorer 0\nclick tab.explorer\nwait 20\n"
                        << "click explorer.directions\nwait 200\n"
                        << "click explorer.square\nwait 10\n"
                        << "wheel explorer.swap -30\nwait 5\n"
                        << saveAs(out + "0") << "drag explorer.direction_0 60\nwait 30\n"
                        << saveAs(out + "1") << "click explorer.directions_zero\nwait 30\n"
                        << saveAs(out + "0again") << "click explorer.save_walk\nwait 40\n";
  const test::Screenshot shot =
      test::screenshot("latent-explorer-tools-gui-shot",
                       "--session " + session.string() +
                           " --start paused --size 1600x900 --input-script " + script.string());
  ASSERT_EQ(shot.width, 1600);
  keep(dir, {"d0.png", "d1.png", "d0again-walk.gif"});
  const auto at0 = readRgb(dir / "d0.png"), at1 = readRgb(dir / "d1.png");
  const auto again = readRgb(dir / "d0again.png");
  ASSERT_FALSE(at0.empty()) << "the picture before the slider moved was not saved";
  ASSERT_FALSE(at1.empty());
  ASSERT_FALSE(again.empty());
  EXPECT_GT(meanAbsDifference(at0, at1), 2.0) << "the direction moved G(z(t))";
  EXPECT_EQ(meanAbsDifference(at0, again), 0.0) << "back at 0: the plain path";
  // The walk: there and back over 48 places (94 frames), 28 x 28 at 4x; it moves.
  int error = 0;
  GifFileType* gif = DGifOpenFileName((dir / "d0again-walk.gif").c_str(), &error);
  ASSERT_NE(gif, nullptr) << "no walk GIF (giflib error " << error << ")";
  ASSERT_EQ(DGifSlurp(gif), GIF_OK);
  EXPECT_EQ(gif->ImageCount, 94);
  EXPECT_EQ(gif->SWidth, 28 * 4);
  if (gif->ImageCount == 94) {
    const auto frame = [&](int i) {
      const SavedImage& image = gif->SavedImages[i];
      return std::vector<unsigned char>(
          image.RasterBits, image.RasterBits + image.ImageDesc.Width * image.ImageDesc.Height);
    };
    EXPECT_NE(frame(0), frame(47)) << "the walk's last place is not its first";
    EXPECT_EQ(frame(46), frame(48)) << "there and back";
  }
  DGifCloseFile(gif, &error);
}

TEST(LatentExplorerToolsGuiTest, AClickOnAFakeInThePlanePinsItsSeedAsA) {
  ASSERT_NE(std::getenv("DISPLAY"), nullptr) << "GUI tests need a display (xvfb-run)";
  const auto dir = test::tempDir("latent-explorer-pin-gui");
  const auto session = dir / "ring.gss";
  const test::RunResult trained = test::runGanscope(
      "--headless --preset ring-stddev --steps 300 --save-session " + session.string(), dir);
  ASSERT_EQ(trained.exit_code, 0) << trained.err;
  const std::string before = (dir / "before").string(), after = (dir / "after").string();
  const auto script = dir / "pin.txt";
  // The click is a drag of 0 pixels: its events come in consecutive frames (a move onto the
  // fake, press, release), so the plane does not see the cursor jump there while pressed (the
  // jump would pan it under the cursor), as a hand's click would not.
  // The explorer's controls are scrolled down to its file field (the 2-D slot is short).
  std::ofstream(script) << "wait 20\nwheel tab.explorer 0\nclick tab.explorer\nwait 20\n"
                        << "wheel explorer.swap -30\nwait 5\n"
                        << "click explorer.file\ntype " << before
                        << "\nkey Enter\nwait 2\nclick explorer.save_path\nwait 3\n"
                        << "drag plane.fake_5 0\nwait 10\n"
                        << "click explorer.file\ntype " << after
                        << "\nkey Enter\nwait 2\nclick explorer.save_path\nwait 3\n"
                        << "click explorer.directions\nwait 120\n";
  const test::Screenshot shot =
      test::screenshot("latent-explorer-pin-gui-shot",
                       "--session " + session.string() +
                           " --start paused --size 1600x900 --input-script " + script.string());
  ASSERT_EQ(shot.width, 1600);
  const nlohmann::json was = nlohmann::json::parse(test::readFile(before + ".json"));
  const nlohmann::json is = nlohmann::json::parse(test::readFile(after + ".json"));
  EXPECT_EQ(was["anchors"][0], 0) << "A before the click (the control)";
  EXPECT_EQ(is["anchors"][0], 5) << "the clicked fake is latent seed 5";
  EXPECT_EQ(is["anchors"][1], was["anchors"][1]) << "B stays (a shift-click would pin B)";
}

}  // namespace
}  // namespace ganscope
