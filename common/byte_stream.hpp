// ByteWriter and ByteReader: a little binary layout (native-endian scalars, length-prefixed
// strings) for state and session files. The reader checks every length against what is left,
// so truncated or garbage input ends in a FormatError naming what was being read, never a crash.
#pragma once
#include <cstdint>
#include <cstring>
#include <stdexcept>
#include <string>
#include <string_view>
#include <type_traits>

namespace ganscope {

/// Bad bytes: truncated, corrupted, wrong version or not the expected kind of file.
class FormatError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

class ByteWriter {
 public:
  template <class T>
  void put(T value) {
    static_assert(std::is_trivially_copyable_v<T>);
    bytes_.append(reinterpret_cast<const char*>(&value), sizeof(T));
  }
  void putRaw(std::string_view bytes) { bytes_.append(bytes); }
  /// A u64 length, then the bytes.
  void putString(std::string_view bytes) {
    put<uint64_t>(bytes.size());
    putRaw(bytes);
  }
  std::string& bytes() { return bytes_; }

 private:
  std::string bytes_;
};

class ByteReader {
 public:
  /// `source` names the input in errors (e.g. "session file x.gss").
  ByteReader(std::string_view bytes, std::string source)
      : bytes_(bytes), source_(std::move(source)) {}

  /// The next `count` bytes; `what` names them in the error when fewer are left.
  std::string_view raw(uint64_t count, const char* what) {
    if (count > remaining()) {
      throw FormatError(source_ + ": truncated: " + what + " needs " + std::to_string(count) +
                        " bytes at offset " + std::to_string(offset_) + ", only " +
                        std::to_string(remaining()) + " left");
    }
    const std::string_view out = bytes_.substr(offset_, count);
    offset_ += count;
    return out;
  }
  template <class T>
  T get(const char* what) {
    static_assert(std::is_trivially_copyable_v<T>);
    T value;
    std::memcpy(&value, raw(sizeof(T), what).data(), sizeof(T));
    return value;
  }
  /// A string written by putString.
  std::string_view string(const char* what) { return raw(get<uint64_t>(what), what); }
  uint64_t remaining() const { return bytes_.size() - offset_; }
  uint64_t offset() const { return offset_; }
  const std::string& source() const { return source_; }
  /// Throws a FormatError "source: message".
  [[noreturn]] void fail(const std::string& message) const {
    throw FormatError(source_ + ": " + message);
  }
  /// Throws unless every byte was read.
  void expectEnd() const {
    if (remaining() != 0) {
      fail(std::to_string(remaining()) + " unexpected bytes after the end, at offset " +
           std::to_string(offset_));
    }
  }

 private:
  std::string_view bytes_;
  uint64_t offset_ = 0;
  std::string source_;
};

}  // namespace ganscope
