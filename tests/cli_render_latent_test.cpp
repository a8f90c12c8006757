// ganscope --render-latent through the executable: the path's ends are exactly G of the two
// seeds' z (checked against a run the other way round), slerp and lerp differ in between, the
// GIF holds the same frames, 1-D and 2-D runs write CSV rows, and every bad input exits 2.
#include <gif_lib.h>
#include <gtest/gtest.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <vector>

#include "common/idx_file.hpp"
#include "common/image_grid.hpp"
#include "test_util.hpp"

#include <stb_image.h>

namespace ganscope {
namespace {

using test::runGanscope;

const std::string kSmall = std::string(GANSCOPE_SOURCE_DIR) + "/tests/data/images_small.json";
constexpr size_t kPixels = 28 * 28;

/// A saved image run (images_small, its 40 steps), made once per test program, in a folder of
/// its own: CTest runs each test of the suite as a process of its own, side by side.
class CliRenderLatentTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ =
        new std::filesystem::path(test::tempDir("cli-render-latent-" + std::to_string(getpid())));
    session_ = (*dir_ / "run.gss").string();
    const auto r =
        runGanscope("--headless --config " + kSmall + " --save-session " + session_, *dir_);
    ASSERT_EQ(r.exit_code, 0) << r.err;
  }
  static void TearDownTestSuite() {
    std::filesystem::remove_all(*dir_);
    delete dir_;
  }

  std::string path(const std::string& name) const { return (*dir_ / name).string(); }

  /// Renders the saved run's path; returns its frames' pixels (frames x 784), checking the
  /// run succeeded and wrote frames x 28 x 28.
  std::vector<uint8_t> render(const std::string& args, uint32_t frames, const std::string& name) {
    const auto r = runGanscope(
        "--session " + session_ + " --render-latent " + args + " --dump-samples " + path(name),
        *dir_);
    EXPECT_EQ(r.exit_code, 0) << r.err;
    last_out_ = r.out;
    const IdxArray idx = readIdxFile(path(name));
    EXPECT_EQ(idx.dims, (std::vector<uint32_t>{frames, 28, 28}));
    return idx.data;
  }

  static std::vector<uint8_t> frame(const std::vector<uint8_t>& frames, size_t i) {
    return {frames.begin() + i * kPixels, frames.begin() + (i + 1) * kPixels};
  }

  /// Pixels in which two frames differ (0: the same image).
  static size_t differing(const std::vector<uint8_t>& a, const std::vector<uint8_t>& b) {
    size_t count = 0;
    for (size_t i = 0; i < std::min(a.size(), b.size()); ++i) count += a[i] != b[i];
    return count + std::max(a.size(), b.size()) - std::min(a.size(), b.size());
  }

  static std::filesystem::path* dir_;
  static std::string session_;
  std::string last_out_;
};
std::filesystem::path* CliRenderLatentTest::dir_ = nullptr;
std::string CliRenderLatentTest::session_;

TEST_F(CliRenderLatentTest, EndsAreExactlyTheSeedsPicturesWhateverTheOtherEnd) {
  const std::vector<uint8_t> path = render("--from 3 --to 11 --frames 7", 7, "a.idx");
  const nlohmann::json report = nlohmann::json::parse(last_out_)["latent_path"];
  EXPECT_EQ(report["step"], 40);  // the saved G, no step taken
  EXPECT_EQ(report["interpolation"], "slerp");
  EXPECT_EQ(report["d_score"].size(), 7u);
  // The other way round, in a batch of two: its last frame is G(z_3), its first G(z_11).
  const std::vector<uint8_t> back = render("--from 11 --to 3 --frames 2", 2, "b.idx");
  EXPECT_EQ(differing(frame(path, 0), frame(back, 1)), 0u);
  EXPECT_EQ(differing(frame(path, 6), frame(back, 0)), 0u);
  // Controls: the two seeds' pictures differ, and the middle of the path is neither.
  EXPECT_GT(differing(frame(path, 0), frame(path, 6)), 0u);
  EXPECT_GT(differing(frame(path, 3), frame(path, 0)), 0u);
  EXPECT_GT(differing(frame(path, 3), frame(path, 6)), 0u);
}

TEST_F(CliRenderLatentTest, SlerpAndLerpShareTheEndsNotTheMiddle) {
  const std::vector<uint8_t> slerp = render("--from 5 --to 6 --frames 3", 3, "slerp.idx");
  const std::vector<uint8_t> lerp = render("--from 5 --to 6 --frames 3 --lerp", 3, "lerp.idx");
  EXPECT_EQ(nlohmann::json::parse(last_out_)["latent_path"]["interpolation"], "lerp");
  EXPECT_EQ(differing(frame(slerp, 0), frame(lerp, 0)), 0u);  // control: the same ends
  EXPECT_EQ(differing(frame(slerp, 2), frame(lerp, 2)), 0u);
  EXPECT_GT(differing(frame(slerp, 1), frame(lerp, 1)), 0u);
}

