// IDX files, the MNIST format (big-endian header, then the array), raw or gzip-compressed:
// read whole and checked, so a truncated, mismatched or non-IDX file is refused with a message
// that says what is wrong, never half-loaded.
#pragma once
#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace ganscope {

/// The largest file (after decompression) read as IDX: Fashion-MNIST's training images are
/// 47 MB; this leaves room for larger MNIST-format sets without reading a disk image.
inline constexpr size_t kMaxIdxBytes = size_t{1} << 30;

/// An IDX array of unsigned bytes (element type 0x08, the one MNIST-format data uses).
struct IdxArray {
  std::vector<uint32_t> dims;  ///< e.g. {60000, 28, 28} for images, {60000} for labels
  std::vector<uint8_t> data;   ///< row-major, dims' product bytes
};

/// Parses IDX `bytes` (already decompressed); `source` names them in errors. Throws
/// FileError(source, ...) naming what is wrong: the magic number, an element type other than
/// unsigned byte, no or too many dimensions, a size that does not match the dimensions.
IdxArray parseIdx(std::string_view bytes, const std::string& source);

/// Reads the IDX file at `path` (gzip-compressed when it starts with gzip's magic), a regular
/// file of at most kMaxIdxBytes before and after decompression. Throws FileError.
IdxArray readIdxFile(const std::string& path);

/// Images with their labels: images N x rows x cols, labels N, each label below `classes`.
struct LabelledImages {
  IdxArray images;
  std::vector<uint8_t> labels;
};

/// Reads and cross-checks an images file (3-D) and its labels file (1-D): the counts must agree
/// and every label be below `classes`. Throws FileError naming the file at fault.
LabelledImages readLabelledImages(const std::string& images_path, const std::string& labels_path,
                                  int classes = 10);

/// `n` images of `rows` x `cols` unsigned bytes as an uncompressed IDX3 file's bytes (magic
/// 0x00000803, then n, rows, cols big-endian, then `bytes`). Throws std::invalid_argument when a
/// dimension is below 1 or `bytes` is not n * rows * cols long.
std::string idxImageBytes(uint32_t n, uint32_t rows, uint32_t cols, std::span<const uint8_t> bytes);

/// Writes idxImageBytes(...) to `path` atomically (writeFileAtomically: only a regular file is
/// ever replaced). Throws FileError naming the path, or as idxImageBytes.
void writeIdxImages(const std::string& path, uint32_t n, uint32_t rows, uint32_t cols,
                    std::span<const uint8_t> bytes);

}  // namespace ganscope
