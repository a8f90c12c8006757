// The app's own queue of key, character and mouse-button events for Dear ImGui 1.86, which reads
// the key and button state once per frame: events are handed over one transition per key (and
// button) per frame, in order, so a press and release between two frames are both seen.
// GLFW- and GL-free; Window feeds it from GLFW callbacks and applies each frame's share to ImGui.
#pragma once
#include <cstddef>
#include <cstdint>
#include <deque>
#include <vector>

namespace ganscope {

/// One input event as the window system reported it.
struct InputEvent {
  /// MouseMove comes from scripts only: the window polls the real cursor every frame.
  enum class Kind : uint8_t { Key, Char, MouseButton, Scroll, MouseMove };
  Kind kind = Kind::Key;
  int code = 0;         ///< key code (GLFW_KEY_*), Unicode code point, or mouse button (0: left)
  bool down = true;     ///< keys and buttons: pressed (true) or released; chars: unused
  int mods = 0;         ///< modifier bits at the event (GLFW_MOD_*)
  bool repeat = false;  ///< Key: an auto-repeat of a key held down (GLFW_REPEAT)
  float x = 0, y = 0;   ///< mouse events: the cursor position at the event, screen coordinates
  float scroll = 0;     ///< Scroll: wheel notches, up positive
  float scroll_x = 0;   ///< Scroll: horizontal notches
};

/// Key codes from this one up are not printable (GLFW_KEY_ESCAPE = 256 and above): ImGui acts on
/// their presses after the frame's characters, so a character after one waits a frame.
inline constexpr int kFirstSpecialKey = 256;

/// Queued events and the frame-by-frame share of them.
class InputQueue {
 public:
  /// Queues `event`; an auto-repeat is dropped while an event of its key still waits, so a
  /// key held at a frame rate below the repeat rate leaves at most one repeat behind (never a
  /// backlog of steps or speed changes that fire after the key is released).
  void push(const InputEvent& event);
  bool empty() const { return pending_.empty(); }
  size_t size() const { return pending_.size(); }

  /// The events of the next frame, in order: stops before the second transition of a key,
  /// before a character that follows a special key's press, and around a mouse button or move
  /// (each comes alone in its frame), so the frame's state is what the user did in that order.
  /// A repeated press (auto-repeat) counts as a transition too. Wheel turns share frames (they
  /// add up in ImGui) but not with a button or move.
  std::vector<InputEvent> takeFrame();

 private:
  std::deque<InputEvent> pending_;
};

}  // namespace ganscope
