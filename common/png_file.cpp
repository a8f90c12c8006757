// PNG writing through Debian's libstb (stb_image_write's implementation is in the library).
#include "common/png_file.hpp"

#include <stb_image_write.h>

#include <stdexcept>

#include "common/atomic_file.hpp"

namespace ganscope {
namespace {

void append(void* context, void* data, int size) {
  static_cast<std::string*>(context)->append(static_cast<const char*>(data),
                                             static_cast<size_t>(size));
}

}  // namespace

std::string encodePng(const RgbaImage& image) {
  if (image.width < 1 || image.height < 1) {
    throw std::invalid_argument("a PNG of " + std::to_string(image.width) + " x " +
                                std::to_string(image.height) + " pixels: both must be at least 1");
  }
  const size_t expected = static_cast<size_t>(image.width) * image.height * 4;
  if (image.pixels.size() != expected) {
    throw std::invalid_argument("a " + std::to_string(image.width) + " x " +
                                std::to_string(image.height) + " RGBA picture needs " +
                                std::to_string(expected) + " bytes, got " +
                                std::to_string(image.pixels.size()));
  }
  std::string bytes;
  if (!stbi_write_png_to_func(append, &bytes, image.width, image.height, 4, image.pixels.data(),
                              image.width * 4)) {
    throw std::runtime_error("the PNG encoder failed");
  }
  return bytes;
}

void writePngFile(const std::string& path, const RgbaImage& image) {
  writeFileAtomically(path, encodePng(image));
}

}  // namespace ganscope
