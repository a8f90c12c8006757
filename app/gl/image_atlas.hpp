// ImageAtlas: one RGBA8 texture holding a tiled grid of images (G's samples or the real
// images), uploaded once per frame received, drawn by ImGui with nearest or linear filtering.
#pragma once
#include <imgui.h>

#include <cstdint>
#include <span>

#include "app/gl/upload_once.hpp"
#include "common/image_grid.hpp"

namespace ganscope::gl {

class ImageAtlas {
 public:
  /// Needs the current GL context (loaded by glad): creates the texture.
  ImageAtlas();
  ~ImageAtlas();
  ImageAtlas(const ImageAtlas&) = delete;
  ImageAtlas& operator=(const ImageAtlas&) = delete;

  /// Makes the texture hold `images` (key.side^2 images of 28 x 28 bytes, at least) tiled
  /// key.side x key.side with a gap of `gap` pixels, unless it holds `key`'s already: a frame
  /// is tiled and uploaded once, however many UI frames draw it.
  void show(std::span<const uint8_t> images, const GridKey& key, int gap);
  /// Sets the magnification and minification filter: linear (smooth) or nearest (crisp
  /// pixels). Touches GL only when it changes.
  void setLinear(bool linear);

  /// The texture for ImGui::Image / ImDrawList::AddImage.
  ImTextureID texture() const;
  int width() const { return width_; }
  int height() const { return height_; }
  /// Uploads done so far (one per new key).
  int uploads() const { return gate_.uploads(); }

 private:
  unsigned texture_ = 0;
  int width_ = 0, height_ = 0;
  int linear_ = -1;  ///< the filter set: -1 none yet, 0 nearest, 1 linear
  UploadOnce gate_;
};

}  // namespace ganscope::gl
