// GUI smoke test: the real window under a display (xvfb-run in scripts/test) trains, renders
// and saves a PNG; the image must be a real render of the panels, not a blank frame.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdlib>
#include <functional>
#include <set>
#include <string>
#include <vector>

#include "gui_screenshot.hpp"
#include "test_util.hpp"

namespace ganscope {
namespace {

using test::Screenshot;
using test::screenshot;

size_t countPixels(const std::vector<unsigned char>& rgb,
                   const std::function<bool(int, int, int)>& match) {
  size_t count = 0;
  for (size_t i = 0; i + 2 < rgb.size(); i += 3) {
    if (match(rgb[i], rgb[i + 1], rgb[i + 2])) ++count;
  }
  return count;
}

/// The heatmap's pale green (D says fake) and grey.
bool heatmapGreen(int r, int g, int b) {
  return g > r + 40 && g > b + 30 && r > 60;
}

TEST(GuiSmokeTest, ScreenshotIsARealRender) {
  ASSERT_NE(std::getenv("DISPLAY"), nullptr)
      << "GUI tests need a display: run them through scripts/test (xvfb-run)";
  const Screenshot shot =
      screenshot("gui", "--preset figure1 --steps 300 --frames 20 --size 1280x720");
  ASSERT_FALSE(shot.rgb.empty());
  EXPECT_EQ(shot.width, 1280);
  EXPECT_EQ(shot.height, 720);
  std::set<int> colours;
  size_t green = 0, blue = 0;
  for (size_t i = 0; i + 2 < shot.rgb.size(); i += 3) {
    const int r8 = shot.rgb[i], g8 = shot.rgb[i + 1], b8 = shot.rgb[i + 2];
    colours.insert((r8 << 16) | (g8 << 8) | b8);
    if (g8 > 110 && r8 < 60 && b8 < 110) ++green;  // p_g line and G curves
    if (b8 > 170 && r8 < 80 && g8 < 140) ++blue;   // D(x) dashes and D loss
  }
  EXPECT_GT(colours.size(), 200u) << "too few colours for rendered panels";
  EXPECT_GT(green, 500u) << "no generator curves drawn";
  EXPECT_GT(blue, 300u) << "no discriminator curves drawn";
}

TEST(GuiSmokeTest, PlanePresetRendersTheHeatmap) {
  const Screenshot shot =
      screenshot("gui2d", "--preset ring-unrolled --steps 200 --frames 10 --size 1280x720");
  ASSERT_FALSE(shot.rgb.empty());
  // The square plane is about 230 px a side at this size, partly under the other layers.
  EXPECT_GT(countPixels(shot.rgb, heatmapGreen), 8000u) << "no D heatmap in the plane panel";
}

/// The ring-unrolled window's RGB pixels with `plane_layers` (view.json's object) and no captures.
std::vector<unsigned char> renderPlane(const std::string& name, const std::string& plane_layers) {
  return screenshot(name, "--preset ring-unrolled --steps 300 --frames 10 --size 1280x720",
                    R"({"capture_steps": [-1, -1, -1, -1], "plane_layers": )" + plane_layers + "}")
      .rgb;
}

std::string planeLayers(bool heatmap_and_samples, bool manifold, bool arrows) {
  const auto flag = [](bool on) { return on ? "true" : "false"; };
  const std::string rest = flag(heatmap_and_samples);
  return R"({"d_heatmap": )" + rest + R"(, "real_samples": )" + rest + R"(, "fake_samples": )" +
         rest + R"(, "trails": )" + rest + R"(, "mode_centres": )" + rest + R"(, "manifold": )" +
         flag(manifold) + R"(, "gradient_field": )" + flag(arrows) + "}";
}

/// The push arrows' dark green, alone or over the heatmap (the fakes' green is lighter).
bool arrowGreen(int r, int g, int b) {
  return r < 45 && g >= 50 && g <= 115 && b < 70 && g > r + 30;
}
/// Any green tint: the manifold's lines on a white plane, and G's curves in other panels.
bool greenTint(int r, int g, int b) {
  return g > r + 25 && g > b + 15;
}

TEST(GuiSmokeTest, EveryPlaneLayerOnDrawsArrowsAndTheManifold) {
  // Every layer on: the heatmap, and the arrows' dark green, which no other panel uses.
  const auto all = renderPlane("plane-all", planeLayers(true, true, true));
  const auto none = renderPlane("plane-none", planeLayers(false, false, false));
  const size_t all_arrows = countPixels(all, arrowGreen),
               none_arrows = countPixels(none, arrowGreen);
  EXPECT_GT(countPixels(all, heatmapGreen), 8000u) << "no D heatmap";
  EXPECT_GT(all_arrows, none_arrows + 1500)
      << "no push arrows: " << all_arrows << " vs " << none_arrows << " without them";
  // The manifold alone on the white plane: green lines that the empty plane does not have.
  const auto manifold = renderPlane("plane-manifold", planeLayers(false, true, false));
  const size_t manifold_green = countPixels(manifold, greenTint);
  const size_t none_green = countPixels(none, greenTint);
  EXPECT_GT(manifold_green, none_green + 2000)
      << "no generator manifold: " << manifold_green << " vs " << none_green << " without it";
}

/// The pixels of `shot` in the columns [x0, x1) that `match`.
size_t countInColumns(const Screenshot& shot, int x0, int x1,
                      const std::function<bool(int, int, int)>& match) {
  size_t count = 0;
  for (int y = 0; y < shot.height; ++y) {
    for (int x = std::max(0, x0); x < std::min(shot.width, x1); ++x) {
      const unsigned char* p = &shot.rgb[3 * (static_cast<size_t>(y) * shot.width + x)];
      if (match(p[0], p[1], p[2])) ++count;
    }
  }
  return count;
}

/// The second run's lighter blue of D's loss (palette::kDiscriminatorSecond) in the plots.
bool secondRunBlue(int r, int g, int b) {
  return std::abs(r - 135) < 10 && std::abs(g - 170) < 10 && std::abs(b - 245) < 10;
}

TEST(GuiSmokeTest, CompareDrawsBothRunsSideBySide) {
  // At 1280x720 the controls take the left 30%, the plane columns the next 45%, the plots the
  // rest. Compared with the same window showing one run (the control), the right half of the
  // centre gains run B's plane (its green heatmap, fakes and manifold) and the plots gain run
  // B's lighter curves.
  const std::string args = "--preset ring-stddev --steps 300 --frames 10 --size 1280x720";
  const std::string view = R"({"capture_steps": [-1, -1, -1, -1]})";
  const Screenshot one = screenshot("compare-one", args, view);
  const Screenshot two = screenshot("compare-two", args + " --compare hyper.loss=hinge", view);
  ASSERT_FALSE(one.rgb.empty());
  ASSERT_FALSE(two.rgb.empty());
  const int centre = 384, middle = 671, right = 958;  // column edges at 1280 px (see slotRects)
  const size_t two_a = countInColumns(two, centre, middle, greenTint);
  const size_t two_b = countInColumns(two, middle, right, greenTint);
  const size_t one_b = countInColumns(one, middle, right, greenTint);
  EXPECT_GT(two_a, 4000u) << "no plane for run A";
  EXPECT_GT(two_b, one_b + 4000) << "no plane for run B: " << two_b << " vs " << one_b
                                 << " with one run";
  const size_t two_lighter = countInColumns(two, right, two.width, secondRunBlue);
  const size_t one_lighter = countInColumns(one, right, one.width, secondRunBlue);
  EXPECT_GT(two_lighter, one_lighter + 50)
      << "no curves of run B in the plots: " << two_lighter << " vs " << one_lighter;
}

TEST(GuiSmokeTest, BadDisplaySettingsStillOpenTheWindow) {
  const Screenshot shot = screenshot("badview", "--steps 5 --frames 3", R"({"ui_scale": "huge"})");
  EXPECT_FALSE(shot.rgb.empty());  // the window opened, rendered and saved its picture
}

TEST(GuiSmokeTest, NoDisplayIsAClearError) {
  const auto dir = test::tempDir("nodisplay");
  const auto r =
      test::runGanscope("--steps 1 --screenshot x.png", dir, "env -u DISPLAY -u WAYLAND_DISPLAY");
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("--headless"), std::string::npos) << r.err;
}

// --- The layout for projectors: focus mode, the plane's square, ui scale ---

/// The light green of D's "fake" side of the heatmap (any tint of it, also near white).
bool fakeSideGreen(int r, int g, int b) {
  return g > r + 8 && g > b + 5;
}

/// A pixel rectangle [x0, x1) x [y0, y1).
struct Box {
  int x0 = 0, y0 = 0, x1 = 0, y1 = 0;
  int width() const { return x1 - x0; }
  int height() const { return y1 - y0; }
};

/// The bounding box of the pixels of `shot` inside `region` that `match` (empty if none).
Box boundsOf(const Screenshot& shot, Box region, const std::function<bool(int, int, int)>& match) {
  Box box{region.x1, region.y1, region.x0, region.y0};
  for (int y = region.y0; y < std::min(shot.height, region.y1); ++y) {
    for (int x = region.x0; x < std::min(shot.width, region.x1); ++x) {
      const unsigned char* p = &shot.rgb[3 * (static_cast<size_t>(y) * shot.width + x)];
      if (!match(p[0], p[1], p[2])) continue;
      box = {std::min(box.x0, x), std::min(box.y0, y), std::max(box.x1, x + 1),
             std::max(box.y1, y + 1)};
    }
  }
  return box.x1 > box.x0 ? box : Box{};
}

/// The ring-stddev window with only the heatmap on, no captures and, unless `key`, no key beside
/// the plane.
Screenshot heatmapOnly(const std::string& name, const std::string& size, const std::string& more,
                       const std::string& view_extra = "", bool key = true) {
  return screenshot(
      name, "--preset ring-stddev --steps 200 --frames 10 --size " + size + more,
      R"({"capture_steps": [-1, -1, -1, -1], )" + view_extra +
          R"("plane_layers": {"d_heatmap": true, "real_samples": false, "fake_samples": false,
              "trails": false, "manifold": false, "gradient_field": false,
              "mode_centres": false, "key": )" +
          (key ? "true" : "false") + "}}");
}

