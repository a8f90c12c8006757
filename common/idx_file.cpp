// IDX reading: gzip through zlib's inflate, then the header checked against the bytes.
#include "common/idx_file.hpp"

#include <zlib.h>

#include <algorithm>
#include <cstdio>

#include <stdexcept>

#include "common/atomic_file.hpp"
#include "common/file_error.hpp"
#include "common/read_file.hpp"

namespace ganscope {
namespace {

constexpr unsigned char kUnsignedByte = 0x08;
constexpr int kMaxDims = 4;

uint32_t bigEndian32(std::string_view bytes, size_t at) {
  uint32_t value = 0;
  for (size_t i = 0; i < 4; ++i) value = (value << 8) | static_cast<unsigned char>(bytes[at + i]);
  return value;
}

bool isGzip(std::string_view bytes) {
  return bytes.size() >= 2 && static_cast<unsigned char>(bytes[0]) == 0x1f &&
         static_cast<unsigned char>(bytes[1]) == 0x8b;
}

/// The decompressed content of gzip `bytes` (all members), at most kMaxIdxBytes.
std::string gunzip(std::string_view bytes, const std::string& path) {
  z_stream stream{};
  if (inflateInit2(&stream, 15 + 32) != Z_OK) throw FileError(path, "zlib could not start");
  std::string out;
  char buffer[1 << 16];
  stream.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(bytes.data()));
  stream.avail_in = static_cast<uInt>(bytes.size());
  int status = Z_OK;
  while (status != Z_STREAM_END) {
    stream.next_out = reinterpret_cast<Bytef*>(buffer);
    stream.avail_out = sizeof(buffer);
    status = inflate(&stream, Z_NO_FLUSH);
    if (status != Z_OK && status != Z_STREAM_END) {
      const std::string why = status == Z_BUF_ERROR ? "the compressed data ends early (truncated)"
                              : stream.msg          ? stream.msg
                                                    : "corrupt compressed data";
      inflateEnd(&stream);
      throw FileError(path, "not a valid gzip file: " + why);
    }
    out.append(buffer, sizeof(buffer) - stream.avail_out);
    if (out.size() > kMaxIdxBytes) {
      inflateEnd(&stream);
      throw FileError(path, "decompresses to more than " + std::to_string(kMaxIdxBytes >> 20) +
                                " MB; not an IDX file this program reads");
    }
  }
  inflateEnd(&stream);
  return out;
}

}  // namespace

IdxArray parseIdx(std::string_view bytes, const std::string& source) {
  if (bytes.size() < 4 || bytes[0] != 0 || bytes[1] != 0) {
    throw FileError(source,
                    "not an IDX file (an IDX file starts with two zero bytes, the element "
                    "type and the number of dimensions)");
  }
  const auto type = static_cast<unsigned char>(bytes[2]);
  if (type != kUnsignedByte) {
    char hex[8];
    std::snprintf(hex, sizeof(hex), "0x%02x", type);
    throw FileError(source, std::string("IDX element type ") + hex +
                                " is not supported; MNIST-format data is unsigned bytes (0x08)");
  }
  const int ndims = static_cast<unsigned char>(bytes[3]);
  if (ndims < 1 || ndims > kMaxDims) {
    throw FileError(source, "IDX file with " + std::to_string(ndims) +
                                " dimensions; allowed: 1 to " + std::to_string(kMaxDims));
  }
  const size_t header = 4 + 4 * static_cast<size_t>(ndims);
  if (bytes.size() < header) {
    throw FileError(source, "truncated IDX header: " + std::to_string(bytes.size()) +
                                " bytes, the header alone takes " + std::to_string(header));
  }
  IdxArray array;
  uint64_t count = 1;
  for (int d = 0; d < ndims; ++d) {
    array.dims.push_back(bigEndian32(bytes, 4 + 4 * static_cast<size_t>(d)));
    count *= array.dims.back();
    if (count > kMaxIdxBytes) {
      throw FileError(source, "IDX dimensions promise more than " +
                                  std::to_string(kMaxIdxBytes >> 20) + " MB of data");
    }
  }
  const size_t have = bytes.size() - header;
  if (have != count) {
    std::string dims;
    for (uint32_t d : array.dims) dims += (dims.empty() ? "" : " x ") + std::to_string(d);
    throw FileError(source, std::string(have < count ? "truncated" : "trailing bytes") +
                                ": the header says " + dims + " = " + std::to_string(count) +
                                " bytes of data, the file has " + std::to_string(have));
  }
  array.data.assign(bytes.begin() + static_cast<std::ptrdiff_t>(header), bytes.end());
  return array;
}

IdxArray readIdxFile(const std::string& path) {
  const std::string raw = readRegularFile(path, kMaxIdxBytes);
  return isGzip(raw) ? parseIdx(gunzip(raw, path), path) : parseIdx(raw, path);
}

LabelledImages readLabelledImages(const std::string& images_path, const std::string& labels_path,
                                  int classes) {
  LabelledImages out;
  out.images = readIdxFile(images_path);
  if (out.images.dims.size() != 3) {
    throw FileError(images_path,
                    "images must be a 3-D IDX array (count x rows x columns); this "
                    "one has " +
                        std::to_string(out.images.dims.size()) + " dimensions");
  }
  IdxArray labels = readIdxFile(labels_path);
  if (labels.dims.size() != 1) {
    throw FileError(labels_path, "labels must be a 1-D IDX array; this one has " +
                                     std::to_string(labels.dims.size()) + " dimensions");
  }
  if (labels.dims[0] != out.images.dims[0]) {
    throw FileError(labels_path, std::to_string(labels.dims[0]) + " labels for " +
                                     std::to_string(out.images.dims[0]) + " images in " +
                                     images_path);
  }
  const auto bad = std::find_if(labels.data.begin(), labels.data.end(),
                                [&](uint8_t label) { return label >= classes; });
  if (bad != labels.data.end()) {
    throw FileError(labels_path, "label " + std::to_string(*bad) + " at index " +
                                     std::to_string(bad - labels.data.begin()) +
                                     "; labels must be 0 to " + std::to_string(classes - 1));
  }
  out.labels = std::move(labels.data);
  return out;
}

std::string idxImageBytes(uint32_t n, uint32_t rows, uint32_t cols,
                          std::span<const uint8_t> bytes) {
  if (n < 1 || rows < 1 || cols < 1) {
    throw std::invalid_argument("IDX images " + std::to_string(n) + " x " + std::to_string(rows) +
                                " x " + std::to_string(cols) +
                                ": every dimension must be at least 1");
  }
  const uint64_t count = uint64_t{n} * rows * cols;
  if (bytes.size() != count) {
    throw std::invalid_argument("IDX images " + std::to_string(n) + " x " + std::to_string(rows) +
                                " x " + std::to_string(cols) + " need " + std::to_string(count) +
                                " bytes, got " + std::to_string(bytes.size()));
  }
  std::string out = {0, 0, static_cast<char>(kUnsignedByte), 3};
  for (const uint32_t dim : {n, rows, cols}) {
    for (int shift = 24; shift >= 0; shift -= 8) out.push_back(static_cast<char>(dim >> shift));
  }
  out.append(reinterpret_cast<const char*>(bytes.data()), bytes.size());
  return out;
}

void writeIdxImages(const std::string& path, uint32_t n, uint32_t rows, uint32_t cols,
                    std::span<const uint8_t> bytes) {
  writeFileAtomically(path, idxImageBytes(n, rows, cols, bytes));
}

}  // namespace ganscope
