// Pinning fakes of the 2-D plane as the explorer's endpoints, in the real window (under Xvfb) on
// a ring run: a click on a fake pins its latent seed as A and leaves B (the control), a
// shift-click on another pins it as B and leaves A.
#include <gtest/gtest.h>

#include <cstdlib>
#include <fstream>

#include <nlohmann/json.hpp>
#include "gui_screenshot.hpp"
#include "test_util.hpp"

namespace ganscope {
namespace {

/// Script lines that save the explorer's path as `base`.json.
std::string savePath(const std::string& base) {
  return "click explorer.file\ntype " + base +
         "\nkey Enter\nwait 2\nclick explorer.save_path\nwait 3\n";
}

TEST(GuiPlanePinTest, ShiftClickPinsBAndAPlainClickPinsA) {
  ASSERT_NE(std::getenv("DISPLAY"), nullptr) << "GUI tests need a display (xvfb-run)";
  const auto dir = test::tempDir("gui-plane-pin");
  const auto session = dir / "ring.gss";
  const test::RunResult trained = test::runGanscope(
      "--headless --preset ring-stddev --steps 300 --save-session " + session.string(), dir);
  ASSERT_EQ(trained.exit_code, 0) << trained.err;
  const std::string before = (dir / "before").string(), clicked = (dir / "clicked").string(),
                    shifted = (dir / "shifted").string();
  const auto script = dir / "pin.txt";
  // Each click is a drag of 0 pixels (a move onto the fake, press, release in consecutive
  // frames: a jump while pressed would pan the plane). The explorer's controls are scrolled
  // down to its file field (the 2-D slot is short).
  std::ofstream(script) << "wait 20\nwheel tab.explorer 0\nclick tab.explorer\nwait 20\n"
                        << "wheel explorer.swap -30\nwait 5\n"
                        << savePath(before) << "drag plane.fake_5 0\nwait 10\n"
                        << savePath(clicked) << "shift drag plane.fake_6 0\nwait 10\n"
                        << savePath(shifted) << "wait 5\n";
  const test::Screenshot shot =
      test::screenshot("gui-plane-pin-shot", "--session " + session.string() +
                                                 " --start paused --size 1600x900 "
                                                 "--input-script " +
                                                 script.string());
  ASSERT_EQ(shot.width, 1600);
  const nlohmann::json was = nlohmann::json::parse(test::readFile(before + ".json"));
  const nlohmann::json click = nlohmann::json::parse(test::readFile(clicked + ".json"));
  const nlohmann::json shift = nlohmann::json::parse(test::readFile(shifted + ".json"));
  ASSERT_EQ(was["anchors"][0], 0);
  ASSERT_EQ(was["anchors"][1], 1);
  EXPECT_EQ(click["anchors"][0], 5) << "a click pins the fake's seed as A";
  EXPECT_EQ(click["anchors"][1], 1) << "and leaves B";
  EXPECT_EQ(shift["anchors"][1], 6) << "a shift-click pins the fake's seed as B";
  EXPECT_EQ(shift["anchors"][0], 5) << "and leaves A";
}

}  // namespace
}  // namespace ganscope
