// Parsing and running --input-script: commands become the events GLFW would have sent.
#include "app/shell/input_script.hpp"

#define GLFW_INCLUDE_NONE
#include <GLFW/glfw3.h>

#include <cctype>
#include <charconv>
#include <iostream>
#include <stdexcept>

#include "app/shell/window.hpp"
#include "common/atomic_file.hpp"
#include "core/api/session.hpp"
#include "core/config/schema.hpp"

namespace ganscope {
namespace {

struct KeyName {
  const char* name;
  int code;
};
constexpr KeyName kKeyNames[] = {
    {"Enter", GLFW_KEY_ENTER},         {"Escape", GLFW_KEY_ESCAPE}, {"Tab", GLFW_KEY_TAB},
    {"Backspace", GLFW_KEY_BACKSPACE}, {"Space", GLFW_KEY_SPACE},
};

/// The GLFW key code of a key name (Enter, Escape, Tab, Backspace, Space, a letter or digit),
/// or 0.
int keyCode(std::string_view name) {
  for (const KeyName& key : kKeyNames) {
    if (name == key.name) return key.code;
  }
  if (name.size() == 1 && std::isalnum(static_cast<unsigned char>(name[0]))) {
    return std::toupper(static_cast<unsigned char>(name[0]));  // GLFW_KEY_A = 'A', _0 = '0'
  }
  return 0;
}

/// The key that types `c` on a US keyboard (GLFW codes equal ASCII for these), or 0.
int keyOfChar(char c) {
  if (std::isalnum(static_cast<unsigned char>(c)))
    return std::toupper(static_cast<unsigned char>(c));
  if (c == '.') return GLFW_KEY_PERIOD;
  if (c == '-') return GLFW_KEY_MINUS;
  if (c == ' ') return GLFW_KEY_SPACE;
  return 0;
}

std::string_view trim(std::string_view text) {
  const size_t first = text.find_first_not_of(" \t\r");
  if (first == std::string_view::npos) return {};
  return text.substr(first, text.find_last_not_of(" \t\r") - first + 1);
}

template <class T>
bool parseValue(std::string_view text, T& out) {
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), out);
  return error == std::errc() && end == text.data() + text.size();
}

void push(std::vector<InputEvent>& events, InputEvent::Kind kind, int code, bool down, float x = 0,
          float y = 0) {
  InputEvent event;
  event.kind = kind;
  event.code = code;
  event.down = down;
  event.x = x;
  event.y = y;
  events.push_back(event);
}

/// The field a command names, as drawn last frame; throws std::invalid_argument if not shown.
const FieldRect& fieldOnScreen(const std::unordered_map<std::string, FieldRect>& fields,
                               const ScriptCommand& command) {
  const auto found = fields.find(command.text);
  if (found == fields.end()) {
    throw std::invalid_argument("input script line " + std::to_string(command.line) +
                                ": no number field \"" + command.text +
                                "\" on screen (a config path, e.g. hyper.d_opt.lr)");
  }
  return found->second;
}

}  // namespace

const char* inputScriptHelp() {
  return "For testing and automation (needs --screenshot; the PNG is written once the script "
         "is done): one command a line, '#' starts a comment: 'wait N' (once earlier input "
         "is handled, N frames), 'click FIELD' (a number field by its config path, e.g. "
         "hyper.d_opt.lr) or 'click X Y', 'type TEXT', 'key NAME' (pressed and released "
         "together: Enter, Escape, Tab, Backspace, Space, a letter or digit), 'wheel FIELD N' "
         "(N notches over the field's handle), 'drag FIELD DX [MOVES]' (its handle, DX pixels, "
         "in MOVES moves of a frame each: 1 unless given), 'shift click ...' and 'shift drag ...' "
         "(the same with Shift held), "
         "'dump FILE' (the "
         "run's config as JSON, with every change sent so far). Events are queued as a user's "
         "would be, however fast they come";
}

