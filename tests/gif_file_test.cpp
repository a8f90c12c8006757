// The GIF writer: frames written and read back by giflib's own decoder (DGifSlurp) keep their
// count, size, pixels, delay and loop; bad arguments and paths are refused with clear messages.
#include "common/gif_file.hpp"

#include <gif_lib.h>
#include <gtest/gtest.h>
#include <sys/stat.h>

#include <algorithm>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <functional>
#include <iterator>
#include <memory>
#include <stdexcept>
#include <vector>

#include "common/file_error.hpp"
#include "test_util.hpp"

namespace ganscope {
namespace {

/// What giflib's decoder makes of a GIF file.
struct DecodedGif {
  int width = 0, height = 0;
  std::vector<std::vector<uint8_t>> frames;  ///< each frame's pixels as palette colours' red
  std::vector<std::vector<uint32_t>> rgb;    ///< each frame's pixels as 0xRRGGBB
  std::vector<int> delays;                   ///< centiseconds, from each frame's control block
  bool netscape_loop = false;                ///< a NETSCAPE2.0 block with loop count 0
  std::string version;                       ///< "GIF89a" or "GIF87a"
};

struct Reader {
  std::string bytes;
  size_t at = 0;
};

int readBytes(GifFileType* gif, GifByteType* out, int size) {
  auto* reader = static_cast<Reader*>(gif->UserData);
  const size_t n = std::min(static_cast<size_t>(size), reader->bytes.size() - reader->at);
  std::memcpy(out, reader->bytes.data() + reader->at, n);
  reader->at += n;
  return static_cast<int>(n);
}

DecodedGif decode(const std::string& bytes) {
  Reader reader{bytes};
  int error = 0;
  GifFileType* gif = DGifOpen(&reader, readBytes, &error);
  if (!gif) throw std::runtime_error(GifErrorString(error));
  std::unique_ptr<GifFileType, void (*)(GifFileType*)> owner(
      gif, [](GifFileType* g) { DGifCloseFile(g, nullptr); });
  if (DGifSlurp(gif) != GIF_OK) throw std::runtime_error(GifErrorString(gif->Error));
  DecodedGif out;
  out.width = gif->SWidth;
  out.height = gif->SHeight;
  out.version = bytes.substr(0, 6);
  for (int i = 0; i < gif->ImageCount; ++i) {
    const SavedImage& image = gif->SavedImages[i];
    const ColorMapObject* map =
        image.ImageDesc.ColorMap ? image.ImageDesc.ColorMap : gif->SColorMap;
    const size_t n = static_cast<size_t>(image.ImageDesc.Width) * image.ImageDesc.Height;
    std::vector<uint8_t> grey(n);
    std::vector<uint32_t> rgb(n);
    for (size_t p = 0; p < n; ++p) {
      const GifColorType& c = map->Colors[image.RasterBits[p]];
      grey[p] = c.Red;
      rgb[p] = (uint32_t{c.Red} << 16) | (uint32_t{c.Green} << 8) | c.Blue;
    }
    out.frames.push_back(std::move(grey));
    out.rgb.push_back(std::move(rgb));
    GraphicsControlBlock control{};
    out.delays.push_back(DGifSavedExtensionToGCB(gif, i, &control) == GIF_OK ? control.DelayTime
                                                                             : -1);
    for (int e = 0; e + 1 < image.ExtensionBlockCount; ++e) {
      const ExtensionBlock& block = image.ExtensionBlocks[e];
      const ExtensionBlock& next = image.ExtensionBlocks[e + 1];
      if (block.Function == APPLICATION_EXT_FUNC_CODE && block.ByteCount == 11 &&
          std::memcmp(block.Bytes, "NETSCAPE2.0", 11) == 0 && next.ByteCount == 3 &&
          next.Bytes[0] == 1 && next.Bytes[1] == 0 && next.Bytes[2] == 0) {
        out.netscape_loop = true;
      }
    }
  }
  return out;
}

std::string readAll(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

/// `count` frames of `width` x `height`, every byte value used, each frame different.
std::vector<uint8_t> testFrames(int count, int width, int height) {
  std::vector<uint8_t> frames(static_cast<size_t>(count) * width * height);
  for (size_t i = 0; i < frames.size(); ++i)
    frames[i] = static_cast<uint8_t>((i * 37 + i / 7) % 256);
  return frames;
}

std::string invalidArgumentOf(const std::function<void()>& encode) {
  try {
    encode();
  } catch (const std::invalid_argument& error) {
    return error.what();
  }
  return "";
}

TEST(GifFile, GreyFramesRoundTripThroughGiflib) {
  const auto dir = test::tempDir("gif");
  const int count = 5, width = 23, height = 17;  // odd sizes: no row padding assumed
  const std::vector<uint8_t> frames = testFrames(count, width, height);
  const auto path = (dir / "walk.gif").string();
  writeGif(path, frames, count, width, height, 7);

  const DecodedGif gif = decode(readAll(path));
  EXPECT_EQ(gif.version, "GIF89a");
  EXPECT_EQ(gif.width, width);
  EXPECT_EQ(gif.height, height);
  ASSERT_EQ(gif.frames.size(), static_cast<size_t>(count));
  const size_t frame_size = static_cast<size_t>(width) * height;
  for (int f = 0; f < count; ++f) {
    const std::vector<uint8_t> expected(frames.begin() + f * frame_size,
                                        frames.begin() + (f + 1) * frame_size);
    EXPECT_EQ(gif.frames[static_cast<size_t>(f)], expected) << "frame " << f;
    EXPECT_EQ(gif.delays[static_cast<size_t>(f)], 7) << "frame " << f;
  }
  EXPECT_TRUE(gif.netscape_loop);
}

TEST(GifFile, PlaysOnceWithoutTheLoopExtension) {
  const std::vector<uint8_t> frames = testFrames(2, 4, 3);
  const DecodedGif looping = decode(encodeGif(frames, 2, 4, 3, {.delay_centiseconds = 5}));
  const DecodedGif once =
      decode(encodeGif(frames, 2, 4, 3, {.delay_centiseconds = 5, .loop = false}));
  EXPECT_TRUE(looping.netscape_loop);  // control: the same frames with the loop
  EXPECT_FALSE(once.netscape_loop);
  EXPECT_EQ(once.frames, looping.frames);
}

TEST(GifFile, RgbaFramesMapToTheNearestPaletteColour) {
  RgbaImage a{2, 1, {255, 0, 0, 255, 0, 102, 204, 255}};    // on the colour cube: exact
  RgbaImage b{2, 1, {130, 130, 130, 255, 250, 3, 1, 255}};  // a grey off the cube; near red
  const std::vector<RgbaImage> frames = {a, b};
  const DecodedGif gif = decode(encodeGif(frames, {.delay_centiseconds = 3}));
  ASSERT_EQ(gif.rgb.size(), 2u);
  EXPECT_EQ(gif.rgb[0], (std::vector<uint32_t>{0xff0000, 0x0066cc}));
  const uint32_t grey = gif.rgb[1][0];
  const int level = static_cast<int>(grey & 0xff);
  EXPECT_EQ(grey, static_cast<uint32_t>(level * 0x010101));  // still grey
  EXPECT_LE(std::abs(level - 130), 4);  // the 40 extra greys: closer than the cube's 102 or 153
  EXPECT_EQ(gif.rgb[1][1], 0xff0000u);
}

TEST(GifFile, RefusesBadArgumentsNamingThem) {
  const std::vector<uint8_t> frames = testFrames(2, 4, 3);
  EXPECT_NE(invalidArgumentOf([&] { encodeGif(frames, 0, 4, 3, {}); }).find("0 frames"),
            std::string::npos);
  EXPECT_NE(invalidArgumentOf([&] { encodeGif(frames, 2, 0, 3, {}); }).find("width of 0"),
            std::string::npos);
  EXPECT_NE(invalidArgumentOf([&] { encodeGif(frames, 2, 4, 70000, {}); }).find("height"),
            std::string::npos);
  EXPECT_NE(
      invalidArgumentOf([&] { encodeGif(frames, 3, 4, 3, {}); }).find("need 36 bytes, got 24"),
      std::string::npos);
  EXPECT_NE(invalidArgumentOf([&] {
              encodeGif(frames, 2, 4, 3, {.delay_centiseconds = -1});
            }).find("delay of -1"),
            std::string::npos);
  const std::vector<RgbaImage> mixed = {RgbaImage{1, 1, {0, 0, 0, 255}},
                                        RgbaImage{2, 1, {0, 0, 0, 255, 0, 0, 0, 255}}};
  EXPECT_NE(invalidArgumentOf([&] { encodeGif(mixed, {}); }).find("one size"), std::string::npos);
  EXPECT_EQ(invalidArgumentOf([&] { encodeGif(frames, 2, 4, 3, {}); }), "");  // control
}

TEST(GifFile, RefusesPathsThatCannotBeWritten) {
  const auto dir = test::tempDir("gif-paths");
  const std::vector<uint8_t> frames = testFrames(1, 2, 2);
  auto errorOf = [&](const std::string& path) -> std::string {
    try {
      writeGif(path, frames, 1, 2, 2, 10);
    } catch (const FileError& error) {
      return error.what();
    }
    return "";
  };
  const auto missing = (dir / "no-such-folder" / "a.gif").string();
  EXPECT_NE(errorOf(missing).find(missing), std::string::npos);
  std::filesystem::create_directory(dir / "folder.gif");
  EXPECT_NE(errorOf((dir / "folder.gif").string()).find("regular file"), std::string::npos);
  ASSERT_EQ(::mkfifo((dir / "fifo.gif").c_str(), 0600), 0);
  EXPECT_NE(errorOf((dir / "fifo.gif").string()).find("regular file"), std::string::npos);
  EXPECT_EQ(errorOf((dir / "fine.gif").string()), "");  // control: a plain new file
  EXPECT_TRUE(std::filesystem::is_regular_file(dir / "fine.gif"));
}

}  // namespace
}  // namespace ganscope
