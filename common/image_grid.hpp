// Tiling small grayscale images (28 x 28 samples) into one RGBA8 picture: the sample grids of
// the window's atlas and of --grid-png. Torch-free, GL-free.
#pragma once
#include <cstdint>
#include <span>
#include <vector>

namespace ganscope {

/// How a grid is laid out; every cell is one image at its own size.
struct ImageGridOptions {
  int side = 8;                           ///< cells per row and per column: side x side images
  int image_rows = 28;                    ///< rows of each image
  int image_cols = 28;                    ///< columns of each image
  int gap = 2;                            ///< pixels between cells and around the grid
  uint32_t gap_rgba = 0xff404040u;        ///< the gaps' colour, RGBA bytes packed as 0xAABBGGRR
  uint32_t highlight_rgba = 0xff00c0ffu;  ///< the frame of a highlighted cell (orange-yellow)
};

/// An RGBA8 picture, row-major from the top, 4 bytes per pixel (R, G, B, A).
struct RgbaImage {
  int width = 0, height = 0;
  std::vector<uint8_t> pixels;  ///< width * height * 4 bytes
};

/// The pixel size of a grid: side * image + (side + 1) * gap each way.
int gridWidth(const ImageGridOptions& options);
int gridHeight(const ImageGridOptions& options);
/// The top-left pixel of cell `index` (row-major: cell 0 top left, cell side-1 top right).
struct GridPixel {
  int x = 0, y = 0;
};
GridPixel cellOrigin(const ImageGridOptions& options, int index);

/// Tiles the first side^2 images of `images` (each image_rows x image_cols bytes, 0 black to
/// 255 white, one after another) into one picture; cells without an image stay the gap colour.
/// The gap around each cell whose index is in `highlighted` takes the highlight colour.
/// Throws std::invalid_argument naming the bad option (side below 1, image size below 1, gap
/// below 0) or when `images` is not a whole number of images.
RgbaImage tileImages(std::span<const uint8_t> images, const ImageGridOptions& options,
                     std::span<const int> highlighted = {});

}  // namespace ganscope