TEST_F(CliRenderLatentTest, StepsTrainTheSavedRunFirst) {
  const std::vector<uint8_t> saved = render("--from 3 --to 4 --frames 2", 2, "saved.idx");
  const std::vector<uint8_t> later = render("--from 3 --to 4 --frames 2 --steps 5", 2, "later.idx");
  EXPECT_EQ(nlohmann::json::parse(last_out_)["latent_path"]["step"], 45);
  EXPECT_EQ(nlohmann::json::parse(last_out_)["steps"], 45);  // the headless metrics too
  EXPECT_NE(saved, later);                                   // five steps changed G
}

int readGifBytes(GifFileType* gif, GifByteType* out, int size) {
  return static_cast<int>(
      std::fread(out, 1, static_cast<size_t>(size), static_cast<std::FILE*>(gif->UserData)));
}

TEST_F(CliRenderLatentTest, GifHoldsTheSameFramesScaledUp) {
  const auto r = runGanscope("--session " + session_ +
                                 " --render-latent --from 1 --to 2 --frames 4 --dump-samples " +
                                 path("g.idx") + " --gif " + path("g.gif"),
                             *dir_);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const IdxArray idx = readIdxFile(path("g.idx"));
  std::FILE* file = std::fopen(path("g.gif").c_str(), "rb");
  ASSERT_NE(file, nullptr);
  int error = 0;
  GifFileType* gif = DGifOpen(file, readGifBytes, &error);
  ASSERT_NE(gif, nullptr) << GifErrorString(error);
  ASSERT_EQ(DGifSlurp(gif), GIF_OK);
  EXPECT_EQ(gif->ImageCount, 4);
  EXPECT_EQ(gif->SWidth, 112);
  EXPECT_EQ(gif->SHeight, 112);
  size_t mismatches = 0;
  for (int f = 0; f < std::min(gif->ImageCount, 4); ++f) {
    const SavedImage& image = gif->SavedImages[f];
    for (int y = 0; y < 112; ++y) {
      for (int x = 0; x < 112; ++x) {
        const uint8_t grey = gif->SColorMap->Colors[image.RasterBits[y * 112 + x]].Red;
        mismatches += grey != idx.data[f * kPixels + (y / 4) * 28 + x / 4];
      }
    }
  }
  EXPECT_EQ(mismatches, 0u);
  DGifCloseFile(gif, nullptr);
  std::fclose(file);
}

TEST(CliRenderLatentGrid, LatentSeedIIsTheSampleGridsImageI) {
  // One run writes both its grid and a path: frame 0 is seed 0, frame 2 seed 5.
  const auto dir = test::tempDir("cli-render-latent-grid");
  const auto r = runGanscope(
      "--config " + kSmall + " --render-latent --from 0 --to 5 --frames 3 --dump-samples " +
          (dir / "p.idx").string() + " --grid-png " + (dir / "g.png").string(),
      dir);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const IdxArray path = readIdxFile((dir / "p.idx").string());
  int width = 0, height = 0, channels = 0;
  stbi_uc* png = stbi_load((dir / "g.png").string().c_str(), &width, &height, &channels, 4);
  ASSERT_NE(png, nullptr);
  const ImageGridOptions grid{.side = 8};
  /// Pixels in which grid cell `cell` differs from path frame `frame`.
  auto differing = [&](int cell, size_t frame) {
    const GridPixel origin = cellOrigin(grid, cell);
    size_t count = 0;
    for (int y = 0; y < 28; ++y) {
      for (int x = 0; x < 28; ++x) {
        const stbi_uc grey = png[((origin.y + y) * width + origin.x + x) * 4];
        count += grey != path.data[frame * kPixels + y * 28 + x];
      }
    }
    return count;
  };
  EXPECT_EQ(differing(0, 0), 0u);
  EXPECT_EQ(differing(5, 2), 0u);
  EXPECT_GT(differing(1, 0), 0u);  // control: another seed's cell
  stbi_image_free(png);
}

