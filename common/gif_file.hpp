// Animated GIF files (the latent explorer's interpolations, --render-latent --gif): grey or
// RGBA frames encoded in memory by giflib, looping by the NETSCAPE2.0 extension, then written
// atomically like every output file.
#pragma once
#include <cstdint>
#include <span>
#include <string>

#include "common/image_grid.hpp"

namespace ganscope {

/// The largest side a GIF can describe (its sizes are 16-bit).
inline constexpr int kMaxGifSide = 65535;

/// How the frames of an animation are shown.
struct GifTiming {
  int delay_centiseconds = 10;  ///< time each frame stays, 0..65535 (viewers show 0-1 as 10)
  bool loop = true;             ///< repeat forever (NETSCAPE2.0, loop count 0); false: play once
};

/// `count` grey frames of `width` x `height` bytes (0 black .. 255 white), one after another,
/// row-major from the top, as GIF bytes: a 256-grey global palette, so the pixels round-trip
/// exactly. Throws std::invalid_argument naming the bad argument (count below 1, a side outside
/// 1..kMaxGifSide, a delay outside 0..65535, `frames` not count * height * width bytes) and
/// std::runtime_error with giflib's message if the encoder fails.
std::string encodeGif(std::span<const uint8_t> frames, int count, int width, int height,
                      const GifTiming& timing);

/// RGBA frames of one size (alpha ignored: the pictures are opaque) as GIF bytes, each pixel
/// mapped to the nearest colour of a fixed palette (a 6 x 6 x 6 colour cube and 40 more greys),
/// so a colour whose channels are multiples of 51 round-trips exactly. Throws as above, also
/// when the frames differ in size or a frame's pixels are not width * height * 4 bytes.
std::string encodeGif(std::span<const RgbaImage> frames, const GifTiming& timing);

/// Writes encodeGif(frames, count, width, height, ...) to `path`, atomically
/// (writeFileAtomically: only a regular file is ever replaced). Throws FileError naming the
/// path, or as encodeGif.
void writeGif(const std::string& path, std::span<const uint8_t> frames, int count, int width,
              int height, int delay_centiseconds, bool loop = true);

/// Writes encodeGif(frames, ...) of RGBA frames to `path` atomically. Throws as above.
void writeGif(const std::string& path, std::span<const RgbaImage> frames, int delay_centiseconds,
              bool loop = true);

}  // namespace ganscope
