// The sample grid and class bars in a real window (GL under Xvfb): atlases built from Debian's
// Fashion-MNIST test images upload once per frame received however often they are drawn, and
// the rendered PNG shows the images' greys where the grids are.
#include <gtest/gtest.h>
#include <imgui.h>
#include <stb_image.h>

#include <cstdlib>
#include <memory>
#include <set>

#include "app/gl/image_atlas.hpp"
#include "app/i18n/strings.hpp"
#include "app/scenes/class_coverage_scene.hpp"
#include "app/scenes/sample_grid_scene.hpp"
#include "app/shell/window.hpp"
#include "common/idx_file.hpp"
#include "test_util.hpp"

namespace ganscope {
namespace {

/// A frame as the trainer would send it: real test images, "samples" that are other test
/// images, D's scores, and a class histogram leaning on three classes.
std::unique_ptr<ImageFrame> fashionFrame(uint64_t sequence) {
  const IdxArray images =
      readIdxFile("/usr/share/datasets/fashion-mnist/t10k-images-idx3-ubyte.gz");
  auto frame = std::make_unique<ImageFrame>();
  frame->header.sequence = sequence;
  std::copy_n(images.data.begin(), sizeof(frame->real), frame->real);
  std::copy_n(images.data.begin() + sizeof(frame->real), sizeof(frame->fake), frame->fake);
  for (int i = 0; i < kGridImages; ++i) {
    frame->fake_d[i] = 0.1f + 0.3f * (i % 7) / 6;
    frame->real_d[i] = 0.6f + 0.3f * (i % 5) / 4;
    frame->real_label[i] = static_cast<uint8_t>(i % 10);
  }
  ImageMetrics& m = frame->metrics;
  m.step = 1200;
  m.samples = 1000;
  m.classes = 10;
  m.classes_covered = 6;
  m.class_kl = 0.41f;
  m.diversity = 9.5f;  // under half the real 22.7: the alarm
  m.real_diversity = 22.7f;
  m.frechet = 31.2f;
  m.frechet_floor = 1.3f;
  m.precision = 0.62f;
  m.recall = 0.35f;
  m.classifier_accuracy = 0.912f;
  const float hist[10] = {0.30f, 0.01f, 0.25f, 0.02f, 0.01f, 0.15f, 0.10f, 0.14f, 0.01f, 0.01f};
  for (int c = 0; c < 10; ++c) {
    m.class_ids[c] = c;
    m.class_hist[c] = hist[c];
  }
  return frame;
}

TEST(ImagePanelsGuiTest, AtlasesUploadOncePerFrameAndTheGridsRender) {
  ASSERT_NE(std::getenv("DISPLAY"), nullptr) << "GUI tests need a display (xvfb-run)";
  Window window({.width = 1000, .height = 600});
  gl::ImageAtlas fake, real;
  ImageMetricHistory history;
  history.steps = {300, 600, 900, 1200};
  history.frechet = {80, 55, 40, 31.2f};
  plot::PlotView frechet_view;
  SampleGridState state;
  state.pinned = {2, 9};
  const auto dir = test::tempDir("image-panels-gui");
  const std::string png = (dir / "grids.png").string();
  std::unique_ptr<ImageFrame> frame = fashionFrame(1);
  ImVec2 grids_size(600, 600);  // the samples window; the classes window takes the rest
  auto draw = [&](const std::string& path) {
    window.beginFrame();
    fake.setLinear(state.linear);
    fake.show(frame->fake, {0, frame->header.sequence, state.side}, kAtlasGap);
    real.show(frame->real, {0, 0, state.side}, kAtlasGap);  // as the panel: once per run
    ImGui::SetNextWindowPos(ImVec2(0, 0));
    ImGui::SetNextWindowSize(grids_size);
    ImGui::Begin("samples");
    drawSampleGridToolbar(state, frame->ema_preview);
    drawSampleGrids(*frame, state,
                    {fake.texture(), real.texture(),
                     ImVec2(static_cast<float>(fake.width()), static_cast<float>(fake.height()))},
                    true);
    ImGui::End();
    ImGui::SetNextWindowPos(ImVec2(grids_size.x, 0));
    ImGui::SetNextWindowSize(ImVec2(1000 - grids_size.x, 600));
    ImGui::Begin("classes");
    drawClassCoverage(*frame, history, frechet_view, true,
                      ClassifierStatus{ClassifierPhase::Ready});
    ImGui::End();
    return window.endFrame(path);
  };
  for (int ui_frame = 0; ui_frame < 5; ++ui_frame) draw("");
  EXPECT_EQ(fake.uploads(), 1) << "one frame received, drawn 5 times";
  frame = fashionFrame(2);
  for (int ui_frame = 0; ui_frame < 3; ++ui_frame) draw("");
  EXPECT_EQ(fake.uploads(), 2);
  EXPECT_EQ(real.uploads(), 1) << "the real images stay for the run";
  state.side = 16;  // a new tiling of the same frame, in a narrow window: no room for scores
  grids_size = ImVec2(460, 440);
  ASSERT_TRUE(draw((dir / "grids-16.png").string()));
  grids_size = ImVec2(600, 600);
  EXPECT_EQ(fake.uploads(), 3);
  EXPECT_EQ(real.uploads(), 2);
  state.side = 8;
  // The Korean tables draw too (class names, the coverage lines), for a look at the PNG.
  i18n::setLanguage(i18n::Language::Ko);
  const bool korean = draw((dir / "grids-ko.png").string());
  i18n::setLanguage(i18n::Language::En);
  ASSERT_TRUE(korean);
  ASSERT_TRUE(draw(png));
  if (const char* keep = std::getenv("GANSCOPE_KEEP_PNG_DIR")) {  // to look at them
    for (const char* name : {"grids.png", "grids-ko.png", "grids-16.png"}) {
      std::filesystem::copy_file(dir / name, std::filesystem::path(keep) / name,
                                 std::filesystem::copy_options::overwrite_existing);
    }
  }

  int width = 0, height = 0, channels = 0;
  unsigned char* pixels = stbi_load(png.c_str(), &width, &height, &channels, 3);
  ASSERT_NE(pixels, nullptr);
  // Fashion-MNIST's greys fill the grids: many distinct neutral greys in the left window, where
  // without the textures the cells would be one flat grey.
  std::set<int> greys;
  for (int y = 0; y < height; ++y) {
    for (int x = 0; x < 600; ++x) {
      const unsigned char* p = &pixels[3 * (static_cast<size_t>(y) * width + x)];
      if (p[0] == p[1] && p[1] == p[2]) greys.insert(p[0]);
    }
  }
  stbi_image_free(pixels);
  EXPECT_GT(greys.size(), 150u);
}

}  // namespace
}  // namespace ganscope