/// The rows of a CSV file after its header, and the header.
std::vector<std::string> csvLines(const std::string& file) {
  std::ifstream in(file);
  std::vector<std::string> lines;
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

TEST(CliRenderLatentRows, PlaneAndLineRunsWriteOneRowPerFrame) {
  const auto dir = test::tempDir("cli-render-latent-rows");
  const auto plane = runGanscope(
      "--preset ring-collapse --steps 20 --render-latent --from 0 --to 1 --frames 9 "
      "--dump-samples " +
          (dir / "p.csv").string(),
      dir);
  ASSERT_EQ(plane.exit_code, 0) << plane.err;
  const std::vector<std::string> rows = csvLines((dir / "p.csv").string());
  ASSERT_EQ(rows.size(), 10u);
  EXPECT_EQ(rows[0], "x,y");
  EXPECT_EQ(std::count(rows[1].begin(), rows[1].end(), ','), 1);
  EXPECT_NE(rows[1], rows[9]);  // two seeds, two points
  const nlohmann::json report = nlohmann::json::parse(plane.out);
  EXPECT_EQ(report["steps"], 20);
  EXPECT_EQ(report["latent_path"]["d_score"].size(), 9u);

  const auto line = runGanscope(
      "--preset figure1 --steps 5 --render-latent --from 0 --to 1 --frames 2 --dump-samples " +
          (dir / "l.csv").string(),
      dir);
  ASSERT_EQ(line.exit_code, 0) << line.err;
  const std::vector<std::string> xs = csvLines((dir / "l.csv").string());
  ASSERT_EQ(xs.size(), 3u);
  EXPECT_EQ(xs[0], "x");
  EXPECT_EQ(xs[1].find(','), std::string::npos);

  // A GIF draws images: the plane run is refused before training, naming --gif.
  const auto gif = runGanscope(
      "--preset ring-collapse --steps 20 --render-latent --from 0 --to 1 --frames 9 --gif " +
          (dir / "p.gif").string(),
      dir);
  EXPECT_EQ(gif.exit_code, 2);
  EXPECT_NE(gif.err.find("--gif: draws an image run's frames"), std::string::npos) << gif.err;
  EXPECT_FALSE(std::filesystem::exists(dir / "p.gif"));
}

TEST(CliRenderLatentInput, BadInputExitsTwoNamingIt) {
  const auto dir = test::tempDir("cli-render-latent-input");
  const std::string out = " --dump-samples " + (dir / "o.csv").string();
  const std::string base = "--preset ring-collapse --steps 5 --render-latent";
  const std::vector<std::pair<std::string, std::string>> cases = {
      {base + " --from -1 --to 2 --frames 4" + out,
       "--from: \"-1\" is not a number; give a non-negative whole number"},
      {base + " --from 1 --to 2.5 --frames 4" + out, "--to: \"2.5\" is not a number"},
      {base + " --from 1 --to 18446744073709551616 --frames 4" + out,
       "--to: 18446744073709551616 is out of range [0, 18446744073709551615]"},
      {base + " --from 1 --to 2 --frames 1" + out, "--frames: 1 is out of range [2, 256]"},
      {base + " --from 1 --to 2 --frames 257" + out, "--frames: 257 is out of range [2, 256]"},
      {base + " --to 2 --frames 4" + out, "--render-latent needs --from SEED_A and --to SEED_B"},
      {base + " --from 1 --frames 4" + out, "--render-latent needs --from SEED_A and --to SEED_B"},
      {base + " --from 1 --to 2" + out, "--render-latent needs --frames N"},
      {base + " --from 1 --to 2 --frames 4", "needs --dump-samples FILE and/or --gif FILE"},
      {base + " --from 1 --to 2 --frames 4 --num-samples 9" + out, "drop --num-samples"},
      {"--session x.gss --render-latent --from 1 --to 2 --frames 4 --out m.json" + out,
       "renders the run as saved, with no metrics to write: drop --out"},
      {"--preset ring-collapse --from 1 --to 2", "--render-latent"},  // CLI11: needs it
      {"--preset ring-collapse --steps 5 --lerp", "--render-latent"},
  };
  for (const auto& [args, message] : cases) {
    const auto r = runGanscope(args, dir);
    EXPECT_EQ(r.exit_code, 2) << args << "\n" << r.err;
    EXPECT_NE(r.err.find(message), std::string::npos) << args << "\n" << r.err;
  }
  // A session file that is not one.
  std::ofstream(dir / "not-a-session.gss") << "hello\n";
  const auto session = runGanscope("--session " + (dir / "not-a-session.gss").string() +
                                       " --render-latent --from 1 --to 2 --frames 4" + out,
                                   dir);
  EXPECT_EQ(session.exit_code, 2);
  EXPECT_NE(session.err.find("--session: "), std::string::npos) << session.err;
  EXPECT_NE(session.err.find("not-a-session.gss"), std::string::npos) << session.err;
  EXPECT_FALSE(std::filesystem::exists(dir / "o.csv"));
  // The control: the same command with good numbers succeeds.
  EXPECT_EQ(runGanscope(base + " --from 1 --to 2 --frames 4" + out, dir).exit_code, 0);
}

}  // namespace
}  // namespace ganscope
