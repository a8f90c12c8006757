// ScalarFieldView: a GL program drawn from an ImGui draw-list callback.
#include "app/gl/scalar_field_view.hpp"

#include <glad/gl.h>

#include <stdexcept>
#include <string>

#include "common/embedded.hpp"

namespace ganscope {
std::span<const EmbeddedFile> embedded_shaders();

namespace gl {
namespace {

std::string_view shaderSource(std::string_view name) {
  for (const EmbeddedFile& file : embedded_shaders()) {
    if (file.name == name) return file.text;
  }
  throw std::runtime_error("shader " + std::string(name) + " is not embedded");
}

/// Throws with GL's info log if `object`'s `status` (compile or link) failed, deleting it.
void check(GLuint object, GLenum status, void (*get_iv)(GLuint, GLenum, GLint*),
           void (*get_log)(GLuint, GLsizei, GLsizei*, GLchar*), void (*destroy)(GLuint),
           const std::string& what) {
  GLint ok = 0;
  get_iv(object, status, &ok);
  if (ok) return;
  char log[1024] = {};
  get_log(object, sizeof(log), nullptr, log);
  destroy(object);
  throw std::runtime_error(what + ": " + log);
}

GLuint compile(GLenum type, std::string_view name) {
  const std::string_view source = shaderSource(name);
  const GLuint shader = glCreateShader(type);
  const GLchar* text = source.data();
  const GLint length = static_cast<GLint>(source.size());
  glShaderSource(shader, 1, &text, &length);
  glCompileShader(shader);
  check(shader, GL_COMPILE_STATUS, glGetShaderiv, glGetShaderInfoLog, glDeleteShader,
        "shader " + std::string(name) + " does not compile");
  return shader;
}

GLuint link(std::string_view vertex_name, std::string_view fragment_name) {
  const GLuint vertex = compile(GL_VERTEX_SHADER, vertex_name);
  const GLuint fragment = compile(GL_FRAGMENT_SHADER, fragment_name);
  const GLuint program = glCreateProgram();
  glAttachShader(program, vertex);
  glAttachShader(program, fragment);
  glLinkProgram(program);
  glDeleteShader(vertex);
  glDeleteShader(fragment);
  check(program, GL_LINK_STATUS, glGetProgramiv, glGetProgramInfoLog, glDeleteProgram,
        "shaders do not link");
  return program;
}

GLuint makeTexture() {
  GLuint texture = 0;
  glGenTextures(1, &texture);
  glBindTexture(GL_TEXTURE_2D, texture);
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_LINEAR);
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_LINEAR);
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_S, GL_CLAMP_TO_EDGE);
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_T, GL_CLAMP_TO_EDGE);
  return texture;
}

ImU32 mix(ImU32 a, ImU32 b, float t) {
  const ImVec4 x = ImGui::ColorConvertU32ToFloat4(a), y = ImGui::ColorConvertU32ToFloat4(b);
  return ImGui::ColorConvertFloat4ToU32(ImVec4(x.x + (y.x - x.x) * t, x.y + (y.y - x.y) * t,
                                               x.z + (y.z - x.z) * t, x.w + (y.w - x.w) * t));
}

}  // namespace

const Colormap& discriminatorColormap() {
  constexpr ImU32 kFake = IM_COL32(60, 175, 95, 255);  // the generator's green, lighter
  constexpr ImU32 kEven = IM_COL32(255, 255, 255, 255);
  constexpr ImU32 kReal = IM_COL32(90, 90, 90, 255);  // the data's black, lighter
  static const Colormap colormap = [&] {
    Colormap table;
    for (int i = 0; i < 256; ++i) {
      const float t = i / 255.0f;
      table[i] = t < 0.5f ? mix(kFake, kEven, t * 2) : mix(kEven, kReal, t * 2 - 1);
    }
    return table;
  }();
  return colormap;
}

ScalarFieldView::ScalarFieldView(const Colormap& colormap) {
  if (!glad_glCreateShader) throw std::runtime_error("OpenGL is not loaded");
  program_ = link("scalar_field.vert", "scalar_field.frag");
  rect_location_ = glGetUniformLocation(program_, "rect");
  glUseProgram(program_);
  glUniform1i(glGetUniformLocation(program_, "field"), 0);
  glUniform1i(glGetUniformLocation(program_, "colormap"), 1);
  glUseProgram(0);
  glGenVertexArrays(1, &vertex_array_);
  field_ = makeTexture();
  colormap_ = makeTexture();
  glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA8, 256, 1, 0, GL_RGBA, GL_UNSIGNED_BYTE, colormap.data());
}

ScalarFieldView::~ScalarFieldView() {
  glDeleteTextures(1, &field_);
  glDeleteTextures(1, &colormap_);
  glDeleteVertexArrays(1, &vertex_array_);
  glDeleteProgram(program_);
}

void ScalarFieldView::upload(std::span<const float> values, int width, int height, uint64_t key) {
  if (key_ == key) return;
  key_ = key;
  glBindTexture(GL_TEXTURE_2D, field_);
  glPixelStorei(GL_UNPACK_ALIGNMENT, 4);
  glTexImage2D(GL_TEXTURE_2D, 0, GL_R32F, width, height, 0, GL_RED, GL_FLOAT, values.data());
}

void ScalarFieldView::draw(ImDrawList* draw, ImVec2 min, ImVec2 max) {
  min_ = min;
  max_ = max;
  draw->AddCallback(&ScalarFieldView::render, this);
  draw->AddCallback(ImDrawCallback_ResetRenderState, nullptr);  // ImGui's state back
}

void ScalarFieldView::render(const ImDrawList*, const ImDrawCmd* command) {
  const auto* self = static_cast<const ScalarFieldView*>(command->UserCallbackData);
  const ImDrawData* data = ImGui::GetDrawData();
  const ImVec2 origin = data->DisplayPos, size = data->DisplaySize;
  const ImVec2 scale = data->FramebufferScale;
  // The backend sets no scissor for callbacks: clip to this command's rectangle ourselves.
  const ImVec4 clip = command->ClipRect;
  glScissor(static_cast<GLint>((clip.x - origin.x) * scale.x),
            static_cast<GLint>((size.y - (clip.w - origin.y)) * scale.y),
            static_cast<GLsizei>((clip.z - clip.x) * scale.x),
            static_cast<GLsizei>((clip.w - clip.y) * scale.y));
  auto ndcX = [&](float x) { return 2 * (x - origin.x) / size.x - 1; };
  auto ndcY = [&](float y) { return 1 - 2 * (y - origin.y) / size.y; };
  glUseProgram(self->program_);
  glUniform4f(self->rect_location_, ndcX(self->min_.x), ndcY(self->max_.y), ndcX(self->max_.x),
              ndcY(self->min_.y));
  glActiveTexture(GL_TEXTURE1);
  glBindTexture(GL_TEXTURE_2D, self->colormap_);
  glActiveTexture(GL_TEXTURE0);
  glBindTexture(GL_TEXTURE_2D, self->field_);
  glBindVertexArray(self->vertex_array_);
  glDrawArrays(GL_TRIANGLE_STRIP, 0, 4);
}

}  // namespace gl
}  // namespace ganscope
