// The image scenario's window parts without a GPU: the upload-once decision of the grid atlases,
// the grid's hit testing and fit, pins, the image-folder check, the diversity alarm, and the
// sample grids drawn in a real Dear ImGui context (no GL: draw lists only) where a click pins.
#include <gtest/gtest.h>
#include <imgui.h>

#include <filesystem>
#include <fstream>

#include "app/gl/upload_once.hpp"
#include "app/scenes/class_bars.hpp"
#include "app/scenes/sample_grid_scene.hpp"
#include "app/state/diversity_alarm.hpp"
#include "app/state/image_folder.hpp"
#include "test_util.hpp"

namespace ganscope {
namespace {

TEST(UploadOnceTest, OneUploadPerReceivedFrameNotPerUiFrame) {
  gl::UploadOnce gate;
  const gl::GridKey frame{1, 40, 8};
  int uploads = 0;
  for (int ui_frame = 0; ui_frame < 10; ++ui_frame) uploads += gate.take(frame);
  EXPECT_EQ(uploads, 1);
  EXPECT_TRUE(gate.take({1, 41, 8}));   // the next frame received
  EXPECT_TRUE(gate.take({1, 41, 12}));  // the same frame tiled at another side
  EXPECT_TRUE(gate.take({2, 41, 12}));  // a reset: sequences of a new generation
  EXPECT_FALSE(gate.take({2, 41, 12}));
  EXPECT_EQ(gate.uploads(), 4);
}

TEST(SampleGridGeometryTest, CellsAreHitAndGapsAndScoreRowsAreNot) {
  GridGeometry g;
  g.side = 4;
  g.cell = 20;
  g.gap = 2;
  g.label = 10;  // pitch x 22, pitch y 32
  EXPECT_EQ(g.cellAt({2, 2}), 0);
  EXPECT_EQ(g.cellAt({21.5f, 21.5f}), 0);
  EXPECT_EQ(g.cellAt({22.5f, 5}), -1);       // the gap after column 0
  EXPECT_EQ(g.cellAt({5, 25}), -1);          // cell 0's score row
  EXPECT_EQ(g.cellAt({24 + 5, 34 + 5}), 5);  // row 1, column 1
  EXPECT_EQ(g.cellAt({2 + 3 * 22 + 1, 2 + 3 * 32 + 1}), 15);
  EXPECT_EQ(g.cellAt({2 + 4 * 22 + 1, 5}), -1);  // right of the grid
  EXPECT_EQ(g.cellAt({1, 5}), -1);
  EXPECT_FLOAT_EQ(g.size().x, 2 + 4 * 22);
  EXPECT_FLOAT_EQ(g.size().y, 2 + 4 * 32);
}

TEST(SampleGridGeometryTest, TheFitFillsTheSmallerSideAndZoomMagnifies) {
  const GridGeometry wide = fitGrid(8, {400, 300}, 10, 1);
  EXPECT_LE(wide.size().y, 300);
  EXPECT_GT(wide.size().y, 300 - 8 * 2);  // less than a pixel per cell left over
  const GridGeometry zoomed = fitGrid(8, {400, 300}, 10, 2);
  EXPECT_FLOAT_EQ(zoomed.cell, 2 * wide.cell);
  EXPECT_GE(fitGrid(16, {50, 50}, 10, 1).cell, 8);  // never below 8 px
}

TEST(SampleGridGeometryTest, PinsToggleAndStaySorted) {
  std::vector<int> pinned;
  togglePin(pinned, 7);
  togglePin(pinned, 2);
  togglePin(pinned, 9);
  EXPECT_EQ(pinned, (std::vector<int>{2, 7, 9}));
  togglePin(pinned, 7);
  EXPECT_EQ(pinned, (std::vector<int>{2, 9}));
}

TEST(ImageFolderTest, NamesTheMissingFiles) {
  const auto dir = test::tempDir("image-folder");
  const ImageFolderCheck none = checkImageFolder((dir / "absent").string());
  EXPECT_FALSE(none.is_folder);
  EXPECT_EQ(none.missing.size(), 4u);
  std::ofstream(dir / "train-images-idx3-ubyte.gz") << "x";
  std::ofstream(dir / "train-labels-idx1-ubyte") << "x";
  const ImageFolderCheck half = checkImageFolder(dir.string());
  EXPECT_TRUE(half.is_folder);
  EXPECT_EQ(half.missing,
            (std::vector<std::string>{"t10k-images-idx3-ubyte", "t10k-labels-idx1-ubyte"}));
  EXPECT_FALSE(half.ok());
  std::ofstream(dir / "t10k-images-idx3-ubyte.gz") << "x";
  std::filesystem::create_directory(dir / "t10k-labels-idx1-ubyte");  // a folder is no file
  EXPECT_EQ(checkImageFolder(dir.string()).missing.size(), 1u);
  std::ofstream(dir / "t10k-labels-idx1-ubyte.gz") << "x";
  EXPECT_TRUE(checkImageFolder(dir.string()).ok());
  EXPECT_TRUE(checkImageFolder("/usr/share/datasets/fashion-mnist").ok());
}

TEST(ImageFolderTest, FashionMnistIsKnownByItsFolderName) {
  EXPECT_TRUE(isFashionMnistFolder("/usr/share/datasets/fashion-mnist"));
  EXPECT_TRUE(isFashionMnistFolder("/data/Fashion_MNIST/"));
  EXPECT_FALSE(isFashionMnistFolder("/data/mnist"));
  EXPECT_FALSE(isFashionMnistFolder("/fashion/mnist"));  // only the folder's own name counts
}

TEST(DiversityAlarmTest, RingsBelowHalfTheRealDiversityOnly) {
  ImageMetrics m;
  m.real_diversity = 22.7f;
  m.diversity = 5;
  EXPECT_FALSE(diversityAlarm(m));  // step -1: no evaluation yet
  m.step = 1000;
  EXPECT_TRUE(diversityAlarm(m));
  m.diversity = 13.5f;  // one class's own spread (Trouser): fewer classes, not near-copies
  EXPECT_FALSE(diversityAlarm(m));
  m.real_diversity = 0;  // nothing to compare with
  m.diversity = 0;
  EXPECT_FALSE(diversityAlarm(m));
}

/// An ImGui context (no GL) drawing the sample grids of one constructed frame.
class SampleGridsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    context_ = ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;
    io.DisplaySize = ImVec2(900, 600);
    unsigned char* pixels = nullptr;
    int width = 0, height = 0;
    io.Fonts->GetTexDataAsRGBA32(&pixels, &width, &height);
    frame_ = std::make_unique<ImageFrame>();
    for (int i = 0; i < kGridImages; ++i) {
      frame_->fake_d[i] = i / 256.0f;
      frame_->real_d[i] = 1 - i / 256.0f;
      frame_->real_label[i] = static_cast<uint8_t>(i % 10);
    }
  }
  void TearDown() override { ImGui::DestroyContext(context_); }

