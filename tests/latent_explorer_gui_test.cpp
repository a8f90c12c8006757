// The latent explorer in the real window (under Xvfb) on a fashion-dcgan run trained for 200
// steps: scripted clicks open its tab, type t and save the big picture and the strip as
// PNG. G(z(t)) is a picture (not blank), t = 0 and t = 1 differ while t = 0 twice is the same
// (the control), and the strip's first frame is the big picture at t = 0.
#include <gtest/gtest.h>
#include <stb_image.h>

#include <cmath>
#include <cstdlib>
#include <fstream>
#include <vector>

#include "gui_screenshot.hpp"
#include "test_util.hpp"

namespace ganscope {
namespace {

struct Gray {
  int width = 0, height = 0;
  std::vector<unsigned char> pixels;  ///< the red channel (the pictures are grey)
};

Gray readPng(const std::filesystem::path& path) {
  Gray image;
  int channels = 0;
  unsigned char* rgb = stbi_load(path.c_str(), &image.width, &image.height, &channels, 3);
  EXPECT_NE(rgb, nullptr) << path << " is not a readable PNG";
  if (!rgb) return image;
  for (int i = 0; i < image.width * image.height; ++i) image.pixels.push_back(rgb[3 * i]);
  stbi_image_free(rgb);
  return image;
}

double meanAbsDifference(const Gray& a, const Gray& b) {
  EXPECT_EQ(a.pixels.size(), b.pixels.size());
  double sum = 0;
  for (size_t i = 0; i < a.pixels.size() && i < b.pixels.size(); ++i) {
    sum += std::abs(static_cast<int>(a.pixels[i]) - static_cast<int>(b.pixels[i]));
  }
  return sum / static_cast<double>(std::max<size_t>(1, a.pixels.size()));
}

double standardDeviation(const Gray& image) {
  double mean = 0, square = 0;
  for (const unsigned char p : image.pixels) mean += p;
  mean /= static_cast<double>(image.pixels.size());
  for (const unsigned char p : image.pixels) square += (p - mean) * (p - mean);
  return std::sqrt(square / static_cast<double>(image.pixels.size()));
}

/// Script lines that set t, then save the explorer's PNGs as `base`(.png, -strip.png).
std::string saveAt(const char* t, const std::string& base) {
  return std::string("click explorer.t\ntype ") + t + "\nkey Enter\nwait 25\n" +
         "click explorer.file\ntype " + base +
         "\nkey Enter\nwait 2\nclick explorer.save_png\nwait 3\n";
}

TEST(LatentExplorerGuiTest, ThePathsPicturesAreGsAndDifferAlongIt) {
  ASSERT_NE(std::getenv("DISPLAY"), nullptr) << "GUI tests need a display (xvfb-run)";
  const auto dir = test::tempDir("latent-explorer-gui");
  const auto session = dir / "dcgan.gss";
  const test::RunResult trained = test::runGanscope(
      "--headless --preset fashion-dcgan --steps 200 --save-session " + session.string(), dir);
  ASSERT_EQ(trained.exit_code, 0) << trained.err;
  const std::string out = (dir / "x").string();  // a short prefix: the file field types it
  const auto script = dir / "explorer.txt";
  // A tab selects on a press over it after a frame of hover: the cursor goes there first.
  std::ofstream(script) << "wait 20\nwheel tab.explorer 0\nclick tab.explorer\nwait 20\n"
                        << saveAt("0", out + "0") << saveAt("1", out + "1")
                        << saveAt("0", out + "0again") << "click explorer.save_gif\nwait 3\n"
                        << "click explorer.t\ntype 0.5\nkey Enter\n"
                        << "wait 25\n";
  const std::string args = "--session " + session.string() +
                           " --start paused --size 1600x900 --input-script " + script.string();
  const test::Screenshot shot = test::screenshot("latent-explorer-gui-shot", args);
  ASSERT_EQ(shot.width, 1600);
  if (const char* keep = std::getenv("GANSCOPE_KEEP_PNG_DIR")) {  // to look at them
    for (const char* name : {"x0.png", "x1.png", "x0-strip.png", "x1-strip.png"}) {
      std::filesystem::copy_file(dir / name, std::filesystem::path(keep) / name,
                                 std::filesystem::copy_options::overwrite_existing);
    }
  }
  const Gray at0 = readPng(dir / "x0.png"), at1 = readPng(dir / "x1.png");
  const Gray again = readPng(dir / "x0again.png"), strip = readPng(dir / "x0-strip.png");
  ASSERT_EQ(at0.width, 28 * 8);  // G's 28 x 28 pixels at 8x
  ASSERT_EQ(at0.height, 28 * 8);
  // A picture, not a blank: a trained DCGAN's garment on a dark background.
  EXPECT_GT(standardDeviation(at0), 30.0);
  EXPECT_GT(standardDeviation(at1), 30.0);
  // The ends of the path differ; the same t twice is the same picture (the control).
  EXPECT_GT(meanAbsDifference(at0, at1), 10.0);
  EXPECT_EQ(meanAbsDifference(at0, again), 0.0);
  // The strip (frames at 4x, 4 px gaps) starts with the picture at t = 0, pixel for pixel.
  ASSERT_GE(strip.width, 28 * 4 * 5);
  int mismatched = 0;
  for (int y = 0; y < 28; ++y) {
    for (int x = 0; x < 28; ++x) {
      const unsigned char big = at0.pixels[static_cast<size_t>(y * 8) * at0.width + x * 8];
      const unsigned char small =
          strip.pixels[static_cast<size_t>(4 + y * 4) * strip.width + 4 + x * 4];
      mismatched += big != small;
    }
  }
  EXPECT_EQ(mismatched, 0);
  // The strip as a GIF too (common/gif_file's own test reads GIFs back frame by frame).
  EXPECT_EQ(test::readFile(dir / "x0again.gif").substr(0, 6), "GIF89a");
}

}  // namespace
}  // namespace ganscope
