// Window: the GLFW window, the glad GL loader and Dear ImGui's GLFW/OpenGL3 backends, fonts at a
// projector-friendly size with a live UI scale, and PNG capture of a rendered frame.
#pragma once
#include <string>
#include <vector>

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
  /// Applies a pending UI scale, then starts an ImGui frame.
  void beginFrame();
  /// Renders the frame; when `png_path` is set, also writes it as PNG first (false on failure).
  bool endFrame(const std::string& png_path = {});
  /// Sleeps until an input event or `timeout_seconds`; 0 only polls.
  void waitEvents(double timeout_seconds);
  /// Whether any input, resize or expose event arrived since the last call.
  bool takeInput();

  /// A key press (or auto-repeat) as GLFW reported it: GLFW_KEY_* and GLFW_MOD_* bits.
  struct KeyPress {
    int key;
    int mods;
  };
  /// Key presses since the last call, in order. Kept as events, so a press and release that
  /// both arrive between two frames (a fast typist, a remote clicker) are not lost.
  std::vector<KeyPress> takeKeyPresses();

  /// Rebuilds fonts and sizes at `scale` (clamped to 0.5..3) before the next frame.
  void setUiScale(float scale);
  /// GL_RENDERER, e.g. "llvmpipe (LLVM 15.0.6, 256 bits)".
  const std::string& renderer() const { return renderer_; }

 private:
  void buildFonts();
  void installInputCallbacks();
  static void markInput(GLFWwindow* window);
  bool savePng(const std::string& path) const;

  GLFWwindow* window_ = nullptr;
  float ui_scale_ = 1.0f;
  float applied_scale_ = 0.0f;
  bool input_seen_ = true;  // the first frame is always drawn
  std::vector<KeyPress> key_presses_;
  std::string renderer_;
};

}  // namespace ganscope
