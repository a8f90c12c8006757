// The IDX reader: Debian's Fashion-MNIST files read as the format says, and every kind of bad
// file (not IDX, another element type, truncated, trailing bytes, a broken gzip stream, images
// and labels that disagree, a label out of range) refused with a message saying what is wrong.
#include "common/idx_file.hpp"

#include <gtest/gtest.h>
#include <zlib.h>

#include <array>
#include <filesystem>
#include <fstream>
#include <numeric>
#include <string>

#include "common/file_error.hpp"
#include "test_util.hpp"

namespace ganscope {
namespace {

const std::string kFashion = "/usr/share/datasets/fashion-mnist/";

/// An IDX file's bytes: element `type`, `dims`, then `data_bytes` bytes of data.
std::string idxBytes(const std::vector<uint32_t>& dims, size_t data_bytes, int type = 0x08) {
  std::string out = {0, 0, static_cast<char>(type), static_cast<char>(dims.size())};
  for (uint32_t d : dims) {
    for (int shift = 24; shift >= 0; shift -= 8) out += static_cast<char>((d >> shift) & 0xff);
  }
  for (size_t i = 0; i < data_bytes; ++i) out += static_cast<char>(i % 7);
  return out;
}

std::string gzipped(const std::string& raw) {
  uLongf size = compressBound(raw.size()) + 64;
  std::string out(size, '\0');
  z_stream stream{};
  deflateInit2(&stream, 6, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY);  // gzip framing
  stream.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(raw.data()));
  stream.avail_in = static_cast<uInt>(raw.size());
  stream.next_out = reinterpret_cast<Bytef*>(out.data());
  stream.avail_out = static_cast<uInt>(out.size());
  deflate(&stream, Z_FINISH);
  out.resize(stream.total_out);
  deflateEnd(&stream);
  return out;
}

/// Writes `bytes` as file `name` in this test program's folder (made fresh once per run).
std::string write(const std::string& name, const std::string& bytes) {
  static const std::filesystem::path dir = test::tempDir("idx");
  const auto path = dir / name;
  std::ofstream(path, std::ios::binary) << bytes;
  return path.string();
}

/// The FileError message of reading `path` as IDX ("" if it reads).
std::string errorOf(const std::string& path) {
  try {
    readIdxFile(path);
  } catch (const FileError& error) {
    return error.what();
  }
  return "";
}

TEST(IdxFileTest, ReadsDebiansFashionMnistTestSet) {
  const LabelledImages set = readLabelledImages(kFashion + "t10k-images-idx3-ubyte.gz",
                                                kFashion + "t10k-labels-idx1-ubyte.gz");
  EXPECT_EQ(set.images.dims, (std::vector<uint32_t>{10000, 28, 28}));
  ASSERT_EQ(set.labels.size(), 10000u);
  std::array<int, 10> per_class{};
  for (uint8_t label : set.labels) ++per_class[label];
  for (int count : per_class) EXPECT_EQ(count, 1000);  // the test set is balanced
  // Pixels span the byte range and the images are not blank.
  const auto [lo, hi] = std::minmax_element(set.images.data.begin(), set.images.data.end());
  EXPECT_EQ(*lo, 0);
  EXPECT_EQ(*hi, 255);
}

TEST(IdxFileTest, RawAndGzipReadTheSame) {
  const std::string raw = idxBytes({3, 2, 2}, 12);
  const IdxArray a = readIdxFile(write("raw.idx", raw));
  const IdxArray b = readIdxFile(write("raw.idx.gz", gzipped(raw)));
  EXPECT_EQ(a.dims, (std::vector<uint32_t>{3, 2, 2}));
  EXPECT_EQ(a.data, b.data);
  EXPECT_EQ(a.data.size(), 12u);
}

TEST(IdxFileTest, BadFilesSayWhatIsWrong) {
  EXPECT_NE(errorOf(write("text", "hello world")).find("not an IDX file"), std::string::npos);
  EXPECT_NE(errorOf(write("float", idxBytes({4}, 16, 0x0d))).find("element type 0x0d"),
            std::string::npos);
  EXPECT_NE(errorOf(write("nodims", idxBytes({}, 0))).find("0 dimensions; allowed: 1 to 4"),
            std::string::npos);
  const std::string short_data = errorOf(write("short", idxBytes({10, 28, 28}, 7839)));
  EXPECT_NE(short_data.find("truncated: the header says 10 x 28 x 28 = 7840 bytes of data, the "
                            "file has 7839"),
            std::string::npos)
      << short_data;
  EXPECT_NE(errorOf(write("long", idxBytes({2}, 3))).find("trailing bytes"), std::string::npos);
  EXPECT_NE(errorOf(write("header", idxBytes({5, 5}, 0).substr(0, 9))).find("truncated IDX header"),
            std::string::npos);
  // The control: the same shapes with the right sizes read.
  EXPECT_EQ(errorOf(write("good", idxBytes({10, 28, 28}, 7840))), "");
}

TEST(IdxFileTest, ABrokenGzipStreamIsRefused) {
  const std::string gz = gzipped(idxBytes({100, 28, 28}, 78400));
  const std::string cut = errorOf(write("cut.gz", gz.substr(0, gz.size() / 2)));
  EXPECT_NE(cut.find("not a valid gzip file"), std::string::npos) << cut;
  std::string flipped = gz;
  flipped[flipped.size() / 2] = static_cast<char>(flipped[flipped.size() / 2] ^ 0x55);
  EXPECT_NE(errorOf(write("flipped.gz", flipped)).find("gzip"), std::string::npos);
}

TEST(IdxFileTest, ImagesAndLabelsMustAgree) {
  const std::string images = write("images", idxBytes({4, 2, 2}, 16));
  std::string labels = idxBytes({4}, 0) + std::string{0, 1, 2, 3};
  EXPECT_NO_THROW(readLabelledImages(images, write("labels", labels)));  // the control
  try {
    readLabelledImages(images, write("three", idxBytes({3}, 0) + std::string{0, 1, 2}));
    FAIL() << "3 labels for 4 images read";
  } catch (const FileError& error) {
    EXPECT_NE(std::string(error.what()).find("3 labels for 4 images"), std::string::npos);
  }
  labels.back() = 10;
  try {
    readLabelledImages(images, write("ten", labels));
    FAIL() << "label 10 read";
  } catch (const FileError& error) {
    EXPECT_NE(std::string(error.what()).find("label 10 at index 3; labels must be 0 to 9"),
              std::string::npos)
        << error.what();
  }
  EXPECT_THROW(readLabelledImages(write("flat", idxBytes({16}, 16)), write("labels2", labels)),
               FileError);  // images must be 3-D
}

TEST(IdxFileTest, WrittenImagesReadBackThroughTheReader) {
  std::vector<uint8_t> pixels(3 * 4 * 5);
  for (size_t i = 0; i < pixels.size(); ++i) pixels[i] = static_cast<uint8_t>(i * 37 + 1);
  const std::string path = write("written-images.idx", "");
  writeIdxImages(path, 3, 4, 5, pixels);
  const std::string bytes = test::readFile(path);
  ASSERT_GE(bytes.size(), 16u);
  EXPECT_EQ(bytes.substr(0, 4), std::string("\0\0\x08\x03", 4));  // magic 0x00000803
  EXPECT_EQ(bytes.substr(4, 4), std::string("\0\0\0\x03", 4));    // n, big-endian
  const IdxArray back = readIdxFile(path);
  EXPECT_EQ(back.dims, (std::vector<uint32_t>{3, 4, 5}));
  EXPECT_EQ(back.data, pixels);
}

TEST(IdxFileTest, TheWriterRefusesBadSizesAndNonRegularTargets) {
  const std::vector<uint8_t> pixels(2 * 2 * 2);
  EXPECT_THROW(idxImageBytes(2, 2, 3, pixels), std::invalid_argument);  // 12 bytes needed
  EXPECT_THROW(idxImageBytes(0, 2, 2, {}), std::invalid_argument);
  EXPECT_NO_THROW(idxImageBytes(2, 2, 2, pixels));
  const std::string folder = write("a-folder", "");
  std::filesystem::remove(folder);
  std::filesystem::create_directory(folder);
  try {
    writeIdxImages(folder, 2, 2, 2, pixels);
    FAIL() << "a folder was replaced";
  } catch (const FileError& error) {
    EXPECT_NE(std::string(error.what()).find("only a regular file"), std::string::npos)
        << error.what();
  }
  EXPECT_TRUE(std::filesystem::is_directory(folder));
}

TEST(IdxFileTest, AFolderOrDeviceIsRefusedAtOnce) {
  EXPECT_THROW(readIdxFile(test::tempDir("idx-folder").string()), FileError);
  EXPECT_THROW(readIdxFile("/dev/zero"), FileError);
}

}  // namespace
}  // namespace ganscope
