// The controls' image data fields in a real Dear ImGui context (no GL), fed by the app's input
// queue: a folder typed and Enter commits into data.path and is checked once (the missing files
// named); a class filter that imageClasses refuses keeps the config and says why.
#include <gtest/gtest.h>
#include <imgui.h>

#include <fstream>

#include "app/panels/panels.hpp"
#include "app/shell/imgui_input.hpp"
#include "app/shell/input_queue.hpp"
#include "test_util.hpp"

namespace ganscope {
namespace {

constexpr int kEnter = 257;

class ImageDataFieldsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    context_ = ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;
    io.DisplaySize = ImVec2(800, 600);
    unsigned char* pixels = nullptr;
    int width = 0, height = 0;
    io.Fonts->GetTexDataAsRGBA32(&pixels, &width, &height);
    io.KeyMap[ImGuiKey_Enter] = kEnter;
    data_.kind = DataKind::Images;
    data_.path = "";
  }
  void TearDown() override { ImGui::DestroyContext(context_); }

  /// One frame; `focus` >= 0 puts the keyboard into that field (0 folder, 1 classes).
  bool frame(const std::vector<InputEvent>& events = {}, int focus = -1) {
    ImGuiIO& io = ImGui::GetIO();
    io.DeltaTime = 1.0f / 30;
    applyFrameInput(events, held_, io);
    ImGui::NewFrame();
    ImGui::SetNextWindowPos(ImVec2(0, 0));
    ImGui::SetNextWindowSize(ImVec2(600, 400));
    ImGui::Begin("controls");
    if (focus >= 0) ImGui::SetKeyboardFocusHere(focus);
    const bool changed = drawImageDataFields(fields_, data_);
    ImGui::End();
    ImGui::Render();
    return changed;
  }
  /// Types `text` and Enter into field `focus`; true when any frame reported a change.
  bool type(const std::string& text, int focus) {
    frame({}, focus);
    frame();
    for (const char c : text) {
      queue_.push({InputEvent::Kind::Key, c, true});
      queue_.push({InputEvent::Kind::Char, c});
      queue_.push({InputEvent::Kind::Key, c, false});
    }
    queue_.push({InputEvent::Kind::Key, kEnter, true});
    queue_.push({InputEvent::Kind::Key, kEnter, false});
    bool changed = false;
    while (!queue_.empty()) changed |= frame(queue_.takeFrame());
    changed |= frame();
    return changed;
  }

  ImGuiContext* context_ = nullptr;
  InputQueue queue_;
  HeldInput held_;
  ImageDataFields fields_;
  DataConfig data_;
};

TEST_F(ImageDataFieldsTest, AFolderTypedAndEnterCommitsAndIsChecked) {
  frame();
  EXPECT_FALSE(fields_.check.is_folder);  // "" is no folder: the red line, not a crash
  const auto dir = test::tempDir("image-data-fields");
  for (const char* name : kImageFolderFiles) std::ofstream(dir / name) << "x";
  EXPECT_TRUE(type(dir.string(), 0));
  EXPECT_EQ(data_.path, dir.string());
  EXPECT_TRUE(fields_.check.ok());
  EXPECT_FALSE(type("", 0)) << "Enter on the unchanged folder changes nothing";
}

TEST_F(ImageDataFieldsTest, AMissingFolderIsCommittedAndNamedNotRefused) {
  EXPECT_TRUE(type("/nonexistent/mnist", 0));
  EXPECT_EQ(data_.path, "/nonexistent/mnist");
  EXPECT_FALSE(fields_.check.is_folder);
  EXPECT_EQ(fields_.check.missing.size(), 4u);
}

TEST_F(ImageDataFieldsTest, ARefusedClassFilterKeepsTheConfigAndSaysWhy) {
  EXPECT_FALSE(type("1,1", 1));
  EXPECT_EQ(data_.classes, "");
  EXPECT_FALSE(fields_.classes_error.empty());
  EXPECT_EQ(fields_.classes, "1,1") << "the refused text stays for correction";
}

TEST_F(ImageDataFieldsTest, AValidClassFilterCommits) {
  EXPECT_TRUE(type("0,2,5", 1));
  EXPECT_EQ(data_.classes, "0,2,5");
  EXPECT_TRUE(fields_.classes_error.empty());
}

}  // namespace
}  // namespace ganscope
