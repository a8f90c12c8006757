// The GUI tests' screenshot: the real window run with `--screenshot` under the test's display,
// in a config folder of its own, and its PNG read back as RGB pixels.
#pragma once
#include <gtest/gtest.h>
#include <stb_image.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "test_util.hpp"

namespace ganscope::test {

/// A screenshot's RGB pixels, row by row from the top.
struct Screenshot {
  int width = 0, height = 0;
  std::vector<unsigned char> rgb;
  /// The pixel at (x, y): three bytes.
  const unsigned char* at(int x, int y) const {
    return &rgb[3 * (static_cast<size_t>(y) * width + x)];
  }
};

/// Runs the real window with `args` plus `--screenshot`, in its own config folder (with
/// `view_json` as its saved display settings when given: the user's must not change the
/// picture), and reads the PNG back.
inline Screenshot screenshot(const std::string& name, const std::string& args,
                             const std::string& view_json = "") {
  const auto dir = tempDir(name);
  if (!view_json.empty()) {
    std::filesystem::create_directories(dir / "ganscope");
    std::ofstream(dir / "ganscope" / "view.json") << view_json;
  }
  const auto png = dir / "shot.png";
  const auto r = runGanscope(args + " --screenshot " + png.string(), dir,
                             "env XDG_CONFIG_HOME=" + dir.string());
  EXPECT_EQ(r.exit_code, 0) << r.err;
  Screenshot shot;
  int channels = 0;
  unsigned char* pixels = stbi_load(png.c_str(), &shot.width, &shot.height, &channels, 3);
  EXPECT_NE(pixels, nullptr) << "not a readable PNG";
  if (!pixels) return shot;
  shot.rgb.assign(pixels, pixels + 3 * shot.width * shot.height);
  stbi_image_free(pixels);
  return shot;
}

}  // namespace ganscope::test
