// Window: the GLFW window, the glad GL loader and Dear ImGui's GLFW/OpenGL3 backends, fonts at a
// projector-friendly size with a live UI scale, the app's own input queue (keys, characters and
// mouse buttons reach ImGui one transition per frame) and PNG capture of a rendered frame.
#pragma once
#include <string>
#include <vector>

#include "app/shell/imgui_input.hpp"
#include "app/shell/input_queue.hpp"

struct GLFWwindow;

namespace ganscope {

struct WindowOptions {
  int width = 1600;  ///< initial size in screen coordinates
  int height = 900;
  std::string title = "ganscope";
  float ui_scale = 1.0f;  ///< multiplies the base font size and all ImGui sizes
};

class Window {
 public:
  /// Opens the window; throws std::runtime_error saying what is missing (display, GL 3.3).
  explicit Window(const WindowOptions& options);
  ~Window();
  Window(const Window&) = delete;
  Window& operator=(const Window&) = delete;

  bool shouldClose() const;
  /// Applies a pending UI scale, then starts an ImGui frame with this frame's share of the
  /// queued input (see InputQueue::takeFrame).
  void beginFrame();
  /// Renders the frame; when `png_path` is set, also writes it as PNG first (false on failure).
  bool endFrame(const std::string& png_path = {});
  /// Sleeps until an input event or `timeout_seconds`; 0 only polls, as does any call while
  /// queued input waits for its frame.
  void waitEvents(double timeout_seconds);
  /// Whether any input, resize or expose event arrived since the last call, or queued input
  /// still waits for its frame.
  bool takeInput();
  /// Queues an event as if GLFW had reported it (scripted input, --input-script).
  void queueInput(const InputEvent& event);
  /// No queued input waits for a frame.
  bool inputQueueEmpty() const { return input_.empty(); }

  /// A key press (or auto-repeat) as GLFW reported it: GLFW_KEY_* and GLFW_MOD_* bits.
  struct KeyPress {
    int key;
    int mods;
  };
  /// The key presses handed to ImGui in this frame (see beginFrame), in order. Queued as
  /// events, so a press and release that both arrive between two frames (a fast typist, a
  /// remote clicker) are not lost.
  std::vector<KeyPress> takeKeyPresses();

  /// Rebuilds fonts and sizes at `scale` (clamped to 0.5..3) before the next frame.
  void setUiScale(float scale);
  /// GL_RENDERER, e.g. "llvmpipe (LLVM 15.0.6, 256 bits)".
  const std::string& renderer() const { return renderer_; }

 private:
  void buildFonts();
  void installInputCallbacks();
  void installQueueCallbacks();
  void applyQueuedInput();
  static void markInput(GLFWwindow* window);
  static void queueScroll(GLFWwindow* window, double x, double y);
  bool savePng(const std::string& path) const;

  GLFWwindow* window_ = nullptr;
  float ui_scale_ = 1.0f;
  float applied_scale_ = 0.0f;
  bool input_seen_ = true;  // the first frame is always drawn
  std::vector<KeyPress> key_presses_;
  InputQueue input_;
  HeldInput held_;  // ImGui's view of the keys and buttons, as handed over so far
  std::string renderer_;
};

}  // namespace ganscope
