// Tests for the app's input queue (one transition per key and button per frame, characters in
// order with the keys) and for parsing and running --input-script.
#include "app/shell/input_queue.hpp"

#include <gtest/gtest.h>

#include <stdexcept>

#include "app/shell/input_script.hpp"

namespace ganscope {
namespace {

constexpr int kEnter = 257, kBackspace = 259, kKey5 = '5', kKey0 = '0', kS = 'S';
constexpr int kLeftShift = 340;  // GLFW_KEY_LEFT_SHIFT

InputEvent key(int code, bool down) {
  return {InputEvent::Kind::Key, code, down};
}
InputEvent character(char c) {
  return {InputEvent::Kind::Char, c};
}
InputEvent button(bool down, float x = 10, float y = 20) {
  InputEvent event{InputEvent::Kind::MouseButton, 0, down};
  event.x = x;
  event.y = y;
  return event;
}

/// The frames the queue hands out until it is empty, each as text: "K257+" a press,
/// "K257-" a release, "c5" a character, "M+" / "M-" the left button.
std::vector<std::string> frames(InputQueue& queue) {
  std::vector<std::string> out;
  while (!queue.empty()) {
    std::string frame;
    for (const InputEvent& event : queue.takeFrame()) {
      if (!frame.empty()) frame += ' ';
      if (event.kind == InputEvent::Kind::Char) {
        frame += "c" + std::string(1, static_cast<char>(event.code));
      } else {
        frame += (event.kind == InputEvent::Kind::Key ? "K" + std::to_string(event.code) : "M") +
                 (event.down ? "+" : "-");
      }
    }
    out.push_back(frame);
  }
  return out;
}

TEST(InputQueueTest, APressAndReleaseInOneFrameBecomeTwoFrames) {
  InputQueue queue;
  queue.push(key(kEnter, true));
  queue.push(key(kEnter, false));
  EXPECT_EQ(frames(queue), (std::vector<std::string>{"K257+", "K257-"}));
}

TEST(InputQueueTest, TypingFiftyThenEnterKeepsItsOrder) {
  InputQueue queue;
  for (const InputEvent& event :
       {key(kKey5, true), character('5'), key(kKey5, false), key(kKey0, true), character('0'),
        key(kKey0, false), key(kEnter, true), key(kEnter, false)}) {
    queue.push(event);
  }
  EXPECT_EQ(frames(queue),
            (std::vector<std::string>{"K53+ c5", "K53- K48+ c0", "K48- K257+", "K257-"}));
}

TEST(InputQueueTest, DifferentKeysShareAFrame) {
  // The control for the test above: without a second transition of one key, one frame.
  InputQueue queue;
  queue.push(key(kKey5, true));
  queue.push(key(kKey0, true));
  queue.push(key(kEnter, true));
  EXPECT_EQ(frames(queue), (std::vector<std::string>{"K53+ K48+ K257+"}));
}

TEST(InputQueueTest, ACharacterAfterASpecialKeyWaitsAFrame) {
  // ImGui handles a frame's characters before its key presses: Backspace then "a" must not
  // become "a" then Backspace.
  InputQueue queue;
  queue.push(key(kBackspace, true));
  queue.push(character('a'));
  queue.push(key(kBackspace, false));
  EXPECT_EQ(frames(queue), (std::vector<std::string>{"K259+", "ca K259-"}));
}

TEST(InputQueueTest, AMouseButtonComesAloneInItsFrame) {
  InputQueue queue;
  queue.push(character('1'));
  queue.push(button(true));
  queue.push(button(false));
  queue.push(character('2'));
  EXPECT_EQ(frames(queue), (std::vector<std::string>{"c1", "M+", "M-", "c2"}));
}

TEST(InputQueueTest, WheelTurnsShareAFrameButNotWithAButton) {
  InputQueue queue;
  InputEvent wheel{InputEvent::Kind::Scroll};
  wheel.scroll = 1;
  queue.push(wheel);
  queue.push(wheel);
  queue.push(character('1'));
  queue.push(button(true));
  EXPECT_EQ(queue.takeFrame().size(), 3u);  // two turns and the character
  EXPECT_EQ(queue.takeFrame().size(), 1u);  // the button alone
  EXPECT_TRUE(queue.empty());
}

TEST(InputQueueTest, AutoRepeatIsATransitionToo) {
  InputQueue queue;
  queue.push(key(kBackspace, true));
  queue.push(key(kBackspace, true));  // GLFW_REPEAT
  EXPECT_EQ(frames(queue), (std::vector<std::string>{"K259+", "K259+"}));
}

InputEvent repeat(int code) {
  InputEvent event = key(code, true);
  event.repeat = true;
  return event;
}

TEST(InputQueueTest, AKeyHeldAtALowFrameRateLeavesNoBacklogOfRepeats) {
  // S held through one slow frame: GLFW repeats it five times before the frame takes any.
  InputQueue slow;
  slow.push(key(kS, true));
  for (int i = 0; i < 5; ++i) slow.push(repeat(kS));
  slow.push(key(kS, false));
  EXPECT_EQ(frames(slow), (std::vector<std::string>{"K83+", "K83-"}));
  // The control: at a frame rate above the repeat rate every repeat gets its frame (holding S
  // steps on, as it should).
  InputQueue fast;
  fast.push(key(kS, true));
  EXPECT_EQ(fast.takeFrame().size(), 1u);
  for (int i = 0; i < 3; ++i) {
    fast.push(repeat(kS));
    EXPECT_EQ(fast.takeFrame().size(), 1u);
  }
}

TEST(InputScriptTest, ParsesEveryCommand) {
  const auto commands = parseInputScript(
      "# a comment\n\nwait 3\nclick hyper.d_opt.lr\nclick 12 34.5\ntype 50\nkey Enter  # ok\n"
      "dump out.json\n");
  ASSERT_EQ(commands.size(), 6u);
  EXPECT_EQ(commands[0].kind, ScriptCommand::Kind::Wait);
  EXPECT_EQ(commands[0].number, 3);
  EXPECT_EQ(commands[1].text, "hyper.d_opt.lr");
  EXPECT_FLOAT_EQ(commands[2].y, 34.5f);
  EXPECT_EQ(commands[3].text, "50");
  EXPECT_EQ(commands[4].number, kEnter);
  EXPECT_EQ(commands[5].text, "out.json");
}

TEST(InputScriptTest, BadLinesNameTheLineAndWhatIsAllowed) {
  for (const auto& [text, message] :
       {std::pair{"wait 1\nfly away", "line 2: unknown command \"fly\""},
        {"wait x", "line 1: wait takes a frame count"},
        {"key Hyper", "line 1: unknown key \"Hyper\"; allowed: Enter"},
        {"click", "click takes FIELD or X Y"},
        {"click 1 y", "click X Y takes two numbers"},
        {"type", "type takes the text"}}) {
    try {
      parseInputScript(text);
      ADD_FAILURE() << text;
    } catch (const std::invalid_argument& error) {
      EXPECT_NE(std::string(error.what()).find(message), std::string::npos) << error.what();
    }
  }
}

TEST(InputScriptTest, ClicksAFieldAtItsCentreAndTypesWithKeys) {
  InputScript script(parseInputScript("click f\ntype 5\nkey Enter\nwait 1\ndump x.json"));
  std::unordered_map<std::string, FieldRect> fields{{"f", {10, 20, 30, 40}}};
  std::vector<InputEvent> events;
  std::vector<std::string> dumps;
  script.runFrame(true, fields, events, dumps);
  ASSERT_EQ(events.size(), 7u);  // click (2), '5' (key, char, key), Enter (2)
  EXPECT_EQ(events[0].kind, InputEvent::Kind::MouseButton);
  EXPECT_FLOAT_EQ(events[0].x, 20);
  EXPECT_FLOAT_EQ(events[1].y, 30);
  EXPECT_EQ(events[3].kind, InputEvent::Kind::Char);
  EXPECT_EQ(events[5].code, kEnter);
  EXPECT_TRUE(dumps.empty());
  EXPECT_FALSE(script.done());
  script.runFrame(false, fields, events, dumps);  // queued input: the wait has not begun
  EXPECT_TRUE(dumps.empty());
  script.runFrame(true, fields, events, dumps);  // one empty frame waited
  EXPECT_TRUE(dumps.empty());
  script.runFrame(true, fields, events, dumps);
  EXPECT_EQ(dumps, std::vector<std::string>{"x.json"});
  EXPECT_TRUE(script.done());
}

TEST(InputScriptTest, WheelAndDragActOnTheHandle) {
  InputScript script(parseInputScript("wheel f 2\ndrag f -150"));
  std::unordered_map<std::string, FieldRect> fields{{"f", {10, 20, 30, 40, 50, 30}}};
  std::vector<InputEvent> events;
  std::vector<std::string> dumps;
  script.runFrame(true, fields, events, dumps);
  ASSERT_EQ(events.size(), 6u);
  EXPECT_EQ(events[0].kind, InputEvent::Kind::MouseMove);  // onto the handle first
  EXPECT_FLOAT_EQ(events[0].x, 50);
  EXPECT_EQ(events[1].kind, InputEvent::Kind::Scroll);
  EXPECT_FLOAT_EQ(events[1].scroll, 2);
  EXPECT_EQ(events[3].kind, InputEvent::Kind::MouseButton);  // press on the handle,
  EXPECT_FLOAT_EQ(events[3].x, 50);
  EXPECT_FLOAT_EQ(events[4].x, -100);  // move 150 px left,
  EXPECT_FALSE(events[5].down);        // release there
  EXPECT_THROW(parseInputScript("wheel f"), std::invalid_argument);
  EXPECT_THROW(parseInputScript("drag f far"), std::invalid_argument);
}

TEST(InputScriptTest, ADragInMovesHoldsTheHandleOverThem) {
  InputScript script(parseInputScript("drag f 90 3"));
  std::unordered_map<std::string, FieldRect> fields{{"f", {10, 20, 30, 40, 50, 30}}};
  std::vector<InputEvent> events;
  std::vector<std::string> dumps;
  script.runFrame(true, fields, events, dumps);
  ASSERT_EQ(events.size(), 6u);  // onto the handle, press, 3 moves, release (control: 4 above)
  EXPECT_TRUE(events[1].down);
  for (int i = 0; i < 3; ++i) {
    EXPECT_EQ(events[2 + i].kind, InputEvent::Kind::MouseMove);
    EXPECT_FLOAT_EQ(events[2 + i].x, 50 + 30 * (i + 1));
  }
  EXPECT_EQ(events[5].kind, InputEvent::Kind::MouseButton);
  EXPECT_FALSE(events[5].down);
  EXPECT_FLOAT_EQ(events[5].x, 140);
  for (const char* bad : {"drag f 90 0", "drag f 90 x", "drag f 90 10001", "wheel f 2 3"}) {
    EXPECT_THROW(parseInputScript(bad), std::invalid_argument) << bad;
  }
}

TEST(InputScriptTest, ShiftHoldsShiftOverAClickOrADrag) {
  InputScript script(parseInputScript("shift click f\nclick f\nshift drag f 0"));
  std::unordered_map<std::string, FieldRect> fields{{"f", {10, 20, 30, 40, 50, 30}}};
  std::vector<InputEvent> events;
  std::vector<std::string> dumps;
  script.runFrame(true, fields, events, dumps);
  // Shift down, press, release, Shift up; the plain click's two (the control); Shift down,
  // move, press, move, release, Shift up.
  ASSERT_EQ(events.size(), 12u);
  auto isShift = [](const InputEvent& e, bool down) {
    return e.kind == InputEvent::Kind::Key && e.code == kLeftShift && e.down == down;
  };
  EXPECT_TRUE(isShift(events[0], true));
  EXPECT_EQ(events[1].kind, InputEvent::Kind::MouseButton);
  EXPECT_TRUE(events[1].down);
  EXPECT_FALSE(events[2].down);
  EXPECT_TRUE(isShift(events[3], false));
  EXPECT_EQ(events[4].kind, InputEvent::Kind::MouseButton);
  EXPECT_EQ(events[5].kind, InputEvent::Kind::MouseButton);
  EXPECT_TRUE(isShift(events[6], true));
  EXPECT_EQ(events[7].kind, InputEvent::Kind::MouseMove);
  EXPECT_TRUE(isShift(events[11], false));
  for (const auto& [text, message] :
       {std::pair{"shift type 5", "line 1: shift goes before click or drag only"},
        {"shift", "line 1: unknown command \"\""},
        {"shift shift click f", "line 1: unknown command \"shift\""}}) {
    try {
      parseInputScript(text);
      ADD_FAILURE() << text;
    } catch (const std::invalid_argument& error) {
      EXPECT_NE(std::string(error.what()).find(message), std::string::npos) << error.what();
    }
  }
}

TEST(InputScriptTest, AFieldNotOnScreenIsAnError) {
  InputScript script(parseInputScript("click hyper.nothing"));
  std::vector<InputEvent> events;
  std::vector<std::string> dumps;
  EXPECT_THROW(script.runFrame(true, {}, events, dumps), std::invalid_argument);
}

}  // namespace
}  // namespace ganscope
