// The number field in a real Dear ImGui context without a window (no GL: ImGui renders to draw
// lists only), fed by the app's input queue: typed "50" and Enter, all arriving between two
// frames, commit 50; the same keys applied the way ImGui 1.86's GLFW backend applies them (the
// state once per frame) lose Enter and leave the field open, the bug the queue fixes.
#include "app/widgets/number_field.hpp"

#include <gtest/gtest.h>
#include <imgui.h>

#include "app/shell/imgui_input.hpp"
#include "app/shell/input_queue.hpp"

namespace ganscope {
namespace {

constexpr int kEnter = 257, kEscape = 256, kTab = 258, kBackspace = 259;

/// An ImGui context with one window holding one number field over D's learning rate.
class NumberFieldTest : public ::testing::Test {
 protected:
  void SetUp() override {
    context_ = ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;
    io.DisplaySize = ImVec2(800, 600);
    unsigned char* pixels = nullptr;
    int width = 0, height = 0;
    io.Fonts->GetTexDataAsRGBA32(&pixels, &width, &height);
    // As ImGui's GLFW backend maps them: ImGui looks up its keys in KeysDown by these codes.
    io.KeyMap[ImGuiKey_Enter] = kEnter;
    io.KeyMap[ImGuiKey_Escape] = kEscape;
    io.KeyMap[ImGuiKey_Tab] = kTab;
    io.KeyMap[ImGuiKey_Backspace] = kBackspace;
  }
  void TearDown() override { ImGui::DestroyContext(context_); }

  /// One frame: `events` handed to ImGui, then the field drawn.
  void frame(const std::vector<InputEvent>& events = {}) {
    ImGuiIO& io = ImGui::GetIO();
    io.DeltaTime = 1.0f / 3;  // 3 fps
    applyFrameInput(events, held_, io);
    ImGui::NewFrame();
    ImGui::SetNextWindowPos(ImVec2(0, 0));
    ImGui::SetNextWindowSize(ImVec2(400, 200));
    ImGui::Begin("controls");
    numberField(state_, "learning rate", "lr", spec_, value_);
    ImGui::End();
    ImGui::Render();
  }
  /// Frames until the queue is empty, then one more.
  void drain() {
    while (!queue_.empty()) frame(queue_.takeFrame());
    frame();
  }
  /// Queues a click on the field's text box.
  void queueClick() {
    const FieldRect& rect = state_.rects.at("lr");
    InputEvent click{InputEvent::Kind::MouseButton, 0, true};
    click.x = (rect.x0 + rect.x1) / 2;
    click.y = (rect.y0 + rect.y1) / 2;
    queue_.push(click);
    click.down = false;
    queue_.push(click);
  }
  /// The events of typing `text` and then pressing and releasing `key`.
  static std::vector<InputEvent> typing(const std::string& text, int key) {
    std::vector<InputEvent> events;
    for (const char c : text) {
      events.push_back({InputEvent::Kind::Key, c, true});
      events.push_back({InputEvent::Kind::Char, c});
      events.push_back({InputEvent::Kind::Key, c, false});
    }
    events.push_back({InputEvent::Kind::Key, key, true});
    events.push_back({InputEvent::Kind::Key, key, false});
    return events;
  }

  ImGuiContext* context_ = nullptr;
  NumberFieldState state_;
  InputQueue queue_;
  HeldInput held_;
  NumberSpec spec_{
      .lo = 0, .hi = 100, .lo_open = true, .log_scale = true, .handle_lo = 1e-5, .handle_hi = 100};
  float value_ = 0.001f;
};

TEST_F(NumberFieldTest, FiftyAndEnterBetweenTwoFramesCommitFifty) {
  frame();
  queueClick();
  for (const InputEvent& event : typing("50", kEnter)) queue_.push(event);
  drain();
  EXPECT_FLOAT_EQ(value_, 50);
  EXPECT_EQ(state_.editing, 0u) << "the field stayed open";
}

TEST_F(NumberFieldTest, WithoutTheQueueEnterIsLostAndTheFieldStaysOpen) {
  // The control: the same click and keys, the keys applied as the 1.86 backend does (the key
  // state as it is when the frame starts: a press and release in between leave it up).
  frame();
  queueClick();
  drain();
  std::vector<InputEvent> chars;
  for (const InputEvent& event : typing("50", kEnter)) {
    if (event.kind == InputEvent::Kind::Char) chars.push_back(event);  // AddInputCharacter
  }
  frame(chars);  // every key went down and up again before this frame: none is down
  frame();
  EXPECT_FLOAT_EQ(value_, 0.001f);
  EXPECT_NE(state_.editing, 0u) << "the field should still be open with \"50\" typed";
  EXPECT_EQ(state_.text, "50");
}

TEST_F(NumberFieldTest, EscapeCancelsAndRestores) {
  frame();
  queueClick();
  for (const InputEvent& event : typing("50", kEscape)) queue_.push(event);
  drain();
  EXPECT_FLOAT_EQ(value_, 0.001f);
  EXPECT_EQ(state_.editing, 0u);
}

TEST_F(NumberFieldTest, ARefusedEntryKeepsTheValueAndSaysWhatIsAllowed) {
  frame();
  queueClick();
  for (const InputEvent& event : typing("1e9", kEnter)) queue_.push(event);
  drain();
  EXPECT_FLOAT_EQ(value_, 0.001f);
  EXPECT_NE(state_.refused, 0u);
  EXPECT_EQ(state_.refusal, "\"1e9\" is out of range; allowed: above 0, up to 100");
  // A valid entry next clears the message.
  queueClick();
  for (const InputEvent& event : typing("2e-4", kEnter)) queue_.push(event);
  drain();
  EXPECT_FLOAT_EQ(value_, 2e-4f);
  EXPECT_EQ(state_.refused, 0u);
}

TEST_F(NumberFieldTest, APlainClickOpensTheFieldWithoutChangingTheValue) {
  frame();
  queueClick();
  drain();
  EXPECT_FLOAT_EQ(value_, 0.001f);
  EXPECT_NE(state_.editing, 0u);
  EXPECT_EQ(state_.text, "0.001");
}

}  // namespace
}  // namespace ganscope
