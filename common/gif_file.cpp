// GIF writing through Debian's giflib: palette-indexed frames, one graphics control block per
// frame (its delay), the NETSCAPE2.0 loop block once after the screen descriptor.
#include "common/gif_file.hpp"

#include <gif_lib.h>

#include <array>
#include <stdexcept>
#include <vector>

#include "common/atomic_file.hpp"

namespace ganscope {
namespace {

using Palette = std::array<GifColorType, 256>;

int appendBytes(GifFileType* gif, const GifByteType* data, int size) {
  static_cast<std::string*>(gif->UserData)
      ->append(reinterpret_cast<const char*>(data), static_cast<size_t>(size));
  return size;
}

void checkSides(int width, int height) {
  for (const auto& [name, side] : {std::pair{"width", width}, std::pair{"height", height}}) {
    if (side < 1 || side > kMaxGifSide) {
      throw std::invalid_argument(std::string("a GIF ") + name + " of " + std::to_string(side) +
                                  ": allowed 1.." + std::to_string(kMaxGifSide));
    }
  }
}

void checkTiming(const GifTiming& timing) {
  if (timing.delay_centiseconds < 0 || timing.delay_centiseconds > 65535) {
    throw std::invalid_argument("a GIF frame delay of " +
                                std::to_string(timing.delay_centiseconds) +
                                " centiseconds: allowed 0..65535");
  }
}

/// Throws std::runtime_error with giflib's message for `error` while `doing`.
[[noreturn]] void failGif(const char* doing, int error) {
  const char* message = GifErrorString(error);
  throw std::runtime_error(std::string("the GIF encoder failed while ") + doing + ": " +
                           (message ? message : "unknown error"));
}

/// Encodes `count` frames of palette indices (width * height each) with `palette`.
std::string encodeIndexed(std::span<const uint8_t> indices, int count, int width, int height,
                          const Palette& palette, const GifTiming& timing) {
  std::string bytes;
  int error = 0;
  GifFileType* gif = EGifOpen(&bytes, appendBytes, &error);
  if (!gif) failGif("opening", error);
  // Closes (and frees) the encoder on every path; a failure to close is reported below.
  struct Closer {
    GifFileType*& gif;
    ~Closer() {
      if (gif) EGifCloseFile(gif, nullptr);
    }
  } closer{gif};
  auto check = [&](int status, const char* doing) {
    if (status != GIF_OK) failGif(doing, gif->Error);
  };

  EGifSetGifVersion(gif, true);  // GIF89a: graphics control and application extensions
  ColorMapObject* map = GifMakeMapObject(256, palette.data());
  if (!map) failGif("making the palette", E_GIF_ERR_NOT_ENOUGH_MEM);
  const int screen = EGifPutScreenDesc(gif, width, height, 8, 0, map);
  GifFreeMapObject(map);  // the encoder keeps its own copy
  check(screen, "writing the screen descriptor");

  if (timing.loop) {
    const GifByteType loop_count[] = {1, 0, 0};  // sub-block 1: loop count 0 (forever)
    check(EGifPutExtensionLeader(gif, APPLICATION_EXT_FUNC_CODE), "writing the loop extension");
    check(EGifPutExtensionBlock(gif, 11, "NETSCAPE2.0"), "writing the loop extension");
    check(EGifPutExtensionBlock(gif, 3, loop_count), "writing the loop extension");
    check(EGifPutExtensionTrailer(gif), "writing the loop extension");
  }

  GraphicsControlBlock control{};
  control.DisposalMode = DISPOSE_DO_NOT;
  control.UserInputFlag = false;
  control.DelayTime = timing.delay_centiseconds;
  control.TransparentColor = NO_TRANSPARENT_COLOR;
  GifByteType control_bytes[4];
  const size_t control_size = EGifGCBToExtension(&control, control_bytes);

  const size_t frame_size = static_cast<size_t>(width) * height;
  std::vector<GifPixelType> line(static_cast<size_t>(width));  // EGifPutLine may write to it
  for (int f = 0; f < count; ++f) {
    check(EGifPutExtension(gif, GRAPHICS_EXT_FUNC_CODE, static_cast<int>(control_size),
                           control_bytes),
          "writing a frame's delay");
    check(EGifPutImageDesc(gif, 0, 0, width, height, false, nullptr),
          "writing a frame's descriptor");
    const uint8_t* frame = indices.data() + f * frame_size;
    for (int y = 0; y < height; ++y) {
      const uint8_t* row = frame + static_cast<size_t>(y) * width;
      line.assign(row, row + width);
      check(EGifPutLine(gif, line.data(), width), "writing a frame's pixels");
    }
  }

  GifFileType* closing = gif;
  gif = nullptr;  // EGifCloseFile frees it whatever it returns
  if (EGifCloseFile(closing, &error) != GIF_OK) failGif("finishing the file", error);
  return bytes;
}

Palette greyPalette() {
  Palette palette{};
  for (int i = 0; i < 256; ++i) {
    const auto v = static_cast<GifByteType>(i);
    palette[static_cast<size_t>(i)] = {v, v, v};
  }
  return palette;
}

constexpr int kCubeLevels = 6;   // 0, 51, ..., 255 per channel: entries 0..215
constexpr int kExtraGreys = 40;  // greys between the cube's six: entries 216..255

Palette colourPalette() {
  Palette palette{};
  size_t i = 0;
  for (int r = 0; r < kCubeLevels; ++r) {
    for (int g = 0; g < kCubeLevels; ++g) {
      for (int b = 0; b < kCubeLevels; ++b) {
        palette[i++] = {static_cast<GifByteType>(r * 51), static_cast<GifByteType>(g * 51),
                        static_cast<GifByteType>(b * 51)};
      }
    }
  }
  for (int k = 1; k <= kExtraGreys; ++k) {
    const auto v = static_cast<GifByteType>((k * 255 + (kExtraGreys + 1) / 2) / (kExtraGreys + 1));
    palette[i++] = {v, v, v};
  }
  return palette;
}

int squared(int v) {
  return v * v;
}

/// The palette index nearest to (r, g, b): the nearest cube colour or the nearest grey.
uint8_t nearestColour(const Palette& palette, int r, int g, int b) {
  const int cr = (r + 25) / 51, cg = (g + 25) / 51, cb = (b + 25) / 51;
  int best = (cr * kCubeLevels + cg) * kCubeLevels + cb;
  auto error = [&](int index) {
    const GifColorType& c = palette[static_cast<size_t>(index)];
    return squared(c.Red - r) + squared(c.Green - g) + squared(c.Blue - b);
  };
  int best_error = error(best);
  for (int index = kCubeLevels * kCubeLevels * kCubeLevels; index < 256; ++index) {
    const int e = error(index);
    if (e < best_error) best = index, best_error = e;
  }
  return static_cast<uint8_t>(best);
}

}  // namespace

std::string encodeGif(std::span<const uint8_t> frames, int count, int width, int height,
                      const GifTiming& timing) {
  if (count < 1) {
    throw std::invalid_argument("a GIF of " + std::to_string(count) + " frames: at least 1");
  }
  checkSides(width, height);
  checkTiming(timing);
  const size_t expected = static_cast<size_t>(count) * width * height;
  if (frames.size() != expected) {
    throw std::invalid_argument(std::to_string(count) + " GIF frames of " + std::to_string(width) +
                                " x " + std::to_string(height) + " grey pixels need " +
                                std::to_string(expected) + " bytes, got " +
                                std::to_string(frames.size()));
  }
  return encodeIndexed(frames, count, width, height, greyPalette(), timing);
}

std::string encodeGif(std::span<const RgbaImage> frames, const GifTiming& timing) {
  if (frames.empty()) throw std::invalid_argument("a GIF of 0 frames: at least 1");
  const int width = frames[0].width, height = frames[0].height;
  checkSides(width, height);
  checkTiming(timing);
  const size_t frame_size = static_cast<size_t>(width) * height;
  const Palette palette = colourPalette();
  std::vector<uint8_t> indices;
  indices.reserve(frames.size() * frame_size);
  for (size_t f = 0; f < frames.size(); ++f) {
    const RgbaImage& frame = frames[f];
    if (frame.width != width || frame.height != height) {
      throw std::invalid_argument(
          "GIF frame " + std::to_string(f) + " is " + std::to_string(frame.width) + " x " +
          std::to_string(frame.height) + ", frame 0 " + std::to_string(width) + " x " +
          std::to_string(height) + ": all frames must have one size");
    }
    if (frame.pixels.size() != frame_size * 4) {
      throw std::invalid_argument("GIF frame " + std::to_string(f) + " of " +
                                  std::to_string(width) + " x " + std::to_string(height) +
                                  " RGBA pixels needs " + std::to_string(frame_size * 4) +
                                  " bytes, got " + std::to_string(frame.pixels.size()));
    }
    for (size_t p = 0; p < frame_size; ++p) {
      const uint8_t* px = frame.pixels.data() + 4 * p;
      indices.push_back(nearestColour(palette, px[0], px[1], px[2]));
    }
  }
  return encodeIndexed(indices, static_cast<int>(frames.size()), width, height, palette, timing);
}

void writeGif(const std::string& path, std::span<const uint8_t> frames, int count, int width,
              int height, int delay_centiseconds, bool loop) {
  writeFileAtomically(path, encodeGif(frames, count, width, height, {delay_centiseconds, loop}));
}

void writeGif(const std::string& path, std::span<const RgbaImage> frames, int delay_centiseconds,
              bool loop) {
  writeFileAtomically(path, encodeGif(frames, {delay_centiseconds, loop}));
}

}  // namespace ganscope
