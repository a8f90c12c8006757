// Image grids: each cell's bytes copied as grey RGBA, the gaps painted first.
#include "common/image_grid.hpp"

#include <stdexcept>
#include <string>

namespace ganscope {
namespace {

void check(const ImageGridOptions& o) {
  if (o.side < 1)
    throw std::invalid_argument("grid side " + std::to_string(o.side) + ": must be at least 1");
  if (o.image_rows < 1 || o.image_cols < 1) {
    throw std::invalid_argument("image size " + std::to_string(o.image_rows) + " x " +
                                std::to_string(o.image_cols) + ": both must be at least 1");
  }
  if (o.gap < 0)
    throw std::invalid_argument("grid gap " + std::to_string(o.gap) + ": must be 0 or more");
}

void put(RgbaImage& image, int x, int y, uint32_t rgba) {
  uint8_t* p = &image.pixels[(static_cast<size_t>(y) * image.width + x) * 4];
  for (int c = 0; c < 4; ++c) p[c] = static_cast<uint8_t>(rgba >> (8 * c));
}

/// Paints the gap ring (`gap` wide, at least 1) around cell `index`.
void frameCell(RgbaImage& image, const ImageGridOptions& o, int index) {
  const GridPixel origin = cellOrigin(o, index);
  const int width = o.gap > 0 ? o.gap : 1;
  for (int y = origin.y - width; y < origin.y + o.image_rows + width; ++y) {
    for (int x = origin.x - width; x < origin.x + o.image_cols + width; ++x) {
      const bool inside = x >= origin.x && x < origin.x + o.image_cols && y >= origin.y &&
                          y < origin.y + o.image_rows;
      if (inside || x < 0 || y < 0 || x >= image.width || y >= image.height) continue;
      put(image, x, y, o.highlight_rgba);
    }
  }
}

}  // namespace

int gridWidth(const ImageGridOptions& o) {
  return o.side * o.image_cols + (o.side + 1) * o.gap;
}
int gridHeight(const ImageGridOptions& o) {
  return o.side * o.image_rows + (o.side + 1) * o.gap;
}

GridPixel cellOrigin(const ImageGridOptions& o, int index) {
  const int row = index / o.side, col = index % o.side;
  return {o.gap + col * (o.image_cols + o.gap), o.gap + row * (o.image_rows + o.gap)};
}

RgbaImage tileImages(std::span<const uint8_t> images, const ImageGridOptions& o,
                     std::span<const int> highlighted) {
  check(o);
  const size_t image_bytes = static_cast<size_t>(o.image_rows) * o.image_cols;
  if (images.size() % image_bytes != 0) {
    throw std::invalid_argument(
        std::to_string(images.size()) + " bytes of images: not a whole number of " +
        std::to_string(o.image_rows) + " x " + std::to_string(o.image_cols) + " images");
  }
  RgbaImage out;
  out.width = gridWidth(o);
  out.height = gridHeight(o);
  out.pixels.resize(static_cast<size_t>(out.width) * out.height * 4);
  for (int y = 0; y < out.height; ++y) {
    for (int x = 0; x < out.width; ++x) put(out, x, y, o.gap_rgba);
  }
  const int cells = o.side * o.side;
  const int count = std::min<int>(cells, static_cast<int>(images.size() / image_bytes));
  for (int i = 0; i < count; ++i) {
    const GridPixel origin = cellOrigin(o, i);
    const uint8_t* src = images.data() + static_cast<size_t>(i) * image_bytes;
    for (int r = 0; r < o.image_rows; ++r) {
      uint8_t* dst = &out.pixels[(static_cast<size_t>(origin.y + r) * out.width + origin.x) * 4];
      for (int c = 0; c < o.image_cols; ++c, dst += 4) {
        const uint8_t v = src[r * o.image_cols + c];
        dst[0] = dst[1] = dst[2] = v;
        dst[3] = 255;
      }
    }
  }
  for (int index : highlighted) {
    if (index >= 0 && index < cells) frameCell(out, o, index);
  }
  return out;
}

}  // namespace ganscope