/// Checks that the heatmap is a square of at least `min_side` inside `panel`. At this step of
/// the fixed-seed run D's green "fake" tint reaches every edge of the view (faintly in places),
/// so the bounding box of the green is the plane's data area.
void expectSquareHeatmapInside(const Screenshot& shot, Box panel, int min_side) {
  const Box heat = boundsOf(shot, panel, fakeSideGreen);
  EXPECT_GE(heat.width(), min_side) << "the plane is too small";
  EXPECT_NEAR(heat.width(), heat.height(), 3)
      << "the plane is not square: " << heat.width() << " x " << heat.height();
  // Inside the panel, not touching its edges (a clipped plane would run into them).
  EXPECT_GT(heat.x0, panel.x0 + 4);
  EXPECT_LT(heat.x1, panel.x1 - 4);
  EXPECT_GT(heat.y0, panel.y0 + 4);
  EXPECT_LT(heat.y1, panel.y1 - 4);
}

TEST(GuiSmokeTest, ThePlaneIsSquareAndInsideItsPanelAt1024x768) {
  const Screenshot shot = heatmapOnly("plane-square", "1024x768", "");
  ASSERT_FALSE(shot.rgb.empty());
  // The main slot at 1024x768: right of the controls (30% of the width), left of the plots
  // (36% of the rest), above the captures (see slotRects).
  const Box main{307, 0, 766, 480};
  expectSquareHeatmapInside(shot, main, 250);
}

