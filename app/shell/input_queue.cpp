// InputQueue: the one-transition-per-key-per-frame rule.
#include "app/shell/input_queue.hpp"

#include <algorithm>

namespace ganscope {

void InputQueue::push(const InputEvent& event) {
  if (event.kind == InputEvent::Kind::Key && event.repeat) {
    const bool waiting = std::any_of(pending_.begin(), pending_.end(), [&](const InputEvent& e) {
      return e.kind == InputEvent::Kind::Key && e.code == event.code;
    });
    if (waiting) return;
  }
  pending_.push_back(event);
}

std::vector<InputEvent> InputQueue::takeFrame() {
  std::vector<InputEvent> frame;
  std::vector<int> keys;  // keys with a transition this frame
  bool special_pressed = false;
  while (!pending_.empty()) {
    const InputEvent& event = pending_.front();
    if (event.kind == InputEvent::Kind::MouseButton || event.kind == InputEvent::Kind::MouseMove) {
      if (!frame.empty()) break;  // a click or move starts a frame of its own
      frame.push_back(event);
      pending_.pop_front();
      break;  // and ends it
    }
    if (event.kind == InputEvent::Kind::Char) {
      if (special_pressed) break;
    } else if (event.kind == InputEvent::Kind::Key) {
      if (std::find(keys.begin(), keys.end(), event.code) != keys.end()) break;
      keys.push_back(event.code);
      special_pressed |= event.down && event.code >= kFirstSpecialKey;
    }
    frame.push_back(event);
    pending_.pop_front();
  }
  return frame;
}

}  // namespace ganscope
