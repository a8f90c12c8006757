// ImageAtlas: one RGBA8 texture holding a tiled grid of images (G's samples or the real
// images), uploaded once per frame received, drawn by ImGui with nearest or linear filtering.
#pragma once
#include <imgui.h>

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

  /// True when the texture does not hold `key`'s pixels yet: call upload() then. Counts it.
  bool needsUpload(const GridKey& key) { return gate_.take(key); }
  /// Replaces the texture's pixels with `image`.
  void upload(const RgbaImage& image);
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