  SampleGridsLayout frame(ImVec2 mouse, bool down) {
    ImGuiIO& io = ImGui::GetIO();
    io.DeltaTime = 1.0f / 30;
    io.MousePos = mouse;
    io.MouseDown[0] = down;
    ImGui::NewFrame();
    ImGui::SetNextWindowPos(ImVec2(0, 0));
    ImGui::SetNextWindowSize(ImVec2(800, 500));
    ImGui::Begin("samples");
    drawSampleGridToolbar(state_, frame_->ema_preview);
    const SampleGridsLayout layout = drawSampleGrids(*frame_, state_, {}, true);
    ImGui::Begin("bars");
    drawClassBars(frame_->metrics, true, ImVec2(300, 200));
    ImGui::End();
    ImGui::End();
    ImGui::Render();
    return layout;
  }
  /// Moves to `at`, presses and releases the left button there.
  void click(ImVec2 at) {
    frame(at, false);
    frame(at, true);
    frame(at, false);
  }
  /// The centre of cell `index` of the fake grid.
  static ImVec2 centre(const SampleGridsLayout& layout, int index) {
    const ImVec2 local = layout.geometry.cellMin(index);
    const float half = layout.geometry.cell / 2;
    return {layout.fake_origin.x + local.x + half, layout.fake_origin.y + local.y + half};
  }

