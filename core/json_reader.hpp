// JsonReader: reads fields of one JSON object into typed values, naming the dotted field path,
// the expected type and the allowed range in every error, and rejecting unknown fields.
#pragma once
#include <cstdint>
#include <initializer_list>
#include <set>
#include <span>
#include <string>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/config.hpp"

namespace ganscope {

class JsonReader {
 public:
  /// `path` is the dotted path of `object` ("" at the top level).
  JsonReader(const nlohmann::json& object, std::string path);

  /// Each reader leaves `out` unchanged when `key` is absent.
  void read(const char* key, float& out, double lo, double hi, bool lo_open = false);
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
  template <class Enum>
  void readEnum(const char* key, Enum& out,
                std::initializer_list<std::pair<const char*, Enum>> names);

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

template <class Enum>
void JsonReader::readEnum(const char* key, Enum& out,
                          std::initializer_list<std::pair<const char*, Enum>> names) {
  const nlohmann::json* value = find(key);
  if (!value) return;
  std::string allowed;
  for (const auto& [name, kind] : names) {
    if (value->is_string() && value->get_ref<const std::string&>() == name) {
      out = kind;
      return;
    }
    allowed += allowed.empty() ? "" : ", ";
    allowed += std::string("\"") + name + "\"";
  }
  fail(key, (value->is_string() ? "\"" + value->get<std::string>() + "\"" : value->dump()) +
                " is not allowed; use one of " + allowed);
}

}  // namespace ganscope
