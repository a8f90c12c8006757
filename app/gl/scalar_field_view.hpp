// ScalarFieldView: draws a field of values in [0, 1] (D(x) over a 1-D strip now, D over a 2-D
// grid later) through a colormap, with our own shader inside ImGui's draw list.
#pragma once
#include <imgui.h>

#include <array>
#include <cstdint>
#include <optional>
#include <span>

namespace ganscope::gl {

/// 256 RGBA colours for values 0..1.
using Colormap = std::array<ImU32, 256>;

/// The discriminator's colours: green where D calls samples fake (0), white at 1/2, grey where
/// it calls them real (1), so a converged game reads as plain white. Built once.
const Colormap& discriminatorColormap();

class ScalarFieldView {
 public:
  /// Needs the current GL context (loaded by glad); compiles the embedded shaders. Throws
  /// std::runtime_error without a context or when they do not compile.
  explicit ScalarFieldView(const Colormap& colormap);
  ~ScalarFieldView();
  ScalarFieldView(const ScalarFieldView&) = delete;
  ScalarFieldView& operator=(const ScalarFieldView&) = delete;

  /// Replaces the field with `width` x `height` values (row-major, first row at the top) unless
  /// it already holds the values named `key` (e.g. a frame's sequence number): a frame goes to
  /// the GPU once, however often it is drawn.
  void upload(std::span<const float> values, int width, int height, uint64_t key);
  /// Adds the field, stretched over the screen rectangle [min, max], to `draw`'s commands.
  void draw(ImDrawList* draw, ImVec2 min, ImVec2 max);

 private:
  static void render(const ImDrawList* list, const ImDrawCmd* command);

  unsigned program_ = 0, vertex_array_ = 0, field_ = 0, colormap_ = 0;
  int rect_location_ = -1;
  std::optional<uint64_t> key_;  ///< what the field texture holds
  ImVec2 min_, max_;
};

}  // namespace ganscope::gl
