// Scripted input for tests and automation (--input-script): a text of commands that the window
// turns into real input events, queued as a user's would be, one frame at a time.
#pragma once
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "app/shell/input_queue.hpp"
#include "app/widgets/number_field.hpp"

namespace ganscope {

class Session;
class Window;

/// One line of a script.
struct ScriptCommand {
  enum class Kind : uint8_t {
    Wait,   ///< `wait N`: once the queue is empty, N more frames
    Click,  ///< `click FIELD` (a number field by its config path) or `click X Y`
    Type,   ///< `type TEXT`: each character with its key's press and release
    Key,    ///< `key NAME`: press and release together (Enter, Escape, Tab, Backspace, A-Z, 0-9)
    Wheel,  ///< `wheel FIELD N`: the cursor onto the field's handle, then N wheel notches
    Drag,   ///< `drag FIELD DX [MOVES]`: press on the field's handle, move DX pixels right
            ///< (in MOVES moves, a frame each), release
    Dump,   ///< `dump FILE`: write the first run's config (every command sent so far) as JSON
  };
  Kind kind = Kind::Wait;
  int line = 0;        ///< line number, for messages
  std::string text;    ///< Click: the field; Type: the text; Dump: the file
  int number = 0;      ///< Wait: frames; Key: the GLFW key code; Wheel: notches; Drag: pixels
  float x = 0, y = 0;  ///< Click at a position (text empty)
  int moves = 1;       ///< Drag: the moves the handle makes while held
  bool shift = false;  ///< Click, Drag: `shift click ...`, `shift drag ...`: Shift held over it
};

/// Parses a script: one command a line, `#` starts a comment. Throws std::invalid_argument
/// naming the line and what is allowed.
std::vector<ScriptCommand> parseInputScript(std::string_view text);

/// The usage text for --help.
const char* inputScriptHelp();

/// Runs a script over frames.
class InputScript {
 public:
  explicit InputScript(std::vector<ScriptCommand> commands) : commands_(std::move(commands)) {}

  /// Runs the commands due this frame: their events go to `events`, the files to dump to
  /// `dumps`. `queue_empty` says whether earlier events have all been handed to ImGui; `fields`
  /// are the number fields on screen. Throws std::invalid_argument for a field not on screen.
  void runFrame(bool queue_empty, const std::unordered_map<std::string, FieldRect>& fields,
                std::vector<InputEvent>& events, std::vector<std::string>& dumps);
  /// Every command has run.
  bool done() const { return next_ >= commands_.size() && waiting_ == 0; }

 private:
  std::vector<ScriptCommand> commands_;
  size_t next_ = 0;
  int waiting_ = 0;  // frames still to wait
};

/// Before a frame: queues the script's events due now in `window` and writes its dumps of
/// `session`'s config. False, after saying why on stderr, when the script fails.
bool runInputScriptFrame(InputScript& script, Window& window, const NumberFieldState& fields,
                         const Session& session);

}  // namespace ganscope
