// Window: GLFW + glad + ImGui setup, fonts and scaling, the input queue, frame capture to PNG.
#include "app/shell/window.hpp"

#include <glad/gl.h>
#define GLFW_INCLUDE_NONE
#include <GLFW/glfw3.h>
#include <imgui.h>
#include <imgui_impl_glfw.h>
#include <imgui_impl_opengl3.h>
#include <stb_image_write.h>

#include <algorithm>
#include <stdexcept>
#include <vector>

#include "app/i18n/strings.hpp"
#include "app/shell/ui_fonts.hpp"

namespace ganscope {
namespace {

constexpr float kBaseFontPx = 18.0f;  // DejaVu Sans at 18 px reads well on a projector

std::string lastGlfwError() {
  const char* description = nullptr;
  glfwGetError(&description);
  return description ? description : "unknown GLFW error";
}

}  // namespace

Window::Window(const WindowOptions& options) : ui_scale_(options.ui_scale) {
  if (!glfwInit()) {
    throw std::runtime_error("cannot open a window (" + lastGlfwError() +
                             "). Is DISPLAY set? Use xvfb-run for a virtual display, or "
                             "--headless to train without a window.");
  }
  glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
  glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 3);
  glfwWindowHint(GLFW_OPENGL_PROFILE, GLFW_OPENGL_CORE_PROFILE);
  glfwWindowHint(GLFW_OPENGL_FORWARD_COMPAT, GLFW_TRUE);
  window_ =
      glfwCreateWindow(options.width, options.height, options.title.c_str(), nullptr, nullptr);
  if (!window_) {
    const std::string error = lastGlfwError();
    glfwTerminate();
    throw std::runtime_error("cannot create an OpenGL 3.3 core window: " + error);
  }
  glfwMakeContextCurrent(window_);
  glfwSwapInterval(1);
  if (!gladLoadGL(glfwGetProcAddress)) {
    glfwDestroyWindow(window_);
    glfwTerminate();
    throw std::runtime_error("cannot load OpenGL 3.3 core functions");
  }
  renderer_ = reinterpret_cast<const char*>(glGetString(GL_RENDERER));

  installInputCallbacks();  // before ImGui's, which chain to them
  IMGUI_CHECKVERSION();
  ImGui::CreateContext();
  ImGui::GetIO().IniFilename = nullptr;  // the layout is computed, not saved
  ImGui::StyleColorsLight();
  ImGui_ImplGlfw_InitForOpenGL(window_, true);
  installQueueCallbacks();  // after ImGui's: keys, characters and buttons go through the queue
  ImGui_ImplOpenGL3_Init("#version 330 core");
}

Window::~Window() {
  ImGui_ImplOpenGL3_Shutdown();
  ImGui_ImplGlfw_Shutdown();
  ImGui::DestroyContext();
  glfwDestroyWindow(window_);
  glfwTerminate();
}

bool Window::shouldClose() const {
  return glfwWindowShouldClose(window_);
}

void Window::markInput(GLFWwindow* window) {
  static_cast<Window*>(glfwGetWindowUserPointer(window))->input_seen_ = true;
}

void Window::installInputCallbacks() {
  glfwSetWindowUserPointer(window_, this);
  constexpr auto seen = &Window::markInput;
  glfwSetCursorPosCallback(window_, [](GLFWwindow* w, double, double) { seen(w); });
  glfwSetWindowFocusCallback(window_, [](GLFWwindow* w, int focused) {
    seen(w);
    if (!focused) {  // ImGui clears its keys on focus loss; keys released elsewhere stay up
      Window& self = *static_cast<Window*>(glfwGetWindowUserPointer(w));
      self.held_ = {};
    }
  });
  glfwSetCursorEnterCallback(window_, [](GLFWwindow* w, int) { seen(w); });
  glfwSetFramebufferSizeCallback(window_, [](GLFWwindow* w, int, int) { seen(w); });
  glfwSetWindowRefreshCallback(window_, [](GLFWwindow* w) { seen(w); });
}

// Replaces the ImGui backend's key, character, mouse-button and scroll callbacks: their events
// are queued and handed to ImGui by applyQueuedInput, one transition per key and button per
// frame, in order with the wheel. (The backend's versions only set io.KeysDown,
// io.AddInputCharacter, a just-pressed flag and io.MouseWheel.)
void Window::installQueueCallbacks() {
  glfwSetScrollCallback(window_, &Window::queueScroll);
  glfwSetKeyCallback(window_, [](GLFWwindow* w, int key, int, int action, int mods) {
    if (key < 0) return;  // GLFW_KEY_UNKNOWN
    InputEvent event;
    event.kind = InputEvent::Kind::Key;
    event.code = key;
    event.down = action != GLFW_RELEASE;
    event.repeat = action == GLFW_REPEAT;
    event.mods = mods;
    static_cast<Window*>(glfwGetWindowUserPointer(w))->queueInput(event);
  });
  glfwSetCharCallback(window_, [](GLFWwindow* w, unsigned int c) {
    InputEvent event;
    event.kind = InputEvent::Kind::Char;
    event.code = static_cast<int>(c);
    static_cast<Window*>(glfwGetWindowUserPointer(w))->queueInput(event);
  });
  glfwSetMouseButtonCallback(window_, [](GLFWwindow* w, int button, int action, int mods) {
    double x = 0, y = 0;
    glfwGetCursorPos(w, &x, &y);
    InputEvent event;
    event.kind = InputEvent::Kind::MouseButton;
    event.code = button;
    event.down = action == GLFW_PRESS;
    event.mods = mods;
    event.x = static_cast<float>(x);
    event.y = static_cast<float>(y);
    static_cast<Window*>(glfwGetWindowUserPointer(w))->queueInput(event);
  });
}