std::vector<ScriptCommand> parseInputScript(std::string_view text) {
  std::vector<ScriptCommand> commands;
  int line_number = 0;
  while (!text.empty()) {
    const size_t end = text.find('\n');
    std::string_view line = text.substr(0, end);
    text = end == std::string_view::npos ? std::string_view{} : text.substr(end + 1);
    ++line_number;
    if (const size_t hash = line.find('#'); hash != std::string_view::npos) {
      line = line.substr(0, hash);
    }
    line = trim(line);
    if (line.empty()) continue;
    // `shift click ...` / `shift drag ...`: the same with Shift held.
    bool shift = false;
    if (line.substr(0, line.find_first_of(" \t")) == "shift") {
      shift = true;
      line = trim(line.substr(5));
    }
    const size_t space = line.find_first_of(" \t");
    const std::string_view verb = line.substr(0, space);
    const std::string_view rest =
        space == std::string_view::npos ? std::string_view{} : trim(line.substr(space));
    const std::string where = "input script line " + std::to_string(line_number) + ": ";
    ScriptCommand command;
    command.line = line_number;
    if (verb == "wait") {
      command.kind = ScriptCommand::Kind::Wait;
      if (!parseValue(rest, command.number) || command.number < 0 || command.number > 100000) {
        throw std::invalid_argument(where + "wait takes a frame count, 0 to 100000");
      }
    } else if (verb == "click") {
      command.kind = ScriptCommand::Kind::Click;
      const size_t gap = rest.find_first_of(" \t");
      if (rest.empty()) throw std::invalid_argument(where + "click takes FIELD or X Y");
      if (gap != std::string_view::npos) {
        if (!parseValue(rest.substr(0, gap), command.x) ||
            !parseValue(trim(rest.substr(gap)), command.y)) {
          throw std::invalid_argument(where + "click X Y takes two numbers (pixels)");
        }
      } else {
        command.text = rest;
      }
    } else if (verb == "type") {
      command.kind = ScriptCommand::Kind::Type;
      if (rest.empty()) throw std::invalid_argument(where + "type takes the text to type");
      command.text = rest;
    } else if (verb == "key") {
      command.kind = ScriptCommand::Kind::Key;
      command.number = keyCode(rest);
      if (command.number == 0) {
        throw std::invalid_argument(where + "unknown key \"" + std::string(rest) +
                                    "\"; allowed: Enter, Escape, Tab, Backspace, Space, a "
                                    "letter or a digit");
      }
    } else if (verb == "wheel" || verb == "drag") {
      command.kind = verb == "wheel" ? ScriptCommand::Kind::Wheel : ScriptCommand::Kind::Drag;
      const size_t gap = rest.find_first_of(" \t");
      std::string_view numbers = gap == std::string_view::npos ? "" : trim(rest.substr(gap));
      // drag FIELD DX MOVES: the handle held over MOVES moves.
      const size_t second = numbers.find_first_of(" \t");
      if (verb == "drag" && second != std::string_view::npos) {
        if (!parseValue(trim(numbers.substr(second)), command.moves) || command.moves < 1 ||
            command.moves > 10000) {
          throw std::invalid_argument(where +
                                      "drag's MOVES must be a whole number from 1 to "
                                      "10000");
        }
        numbers = numbers.substr(0, second);
      }
      if (gap == std::string_view::npos || !parseValue(numbers, command.number)) {
        throw std::invalid_argument(where + std::string(verb) +
                                    " takes FIELD and a whole number (" +
                                    (verb == "wheel" ? "notches"
                                                     : "pixels, then optionally the "
                                                       "moves") +
                                    ")");
      }
      command.text = rest.substr(0, gap);
    } else if (verb == "dump") {
      command.kind = ScriptCommand::Kind::Dump;
      if (rest.empty()) throw std::invalid_argument(where + "dump takes a file name");
      command.text = rest;
    } else {
      throw std::invalid_argument(
          where + "unknown command \"" + std::string(verb) +
          "\"; allowed: wait, click, type, key, wheel, drag, dump (click and drag "
          "also after shift)");
    }
    if (shift && command.kind != ScriptCommand::Kind::Click &&
        command.kind != ScriptCommand::Kind::Drag) {
      throw std::invalid_argument(where + "shift goes before click or drag only");
    }
    command.shift = shift;
    commands.push_back(std::move(command));
  }
  return commands;
}

