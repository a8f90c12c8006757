// Image grids: each image lands at its cell's pixels, the gaps keep their colour, a highlighted
// cell is framed and its neighbours are not; and the PNG of a grid decodes to the same pixels.
#include "common/image_grid.hpp"

#include <gtest/gtest.h>
#include <stb_image.h>

#include <filesystem>

#include "common/file_error.hpp"
#include "common/png_file.hpp"
#include "test_util.hpp"

namespace ganscope {
namespace {

/// The RGBA of pixel (x, y), packed as 0xAABBGGRR.
uint32_t at(const RgbaImage& image, int x, int y) {
  const uint8_t* p = &image.pixels[(static_cast<size_t>(y) * image.width + x) * 4];
  return p[0] | p[1] << 8 | p[2] << 16 | static_cast<uint32_t>(p[3]) << 24;
}
uint32_t grey(uint8_t v) {
  return 0xff000000u | v << 16 | v << 8 | v;
}

/// `count` images of 3 x 2 pixels; image i's pixel (r, c) is 10 * i + 3 * r + c.
std::vector<uint8_t> numbered(int count) {
  std::vector<uint8_t> bytes;
  for (int i = 0; i < count; ++i) {
    for (int r = 0; r < 3; ++r) {
      for (int c = 0; c < 2; ++c) bytes.push_back(static_cast<uint8_t>(10 * i + 3 * r + c));
    }
  }
  return bytes;
}

ImageGridOptions small() {
  ImageGridOptions o;
  o.side = 3;
  o.image_rows = 3;
  o.image_cols = 2;
  o.gap = 1;
  return o;
}

TEST(ImageGridTest, ImagesLandInRowMajorCellsBetweenGaps) {
  const ImageGridOptions o = small();
  const RgbaImage grid = tileImages(numbered(9), o);
  ASSERT_EQ(grid.width, 3 * 2 + 4 * 1);
  ASSERT_EQ(grid.height, 3 * 3 + 4 * 1);
  // Cell 5 is row 1, column 2: origin x = 1 + 2 * 3 = 7, y = 1 + 1 * 4 = 5.
  EXPECT_EQ(cellOrigin(o, 5).x, 7);
  EXPECT_EQ(cellOrigin(o, 5).y, 5);
  for (int i = 0; i < 9; ++i) {
    const GridPixel origin = cellOrigin(o, i);
    for (int r = 0; r < 3; ++r) {
      for (int c = 0; c < 2; ++c) {
        EXPECT_EQ(at(grid, origin.x + c, origin.y + r), grey(10 * i + 3 * r + c))
            << "image " << i << " pixel " << r << "," << c;
      }
    }
  }
  // Gaps: the corner, between cells 0 and 1 (x = 3), between rows (y = 4).
  EXPECT_EQ(at(grid, 0, 0), o.gap_rgba);
  EXPECT_EQ(at(grid, 3, 2), o.gap_rgba);
  EXPECT_EQ(at(grid, 2, 4), o.gap_rgba);
}

TEST(ImageGridTest, MissingImagesLeaveGapColouredCellsAndExtraOnesAreIgnored) {
  const ImageGridOptions o = small();
  const RgbaImage few = tileImages(numbered(2), o);
  EXPECT_EQ(at(few, cellOrigin(o, 1).x, cellOrigin(o, 1).y), grey(10));
  EXPECT_EQ(at(few, cellOrigin(o, 2).x, cellOrigin(o, 2).y), o.gap_rgba);
  const RgbaImage many = tileImages(numbered(12), o);  // only the first 9 fit
  EXPECT_EQ(many.pixels, tileImages(numbered(9), o).pixels);
}

TEST(ImageGridTest, AHighlightFramesOnlyItsCell) {
  const ImageGridOptions o = small();
  const int pinned[] = {4};
  const RgbaImage plain = tileImages(numbered(9), o);
  const RgbaImage framed = tileImages(numbered(9), o, pinned);
  const GridPixel c = cellOrigin(o, 4);  // the centre cell: x 4..5, y 5..7
  EXPECT_EQ(at(framed, c.x - 1, c.y - 1), o.highlight_rgba);
  EXPECT_EQ(at(framed, c.x + 2, c.y + 3), o.highlight_rgba);
  EXPECT_EQ(at(framed, c.x, c.y), at(plain, c.x, c.y));  // the image itself is untouched
  // The frame is the only difference: every changed pixel lies on the ring around cell 4.
  int changed = 0;
  for (int y = 0; y < plain.height; ++y) {
    for (int x = 0; x < plain.width; ++x) {
      if (at(plain, x, y) == at(framed, x, y)) continue;
      ++changed;
      EXPECT_TRUE(x >= c.x - 1 && x <= c.x + 2 && y >= c.y - 1 && y <= c.y + 3) << x << "," << y;
    }
  }
  EXPECT_EQ(changed, 4 * 5 - 2 * 3);
}

TEST(ImageGridTest, BadOptionsAndSizesAreRefused) {
  ImageGridOptions o = small();
  EXPECT_THROW(tileImages(std::vector<uint8_t>(7), o), std::invalid_argument);  // not 6k bytes
  o.side = 0;
  EXPECT_THROW(tileImages(numbered(1), o), std::invalid_argument);
}

TEST(PngFileTest, APngDecodesToTheSamePixels) {
  const int pinned[] = {0, 8};
  const RgbaImage grid = tileImages(numbered(9), small(), pinned);
  const std::string bytes = encodePng(grid);
  int width = 0, height = 0, channels = 0;
  stbi_uc* decoded =
      stbi_load_from_memory(reinterpret_cast<const stbi_uc*>(bytes.data()),
                            static_cast<int>(bytes.size()), &width, &height, &channels, 4);
  ASSERT_NE(decoded, nullptr) << stbi_failure_reason();
  EXPECT_EQ(width, grid.width);
  EXPECT_EQ(height, grid.height);
  EXPECT_TRUE(std::equal(grid.pixels.begin(), grid.pixels.end(), decoded));
  stbi_image_free(decoded);
}

TEST(PngFileTest, WritesAtomicallyAndNeverReplacesAFolder) {
  const auto dir = test::tempDir("png");
  const RgbaImage grid = tileImages(numbered(9), small());
  writePngFile((dir / "grid.png").string(), grid);
  EXPECT_EQ(test::readFile(dir / "grid.png"), encodePng(grid));
  std::filesystem::create_directory(dir / "folder.png");
  EXPECT_THROW(writePngFile((dir / "folder.png").string(), grid), FileError);
  EXPECT_THROW(encodePng(RgbaImage{}), std::invalid_argument);
}

}  // namespace
}  // namespace ganscope