  ImGuiContext* context_ = nullptr;
  SampleGridState state_;
  std::unique_ptr<ImageFrame> frame_;
};

TEST_F(SampleGridsTest, AClickOnASamplePinsItAndASecondUnpins) {
  const SampleGridsLayout layout = frame({-100, -100}, false);
  ASSERT_GT(layout.geometry.cell, 8);
  EXPECT_GT(layout.real_origin.x, layout.fake_origin.x + layout.geometry.size().x - 1);
  click(centre(layout, 10));
  EXPECT_EQ(state_.pinned, (std::vector<int>{10}));
  click(centre(layout, 3));
  EXPECT_EQ(state_.pinned, (std::vector<int>{3, 10}));
  click(centre(layout, 10));
  EXPECT_EQ(state_.pinned, (std::vector<int>{3}));
  // A click on a real image or on a gap pins nothing.
  const ImVec2 real(layout.real_origin.x + layout.geometry.gap + 2,
                    layout.real_origin.y + layout.geometry.gap + 2);
  click(real);
  const ImVec2 gap(layout.fake_origin.x + layout.geometry.cellMin(1).x - 1,
                   layout.fake_origin.y + layout.geometry.cellMin(1).y + 3);
  click(gap);
  EXPECT_EQ(state_.pinned, (std::vector<int>{3}));
}

TEST_F(SampleGridsTest, CtrlWheelZoomsAndThePlainWheelDoesNot) {
  const SampleGridsLayout layout = frame({-100, -100}, false);
  const ImVec2 over = centre(layout, 20);
  frame(over, false);
  ImGui::GetIO().MouseWheel = 1;  // the control: no Ctrl, the wheel scrolls (nothing to scroll)
  frame(over, false);
  EXPECT_FLOAT_EQ(state_.zoom, 1);
  ImGui::GetIO().KeyCtrl = true;
  frame(over, false);
  ImGui::GetIO().MouseWheel = 1;
  frame(over, false);
  EXPECT_NEAR(state_.zoom, 1.15f, 1e-5);
  ImGui::GetIO().MouseWheel = 1;
  const SampleGridsLayout zoomed = frame(over, false);
  EXPECT_NEAR(state_.zoom, 1.15f * 1.15f, 1e-5);
  EXPECT_GT(zoomed.geometry.cell, layout.geometry.cell);
  for (int i = 0; i < 40; ++i) {
    ImGui::GetIO().MouseWheel = -1;
    frame(over, false);
  }
  EXPECT_FLOAT_EQ(state_.zoom, 1) << "never below the fitted size";
}

TEST_F(SampleGridsTest, TheGridFollowsTheSideAndDrawsWithMetricsOrWithout) {
  state_.side = 16;
  frame_->metrics.step = 500;
  frame_->metrics.classes = 10;
  for (int c = 0; c < 10; ++c) {
    frame_->metrics.class_ids[c] = c;
    frame_->metrics.class_hist[c] = c == 3 ? 0.91f : 0.01f;
  }
  const SampleGridsLayout big = frame({-100, -100}, false);
  EXPECT_EQ(big.geometry.side, 16);
  state_.side = 4;
  const SampleGridsLayout small = frame({-100, -100}, false);
  EXPECT_GT(small.geometry.cell, 2 * big.geometry.cell);
  state_.side = 99;  // out of range: clamped, never out of the frame's 256 images
  EXPECT_EQ(frame({-100, -100}, false).geometry.side, kMaxGridSide);
}

}  // namespace
}  // namespace ganscope