void InputScript::runFrame(bool queue_empty,
                           const std::unordered_map<std::string, FieldRect>& fields,
                           std::vector<InputEvent>& events, std::vector<std::string>& dumps) {
  if (waiting_ > 0) {
    if (queue_empty) --waiting_;
    return;
  }
  while (next_ < commands_.size()) {
    const ScriptCommand& command = commands_[next_++];
    switch (command.kind) {
      case ScriptCommand::Kind::Wait:
        waiting_ = command.number;
        if (waiting_ > 0) return;
        break;
      case ScriptCommand::Kind::Click: {
        float x = command.x, y = command.y;
        if (!command.text.empty()) {
          const FieldRect& rect = fieldOnScreen(fields, command);
          x = (rect.x0 + rect.x1) / 2;
          y = (rect.y0 + rect.y1) / 2;
        }
        if (command.shift) push(events, InputEvent::Kind::Key, GLFW_KEY_LEFT_SHIFT, true);
        push(events, InputEvent::Kind::MouseButton, 0, true, x, y);
        push(events, InputEvent::Kind::MouseButton, 0, false, x, y);
        if (command.shift) push(events, InputEvent::Kind::Key, GLFW_KEY_LEFT_SHIFT, false);
        break;
      }
      case ScriptCommand::Kind::Wheel: {
        const FieldRect& rect = fieldOnScreen(fields, command);
        push(events, InputEvent::Kind::MouseMove, 0, true, rect.handle_x, rect.handle_y);
        InputEvent wheel;
        wheel.kind = InputEvent::Kind::Scroll;
        wheel.x = rect.handle_x;
        wheel.y = rect.handle_y;
        wheel.scroll = static_cast<float>(command.number);
        events.push_back(wheel);
        break;
      }
      case ScriptCommand::Kind::Drag: {
        const FieldRect& rect = fieldOnScreen(fields, command);
        const float x = rect.handle_x, y = rect.handle_y, to = x + command.number;
        if (command.shift) push(events, InputEvent::Kind::Key, GLFW_KEY_LEFT_SHIFT, true);
        push(events, InputEvent::Kind::MouseMove, 0, true, x, y);
        push(events, InputEvent::Kind::MouseButton, 0, true, x, y);
        for (int i = 1; i <= command.moves; ++i) {  // a frame each: a hand moving the handle
          push(events, InputEvent::Kind::MouseMove, 0, true,
               x + static_cast<float>(command.number) * i / command.moves, y);
        }
        push(events, InputEvent::Kind::MouseButton, 0, false, to, y);
        if (command.shift) push(events, InputEvent::Kind::Key, GLFW_KEY_LEFT_SHIFT, false);
        break;
      }
      case ScriptCommand::Kind::Type:
        for (const char c : command.text) {
          const int key = keyOfChar(c);
          if (key) push(events, InputEvent::Kind::Key, key, true);
          push(events, InputEvent::Kind::Char, static_cast<unsigned char>(c), true);
          if (key) push(events, InputEvent::Kind::Key, key, false);
        }
        break;
      case ScriptCommand::Kind::Key:
        push(events, InputEvent::Kind::Key, command.number, true);
        push(events, InputEvent::Kind::Key, command.number, false);
        break;
      case ScriptCommand::Kind::Dump:
        dumps.push_back(command.text);
        break;
    }
  }
}

bool runInputScriptFrame(InputScript& script, Window& window, const NumberFieldState& fields,
                         const Session& session) {
  std::vector<InputEvent> events;
  std::vector<std::string> dumps;
  try {
    script.runFrame(window.inputQueueEmpty(), fields.rects, events, dumps);
    for (const InputEvent& event : events) window.queueInput(event);
    for (const std::string& path : dumps) {
      writeFileAtomically(path, configToJson(session.config()).dump(2) + "\n");
    }
  } catch (const std::exception& error) {
    std::cerr << "ganscope: --input-script: " << error.what() << "\n";
    return false;
  }
  return true;
}

}  // namespace ganscope
