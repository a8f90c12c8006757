// PNG files of RGBA8 pictures (the sample grid of --grid-png and tests): encoded in memory by
// stb_image_write, then written atomically like every output file.
#pragma once
#include <string>

#include "common/image_grid.hpp"

namespace ganscope {

/// `image` as PNG bytes. Throws std::invalid_argument for an empty picture or one whose
/// pixels are not width * height * 4 bytes, std::runtime_error if the encoder fails.
std::string encodePng(const RgbaImage& image);

/// Writes `image` to `path` as a PNG, atomically (writeFileAtomically: only a regular file is
/// ever replaced). Throws FileError naming the path, or as encodePng.
void writePngFile(const std::string& path, const RgbaImage& image);

}  // namespace ganscope