void Window::queueScroll(GLFWwindow* window, double x, double y) {
  double cursor_x = 0, cursor_y = 0;
  glfwGetCursorPos(window, &cursor_x, &cursor_y);
  InputEvent event;
  event.kind = InputEvent::Kind::Scroll;
  event.x = static_cast<float>(cursor_x);
  event.y = static_cast<float>(cursor_y);
  event.scroll = static_cast<float>(y);
  event.scroll_x = static_cast<float>(x);
  static_cast<Window*>(glfwGetWindowUserPointer(window))->queueInput(event);
}

void Window::queueInput(const InputEvent& event) {
  input_.push(event);
  input_seen_ = true;
}

// After the backend's NewFrame (which polls the cursor and the buttons' state now), before
// ImGui's: ImGui sees the keys and buttons as the queue has handed them over so far.
void Window::applyQueuedInput() {
  const std::vector<InputEvent> events = input_.takeFrame();
  key_presses_.clear();
  for (const InputEvent& event : events) {
    if (event.kind == InputEvent::Kind::Key && event.down) {
      key_presses_.push_back({event.code, event.mods});
    }
  }
  applyFrameInput(events, held_, ImGui::GetIO());
}

std::vector<Window::KeyPress> Window::takeKeyPresses() {
  std::vector<KeyPress> presses;
  presses.swap(key_presses_);
  return presses;
}

bool Window::takeInput() {
  const bool seen = input_seen_ || !input_.empty();
  input_seen_ = false;
  return seen;
}

void Window::setUiScale(float scale) {
  ui_scale_ = std::clamp(scale, 0.5f, 3.0f);
}

void Window::buildFonts() {
  ImGuiIO& io = ImGui::GetIO();
  io.Fonts->Clear();
  i18n::setFontSupport(addUiFonts(*io.Fonts, kBaseFontPx * ui_scale_));
  ImGui_ImplOpenGL3_DestroyFontsTexture();
  ImGui_ImplOpenGL3_CreateFontsTexture();

  ImGuiStyle& style = ImGui::GetStyle();
  style = ImGuiStyle();
  ImGui::StyleColorsLight(&style);
  style.WindowRounding = 3;
  style.FrameRounding = 3;
  style.ScaleAllSizes(ui_scale_);
  applied_scale_ = ui_scale_;
}

void Window::beginFrame() {
  if (applied_scale_ != ui_scale_) buildFonts();
  ImGui_ImplOpenGL3_NewFrame();
  ImGui_ImplGlfw_NewFrame();
  applyQueuedInput();
  ImGui::NewFrame();
}

bool Window::endFrame(const std::string& png_path) {
  ImGui::Render();
  int width = 0, height = 0;
  glfwGetFramebufferSize(window_, &width, &height);
  glViewport(0, 0, width, height);
  glClearColor(0.94f, 0.94f, 0.94f, 1.0f);
  glClear(GL_COLOR_BUFFER_BIT);
  ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
  const bool saved = png_path.empty() || savePng(png_path);
  glfwSwapBuffers(window_);
  return saved;
}

bool Window::savePng(const std::string& path) const {
  int width = 0, height = 0;
  glfwGetFramebufferSize(window_, &width, &height);
  std::vector<unsigned char> pixels(static_cast<size_t>(width) * height * 3);
  glPixelStorei(GL_PACK_ALIGNMENT, 1);
  glReadBuffer(GL_BACK);
  glReadPixels(0, 0, width, height, GL_RGB, GL_UNSIGNED_BYTE, pixels.data());
  // OpenGL's first row is the bottom one; PNG's is the top.
  const int stride = width * 3;
  std::vector<unsigned char> flipped(pixels.size());
  for (int y = 0; y < height; ++y) {
    std::copy_n(&pixels[static_cast<size_t>(height - 1 - y) * stride], stride,
                &flipped[static_cast<size_t>(y) * stride]);
  }
  return stbi_write_png(path.c_str(), width, height, 3, flipped.data(), stride) != 0;
}

void Window::waitEvents(double timeout_seconds) {
  if (timeout_seconds <= 0 || !input_.empty()) {
    glfwPollEvents();
  } else {
    glfwWaitEventsTimeout(timeout_seconds);
  }
}

}  // namespace ganscope
