// JsonReader: reads fields of one JSON object into typed values, naming the dotted field path,
// the expected type and the allowed range in every error, and rejecting unknown fields.
// Also parseJson(): JSON text to a value, refusing deep nesting and NUL bytes.
#pragma once
#include <cstdint>
#include <set>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "common/config_error.hpp"

namespace ganscope {

/// Nesting deeper than this is refused while parsing (the deepest config nests 3 levels).
inline constexpr int kMaxJsonDepth = 64;

/// Parses JSON text; `source` names it in errors. Throws ConfigError for invalid JSON, nesting
/// deeper than kMaxJsonDepth and NUL bytes (JSON text never holds one).
nlohmann::json parseJson(std::string_view text, const std::string& source);

/// A JSON value for an error message: short values as JSON, long strings and big containers
/// as a prefix or a summary, so that a message never holds a whole huge value.
std::string quoteJson(const nlohmann::json& value);

/// Allowed numbers: lo..hi, each end open (excluded) or closed (included).
struct NumberRange {
  double lo = 0;
  double hi = 0;
  bool lo_open = false;
  bool hi_open = false;
  /// "[0, 1)" style text.
  std::string text() const;
};

/// One name of an enum in JSON, its value (the enum's uint8_t) and its label in the UI.
struct EnumName {
  const char* name;
  uint8_t value;
  const char* label;
};

/// Shortest decimal text that reads back as the same float/double, e.g. "0.02".
std::string shortestText(float value);
std::string shortestText(double value);

class JsonReader {
 public:
  /// `path` is the dotted path of `object` ("" at the top level).
  JsonReader(const nlohmann::json& object, std::string path);

  /// Each reader leaves `out` unchanged when `key` is absent. A float is range-checked after
  /// rounding to float, against the bounds rounded to float: the documented ends are allowed.
  void read(const char* key, float& out, const NumberRange& range);
  void read(const char* key, float& out, double lo, double hi) { read(key, out, {lo, hi}); }
  void read(const char* key, int& out, int64_t lo, int64_t hi);
  void read(const char* key, int64_t& out, int64_t lo, int64_t hi);
  void read(const char* key, uint64_t& out);
  void read(const char* key, std::string& out);
  void read(const char* key, bool& out);
  /// An array of exactly out.size() integers, each within [lo, hi].
  void read(const char* key, std::span<int64_t> out, int64_t lo, int64_t hi);

  /// An array of [x, y] pairs, between 0 and max_points of them, each coordinate within
  /// [-limit, limit]; `out` gets them interleaved x, y.
  void readPoints(const char* key, std::vector<float>& out, size_t max_points, double limit);

  /// Reads a string that must be one of `names`; `out` becomes the matching value.
  void readEnum(const char* key, uint8_t& out, std::span<const EnumName> names);

  /// A reader for the nested object `key` (an empty object when absent).
  JsonReader child(const char* key);

  /// Throws for any field of the object that no read/child call asked for.
  void rejectUnknown() const;
  /// The dotted path of `key` in this object, for errors raised outside the reader.
  std::string fieldPath(const char* key) const;

 private:
  const nlohmann::json* find(const char* key);
  [[noreturn]] void fail(const char* key, const std::string& message) const;

  const nlohmann::json& object_;
  std::string path_;
  std::set<std::string> known_;
};

}  // namespace ganscope
