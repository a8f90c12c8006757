// applyFrameInput: a frame's queued events into ImGui's io.
#include "app/shell/imgui_input.hpp"

#define GLFW_INCLUDE_NONE
#include <GLFW/glfw3.h>  // key codes only
#include <imgui.h>

#include <algorithm>

namespace ganscope {

void applyFrameInput(const std::vector<InputEvent>& events, HeldInput& held, ImGuiIO& io) {
  for (const InputEvent& event : events) {
    switch (event.kind) {
      case InputEvent::Kind::Key:
        if (event.code >= 0 && event.code < static_cast<int>(held.keys.size())) {
          held.keys[event.code] = event.down;
        }
        break;
      case InputEvent::Kind::Char:
        io.AddInputCharacter(static_cast<unsigned int>(event.code));
        break;
      case InputEvent::Kind::MouseButton:
        if (event.code >= 0 && event.code < static_cast<int>(held.buttons.size())) {
          held.buttons[event.code] = event.down;
        }
        io.MousePos = ImVec2(event.x, event.y);  // where the click was, not where the cursor is
        break;
      case InputEvent::Kind::Scroll:
        io.MousePos = ImVec2(event.x, event.y);
        io.MouseWheel += event.scroll;
        io.MouseWheelH += event.scroll_x;
        break;
      case InputEvent::Kind::MouseMove:
        io.MousePos = ImVec2(event.x, event.y);
        break;
    }
  }
  static_assert(sizeof(io.KeysDown) / sizeof(io.KeysDown[0]) == 512);
  std::copy(held.keys.begin(), held.keys.end(), io.KeysDown);
  std::copy(held.buttons.begin(), held.buttons.end(), io.MouseDown);
  const auto& keys = held.keys;
  io.KeyCtrl = keys[GLFW_KEY_LEFT_CONTROL] || keys[GLFW_KEY_RIGHT_CONTROL];
  io.KeyShift = keys[GLFW_KEY_LEFT_SHIFT] || keys[GLFW_KEY_RIGHT_SHIFT];
  io.KeyAlt = keys[GLFW_KEY_LEFT_ALT] || keys[GLFW_KEY_RIGHT_ALT];
  io.KeySuper = keys[GLFW_KEY_LEFT_SUPER] || keys[GLFW_KEY_RIGHT_SUPER];
}

}  // namespace ganscope
