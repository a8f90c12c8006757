// Hands one frame's share of the input queue to Dear ImGui 1.86's io (key and button state,
// characters, the wheel and the cursor at the event), keeping ImGui's view of what is held.
// GLFW key codes, but no window: unit tests drive a real ImGui context with it.
#pragma once
#include <array>
#include <vector>

#include "app/shell/input_queue.hpp"

struct ImGuiIO;

namespace ganscope {

/// ImGui's view of the keys (GLFW codes) and mouse buttons, as handed over so far.
struct HeldInput {
  std::array<bool, 512> keys{};
  std::array<bool, 5> buttons{};
};

/// Applies `events` (one InputQueue::takeFrame) to `held` and `io`: call after the platform
/// backend's NewFrame (which polls the cursor) and before ImGui::NewFrame. A button, wheel or
/// move event puts the cursor where it happened.
void applyFrameInput(const std::vector<InputEvent>& events, HeldInput& held, ImGuiIO& io);

}  // namespace ganscope
