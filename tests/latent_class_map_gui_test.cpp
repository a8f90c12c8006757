// The class map in the real window (under Xvfb) on a fashion-dcgan run trained for 300 steps:
// a scripted click on the explorer's "class map" switch shows the map and its legend in the
// class colours (the control: the same script without the click shows none of them).
#include <gtest/gtest.h>

#include <cmath>
#include <cstdlib>
#include <fstream>

#include "gui_screenshot.hpp"
#include "test_util.hpp"

namespace ganscope {
namespace {

/// The class colours (app/scenes/palette.hpp's kClassColours) but the grey of class 7, which
/// G's own pictures may hold.
constexpr unsigned char kColours[9][3] = {{31, 119, 180},  {255, 127, 14},  {44, 160, 44},
                                          {214, 39, 40},   {148, 103, 189}, {140, 86, 75},
                                          {227, 119, 194}, {188, 189, 34},  {23, 190, 207}};

/// Pixels of exactly a class colour (the legend's swatches; cells of a sure classifier).
int classColoured(const test::Screenshot& shot) {
  int count = 0;
  for (int y = 0; y < shot.height; ++y) {
    for (int x = 0; x < shot.width; ++x) {
      const unsigned char* p = shot.at(x, y);
      for (const auto& c : kColours) count += p[0] == c[0] && p[1] == c[1] && p[2] == c[2];
    }
  }
  return count;
}

/// Pixels of a class colour faded toward white (a cell: white + k (colour - white), k at least
/// 0.2), within 3 levels a channel.
int cellColoured(const test::Screenshot& shot) {
  int count = 0;
  for (int y = 0; y < shot.height; ++y) {
    for (int x = 0; x < shot.width; ++x) {
      const unsigned char* p = shot.at(x, y);
      for (const auto& c : kColours) {
        int widest = 0;
        for (int i = 1; i < 3; ++i) widest = 255 - c[i] > 255 - c[widest] ? i : widest;
        const double k = (255.0 - p[widest]) / (255.0 - c[widest]);
        bool on = k >= 0.19 && k <= 1.01;
        for (int i = 0; i < 3 && on; ++i) on = std::abs((255 - p[i]) - k * (255 - c[i])) <= 3;
        if (on) {
          ++count;
          break;
        }
      }
    }
  }
  return count;
}

TEST(LatentClassMapGuiTest, TheSwitchShowsTheMapInClassColours) {
  ASSERT_NE(std::getenv("DISPLAY"), nullptr) << "GUI tests need a display (xvfb-run)";
  const auto dir = test::tempDir("class-map-gui");
  const auto session = dir / "dcgan.gss";
  const test::RunResult trained = test::runGanscope(
      "--headless --preset fashion-dcgan --steps 300 --save-session " + session.string(), dir);
  ASSERT_EQ(trained.exit_code, 0) << trained.err;
  const std::string open = "wait 20\nwheel tab.explorer 0\nclick tab.explorer\nwait 20\n";
  const auto with_map = dir / "map.txt", without = dir / "none.txt";
  // The map comes once the classifier is loaded and the worker has run G over 1024 latents.
  std::ofstream(with_map) << open << "click explorer.class_map\nwait 160\n";
  std::ofstream(without) << open << "wait 160\n";
  const std::string args =
      "--session " + session.string() + " --start paused --size 1600x900 --input-script ";
  const test::Screenshot map = test::screenshot("class-map-gui-map", args + with_map.string());
  const test::Screenshot none = test::screenshot("class-map-gui-none", args + without.string());
  ASSERT_EQ(map.width, 1600);
  ASSERT_EQ(none.width, 1600);
  if (const char* keep = std::getenv("GANSCOPE_KEEP_PNG_DIR")) {  // to look at it
    std::filesystem::copy_file(
        std::filesystem::temp_directory_path() / "ganscope-test-class-map-gui-map" / "shot.png",
        std::filesystem::path(keep) / "class-map.png",
        std::filesystem::copy_options::overwrite_existing);
  }
  // The legend: ten swatches of about a font square each, in the exact colours.
  EXPECT_GT(classColoured(map), 9 * 100);
  EXPECT_LT(classColoured(none), 100);
  // The cells: a square of at least 150 x 150 pixels in faded class colours.
  EXPECT_GT(cellColoured(map), cellColoured(none) + 150 * 150);
}

}  // namespace
}  // namespace ganscope
