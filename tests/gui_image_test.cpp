// GUI screenshot of an image run: the real window trains a DCGAN on Debian's Fashion-MNIST for a
// few steps and renders the image layout; the sample grid panel must show the real images'
// greys and D's scores in the generator's green, in English and in Korean.
#include <gtest/gtest.h>

#include <cstdlib>
#include <fstream>
#include <set>

#include "gui_screenshot.hpp"
#include "test_util.hpp"

namespace ganscope {
namespace {

using test::Screenshot;

/// Distinct neutral greys, pure black pixels (Fashion-MNIST's backgrounds) and generator-green
/// pixels in the rectangle [x0, x1) x [y0, y1).
struct Census {
  size_t greys = 0, black = 0, green = 0;
};
Census census(const Screenshot& shot, int x0, int x1, int y0, int y1) {
  std::set<int> greys;
  Census c;
  for (int y = y0; y < y1; ++y) {
    for (int x = x0; x < x1; ++x) {
      const unsigned char* p = shot.at(x, y);
      if (p[0] == p[1] && p[1] == p[2]) greys.insert(p[0]);
      if (p[0] == 0 && p[1] == 0 && p[2] == 0) ++c.black;
      if (p[1] > 110 && p[0] < 90 && p[2] < 130) ++c.green;
    }
  }
  c.greys = greys.size();
  return c;
}

std::string imageConfig() {
  const auto dir = test::tempDir("gui-image-config");
  const auto path = dir / "image.json";
  std::ofstream(path) << R"({"data": {"kind": "images"}, "model": "dcgan",)"
                      << R"( "latent": {"dim": 100, "kind": "normal"}})";
  return path.string();
}

TEST(GuiImageTest, TheSampleGridShowsImagesAndScores) {
  ASSERT_NE(std::getenv("DISPLAY"), nullptr) << "GUI tests need a display (xvfb-run)";
  for (const char* lang : {"en", "ko"}) {
    const Screenshot shot = test::screenshot(
        std::string("gui-image-") + lang,
        "--config " + imageConfig() + " --steps 40 --frames 8 --size 1280x720 " + "--lang " + lang);
    ASSERT_EQ(shot.width, 1280);
    // The centre column (Main: 384..958 px at this size), its upper half: the grids.
    const Census grids = census(shot, 390, 950, 80, 420);
    EXPECT_GT(grids.greys, 150u) << lang << ": no images in the grids";
    EXPECT_GT(grids.green, 200u) << lang << ": no D scores under G's samples";
    // Black image backgrounds: in the grids, not in the control, the text of the controls.
    EXPECT_GT(grids.black, 4 * census(shot, 0, 380, 80, 420).black) << lang;
  }
}

}  // namespace
}  // namespace ganscope
