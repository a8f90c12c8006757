// GUI smoke test: the real window under a display (xvfb-run in scripts/test) trains, renders
// and saves a PNG; the image must be a real render of the panels, not a blank frame.
#include <gtest/gtest.h>
#include <stb_image.h>

#include <cstdlib>
#include <set>

#include "test_util.hpp"

namespace ganscope {
namespace {

TEST(GuiSmokeTest, ScreenshotIsARealRender) {
  ASSERT_NE(std::getenv("DISPLAY"), nullptr)
      << "GUI tests need a display: run them through scripts/test (xvfb-run)";
  const auto dir = test::tempDir("gui");
  const auto png = dir / "figure1.png";
  // Its own config folder: the user's saved display settings must not change the picture.
  const auto r = test::runGanscope(
      "--preset figure1 --steps 300 --frames 20 --size 1280x720 --screenshot " + png.string(), dir,
      "env XDG_CONFIG_HOME=" + dir.string());
  ASSERT_EQ(r.exit_code, 0) << r.err;

  int width = 0, height = 0, channels = 0;
  unsigned char* pixels = stbi_load(png.c_str(), &width, &height, &channels, 3);
  ASSERT_NE(pixels, nullptr) << "not a readable PNG";
  EXPECT_EQ(width, 1280);
  EXPECT_EQ(height, 720);
  std::set<int> colours;
  size_t green = 0, blue = 0;
  for (int i = 0; i < width * height; ++i) {
    const int r8 = pixels[3 * i], g8 = pixels[3 * i + 1], b8 = pixels[3 * i + 2];
    colours.insert((r8 << 16) | (g8 << 8) | b8);
    if (g8 > 110 && r8 < 60 && b8 < 110) ++green;  // p_g line and G curves
    if (b8 > 170 && r8 < 80 && g8 < 140) ++blue;   // D(x) dashes and D loss
  }
  stbi_image_free(pixels);
  EXPECT_GT(colours.size(), 200u) << "too few colours for rendered panels";
  EXPECT_GT(green, 500u) << "no generator curves drawn";
  EXPECT_GT(blue, 300u) << "no discriminator curves drawn";
}

TEST(GuiSmokeTest, PlanePresetRendersTheHeatmap) {
  const auto dir = test::tempDir("gui2d");
  const auto png = dir / "ring.png";
  const auto r = test::runGanscope(
      "--preset ring-collapse --steps 200 --frames 10 --size 1280x720 --screenshot " + png.string(),
      dir, "env XDG_CONFIG_HOME=" + dir.string());
  ASSERT_EQ(r.exit_code, 0) << r.err;
  int width = 0, height = 0, channels = 0;
  unsigned char* pixels = stbi_load(png.c_str(), &width, &height, &channels, 3);
  ASSERT_NE(pixels, nullptr);
  // The heatmap's colours: pale green where D says fake, grey where it says real.
  size_t heat = 0;
  for (int i = 0; i < width * height; ++i) {
    const int r8 = pixels[3 * i], g8 = pixels[3 * i + 1], b8 = pixels[3 * i + 2];
    if (g8 > r8 + 40 && g8 > b8 + 30 && r8 > 60) ++heat;
  }
  stbi_image_free(pixels);
  EXPECT_GT(heat, 20000u) << "no D heatmap in the plane panel";
}

TEST(GuiSmokeTest, BadDisplaySettingsStillOpenTheWindow) {
  const auto dir = test::tempDir("badview");
  std::filesystem::create_directories(dir / "ganscope");
  std::ofstream(dir / "ganscope" / "view.json") << R"({"ui_scale": "huge"})";
  const auto png = dir / "shot.png";
  const auto r = test::runGanscope("--steps 5 --frames 3 --screenshot " + png.string(), dir,
                                   "env XDG_CONFIG_HOME=" + dir.string());
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_TRUE(std::filesystem::exists(png));
}

TEST(GuiSmokeTest, NoDisplayIsAClearError) {
  const auto dir = test::tempDir("nodisplay");
  const auto r =
      test::runGanscope("--steps 1 --screenshot x.png", dir, "env -u DISPLAY -u WAYLAND_DISPLAY");
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("--headless"), std::string::npos) << r.err;
}

}  // namespace
}  // namespace ganscope
