// ImageAtlas: a plain GL texture; ImGui's OpenGL backend draws it by its id.
#include "app/gl/image_atlas.hpp"

#include <glad/gl.h>

#include <algorithm>
#include <cstdint>
#include <stdexcept>

namespace ganscope::gl {

ImageAtlas::ImageAtlas() {
  if (!glad_glGenTextures) throw std::runtime_error("OpenGL is not loaded");
  glGenTextures(1, &texture_);
  glBindTexture(GL_TEXTURE_2D, texture_);
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_S, GL_CLAMP_TO_EDGE);
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_T, GL_CLAMP_TO_EDGE);
  setLinear(false);
}

ImageAtlas::~ImageAtlas() {
  glDeleteTextures(1, &texture_);
}

void ImageAtlas::show(std::span<const uint8_t> images, const GridKey& key, int gap) {
  if (!gate_.take(key)) return;
  ImageGridOptions options;
  options.side = key.side;
  options.gap = gap;
  const size_t cells = static_cast<size_t>(key.side) * key.side;
  const size_t image_bytes = static_cast<size_t>(options.image_rows) * options.image_cols;
  const RgbaImage image =
      tileImages(images.first(std::min(images.size(), cells * image_bytes)), options);
  glBindTexture(GL_TEXTURE_2D, texture_);
  glPixelStorei(GL_UNPACK_ALIGNMENT, 1);
  glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA8, image.width, image.height, 0, GL_RGBA, GL_UNSIGNED_BYTE,
               image.pixels.data());
  width_ = image.width;
  height_ = image.height;
}

void ImageAtlas::setLinear(bool linear) {
  if (linear_ == static_cast<int>(linear)) return;
  linear_ = linear;
  const GLint filter = linear ? GL_LINEAR : GL_NEAREST;
  glBindTexture(GL_TEXTURE_2D, texture_);
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, filter);
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, filter);
}

ImTextureID ImageAtlas::texture() const {
  return reinterpret_cast<ImTextureID>(static_cast<intptr_t>(texture_));
}

}  // namespace ganscope::gl