TEST(GuiSmokeTest, AtUiScale2ThePlaneStaysSquareAndUncut) {
  const Screenshot shot = heatmapOnly("plane-scale2", "1600x900", "", R"("ui_scale": 2, )");
  ASSERT_FALSE(shot.rgb.empty());
  // At ui scale 2 the controls take 480 px (30%), the plots 36% of the rest; the text takes
  // most of the panel's height (the layer toggles go behind a button), the plane the rest.
  const Box main{480, 0, 1197, 520};
  expectSquareHeatmapInside(shot, main, 120);
}

TEST(GuiSmokeTest, FocusModeShowsOnePanelAloneInTheWindow) {
  // Without the key (its colour bar is green too), so the green is the plane alone.
  const Screenshot normal = heatmapOnly("focus-off", "1024x768", "", "", false);
  const Screenshot focused = heatmapOnly("focus-on", "1024x768", " --focus main", "", false);
  ASSERT_FALSE(normal.rgb.empty());
  ASSERT_FALSE(focused.rgb.empty());
  // Focused, the plane fills the window's height: a square far larger than in its slot, where
  // the controls and the plots were.
  const Box window{0, 0, focused.width, focused.height};
  const Box alone = boundsOf(focused, window, fakeSideGreen);
  const Box in_slot = boundsOf(normal, Box{307, 0, 766, 507}, fakeSideGreen);  // the main slot
  EXPECT_GT(alone.height(), 600) << "focused plane " << alone.width() << " x " << alone.height();
  EXPECT_LT(in_slot.height(), 450);
  EXPECT_NEAR(alone.width(), alone.height(), 4);
  // No other panel: the losses' D curve (blue) is drawn only without focus.
  const auto lossBlue = [](int r, int g, int b) { return b > 170 && r < 80 && g < 140; };
  EXPECT_GT(countInColumns(normal, 766, normal.width, lossBlue), 100u);
  EXPECT_LT(countInColumns(focused, 766, focused.width, lossBlue), 20u);
}

TEST(GuiSmokeTest, FocusNamesAnUnknownSlot) {
  const auto dir = test::tempDir("focus-bad");
  const auto r = test::runGanscope("--focus plane --screenshot x.png", dir);
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("--focus: \"plane\" is not a layout slot; give one of controls, main"),
            std::string::npos)
      << r.err;
}

}  // namespace
}  // namespace ganscope
