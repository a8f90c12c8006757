// "Find z" in the real window (under Xvfb) on a fashion-dcgan run trained for 300 steps:
// scripted clicks choose a real image in the sample grid, press "find z" and then "use as A";
// the explorer's picture at t = 0 is then the found G(z), not the picture of seed 0 typed back
// into A after (the control: that picture saved twice is the same).
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

std::vector<unsigned char> readGray(const std::filesystem::path& path) {
  int width = 0, height = 0, channels = 0;
  unsigned char* rgb = stbi_load(path.c_str(), &width, &height, &channels, 3);
  EXPECT_NE(rgb, nullptr) << path << " is not a readable PNG";
  std::vector<unsigned char> gray;
  if (!rgb) return gray;
  for (int i = 0; i < width * height; ++i) gray.push_back(rgb[3 * i]);
  stbi_image_free(rgb);
  return gray;
}

double meanAbsDifference(const std::vector<unsigned char>& a, const std::vector<unsigned char>& b) {
  EXPECT_EQ(a.size(), b.size());
  double sum = 0;
  for (size_t i = 0; i < a.size() && i < b.size(); ++i) sum += std::abs(int(a[i]) - int(b[i]));
  return sum / static_cast<double>(std::max<size_t>(1, a.size()));
}

/// Script lines that save the explorer's big picture as `base`.png.
std::string saveAs(const std::string& base) {
  return "click explorer.file\ntype " + base +
         "\nkey Enter\nwait 2\nclick explorer.save_png\nwait 3\n";
}

TEST(LatentSearchGuiTest, AFoundZBecomesAnchorA) {
  ASSERT_NE(std::getenv("DISPLAY"), nullptr) << "GUI tests need a display (xvfb-run)";
  const auto dir = test::tempDir("latent-search-gui");
  const auto session = dir / "dcgan.gss";
  const test::RunResult trained = test::runGanscope(
      "--headless --preset fashion-dcgan --steps 300 --save-session " + session.string(), dir);
  ASSERT_EQ(trained.exit_code, 0) << trained.err;
  const std::string out = (dir / "s").string();
  const auto script = dir / "search.txt";
  // The sample grid shares its slot with the explorer: a real image is chosen on its tab first.
  // The exports come last: their message would push the view's buttons below the fold. The
  // seed's picture is saved after typing seed 0 back into A, with the controls scrolled back
  // up (the view scrolled itself into sight when its answer came).
  std::ofstream(script) << "wait 20\nwheel samples.real_3 0\nclick samples.real_3\nwait 5\n"
                        << "wheel tab.explorer 0\nclick tab.explorer\nwait 20\n"
                        << "click explorer.t\ntype 0\nkey Enter\nwait 25\n"
                        << "wheel search.find 0\nclick search.find\nwait 150\n"
                        << "wheel search.use_a 0\nclick search.use_a\nwait 30\n"
                        << saveAs(out + "found") << "wheel explorer.file 30\nwait 5\n"
                        << "click explorer.seed_A\ntype 0\nkey Enter\n"
                        << "wait 30\n"
                        << saveAs(out + "seed") << saveAs(out + "seed_again") << "wait 5\n";
  const std::string args = "--session " + session.string() +
                           " --start paused --size 1600x900 --input-script " + script.string();
  const test::Screenshot shot = test::screenshot("latent-search-gui-shot", args);
  ASSERT_EQ(shot.width, 1600);
  if (const char* keep = std::getenv("GANSCOPE_KEEP_PNG_DIR")) {  // to look at them
    for (const char* name : {"sseed.png", "sfound.png"}) {
      std::filesystem::copy_file(dir / name, std::filesystem::path(keep) / name,
                                 std::filesystem::copy_options::overwrite_existing);
    }
  }
  const auto seed = readGray(dir / "sseed.png"), again = readGray(dir / "sseed_again.png");
  const auto found = readGray(dir / "sfound.png");
  ASSERT_EQ(seed.size(), size_t(28 * 8 * 28 * 8));
  EXPECT_EQ(meanAbsDifference(seed, again), 0.0);   // the control
  EXPECT_GT(meanAbsDifference(seed, found), 10.0);  // A is the found z now
}

}  // namespace
}  // namespace ganscope
