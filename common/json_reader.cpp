// JsonReader: typed, range-checked field access with field-naming errors; guarded parsing.
#include "common/json_reader.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <cstdlib>

namespace ganscope {
namespace {

constexpr size_t kQuoteChars = 40;  // longer values are cut to this many characters + "..."

const char* typeName(const nlohmann::json& value) {
  return value.type_name();
}

/// Cuts `text` to `max_chars` (+ "..."), never inside a UTF-8 sequence.
std::string prefix(const std::string& text, size_t max_chars = kQuoteChars) {
  if (text.size() <= max_chars) return text;
  size_t end = max_chars;
  while (end > 0 && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80) --end;
  return text.substr(0, end) + "...";
}

/// A number as the JSON gave it: integers exactly (also beyond int64), floats shortest.
std::string numberText(const nlohmann::json& value) {
  if (value.is_number_unsigned()) return std::to_string(value.get<uint64_t>());
  if (value.is_number_integer()) return std::to_string(value.get<int64_t>());
  return shortestText(value.get<double>());
}

/// True for an integer within [lo, hi], also when it is unsigned beyond int64.
bool integerIn(const nlohmann::json& value, int64_t lo, int64_t hi) {
  if (!value.is_number_integer()) return false;
  if (value.is_number_unsigned() && value.get<uint64_t>() > static_cast<uint64_t>(INT64_MAX)) {
    return false;
  }
  const int64_t number = value.get<int64_t>();
  return number >= lo && number <= hi;
}

template <class T>
std::string shortest(T value) {
  char text[64];
  const auto result = std::to_chars(text, text + sizeof(text), value);
  return std::string(text, result.ptr);
}

/// nlohmann's parse error with its "last read: '...'" token (which may be megabytes) cut short.
std::string shortParseError(const std::string& message) {
  const std::string marker = "last read: '";
  const size_t start = message.find(marker);
  if (start == std::string::npos) return prefix(message, 300);
  const size_t token = start + marker.size();
  const size_t end = message.rfind('\'');
  std::string text = message.substr(0, token);
  text += prefix(message.substr(token, end > token ? end - token : std::string::npos));
  text += '\'';
  return text;
}

bool isScalar(const nlohmann::json& value) {
  return value.is_number() || value.is_boolean() || value.is_null();
}

}  // namespace

std::string shortestText(float value) {
  return shortest(value);
}

std::string shortestText(double value) {
  return shortest(value);
}

std::string NumberRange::text() const {
  return std::string(lo_open ? "(" : "[") + shortestText(lo) + ", " + shortestText(hi) +
         (hi_open ? ")" : "]");
}

nlohmann::json parseJson(std::string_view text, const std::string& source) {
  if (const size_t nul = text.find('\0'); nul != std::string_view::npos) {
    throw ConfigError("", "not valid JSON (a NUL byte at offset " + std::to_string(nul) + ")",
                      source);
  }
  const auto limit_depth = [](int depth, nlohmann::json::parse_event_t event, nlohmann::json&) {
    const bool opens = event == nlohmann::json::parse_event_t::object_start ||
                       event == nlohmann::json::parse_event_t::array_start;
    if (opens && depth >= kMaxJsonDepth) {
      throw ConfigError("", "JSON nested deeper than " + std::to_string(kMaxJsonDepth) + " levels");
    }
    return true;
  };
  try {
    return nlohmann::json::parse(text.begin(), text.end(), limit_depth);
  } catch (const nlohmann::json::exception& error) {  // syntax errors, and numbers beyond double
    throw ConfigError("", "not valid JSON (" + shortParseError(error.what()) + ")", source);
  } catch (const ConfigError& error) {
    throw ConfigError("", error.message(), source);
  }
}

std::string quoteJson(const nlohmann::json& value) {
  if (value.is_string()) {
    std::string quoted(1, '"');  // appended, not "\"" + text: GCC 12 warns falsely on that
    quoted += prefix(value.get_ref<const std::string&>());
    quoted += '"';
    return quoted;
  }
  if (value.is_number()) return numberText(value);
  if (isScalar(value)) return value.dump();
  const bool small = value.size() <= 8 && std::all_of(value.begin(), value.end(), isScalar);
  if (small) return prefix(value.dump());
  return std::string(value.is_array() ? "an array of " : "an object with ") +
         std::to_string(value.size()) + (value.is_array() ? " items" : " fields");
}

JsonReader::JsonReader(const nlohmann::json& object, std::string path)
    : object_(object), path_(std::move(path)) {
  if (!object_.is_object()) {
    throw ConfigError(path_, std::string("expected a JSON object, got ") + typeName(object_));
  }
}

std::string JsonReader::fieldPath(const char* key) const {
  return path_.empty() ? std::string(key) : path_ + "." + key;
}

void JsonReader::fail(const char* key, const std::string& message) const {
  throw ConfigError(fieldPath(key), message);
}

const nlohmann::json* JsonReader::find(const char* key) {
  known_.insert(key);
  auto it = object_.find(key);
  return it == object_.end() ? nullptr : &*it;
}

JsonReader JsonReader::child(const char* key) {
  static const nlohmann::json kEmpty = nlohmann::json::object();
  const nlohmann::json* value = find(key);
  return JsonReader(value ? *value : kEmpty, fieldPath(key));
}

void JsonReader::read(const char* key, float& out, const NumberRange& range) {
  const nlohmann::json* value = find(key);
  if (!value) return;
  if (!value->is_number()) {
    fail(key, std::string("expected a number, got ") + typeName(*value));
  }
  // What the run will use, e.g. 1e-60 -> 0, compared with the bounds as floats: 0.999 is
  // within [0, 0.999] whichever way both were rounded.
  const float stored = static_cast<float>(value->get<double>());
  const float lo = static_cast<float>(range.lo), hi = static_cast<float>(range.hi);
  const bool below = range.lo_open ? !(stored > lo) : !(stored >= lo);
  const bool above = range.hi_open ? !(stored < hi) : !(stored <= hi);
  if (!std::isfinite(stored) || below || above) {
    fail(key, numberText(*value) + " is out of range " + range.text());
  }
  out = stored;
}

void JsonReader::read(const char* key, int64_t& out, int64_t lo, int64_t hi) {
  const nlohmann::json* value = find(key);
  if (!value) return;
  if (!value->is_number_integer()) {
    fail(key, std::string("expected an integer, got ") +
                  (value->is_number() ? numberText(*value) : typeName(*value)));
  }
  if (!integerIn(*value, lo, hi)) {  // reported as given: 2^64-1 is not "-1"
    fail(key, numberText(*value) + " is out of range [" + std::to_string(lo) + ", " +
                  std::to_string(hi) + "]");
  }
  out = value->get<int64_t>();
}

void JsonReader::read(const char* key, int& out, int64_t lo, int64_t hi) {
  int64_t wide = out;
  read(key, wide, lo, hi);
  out = static_cast<int>(wide);
}

void JsonReader::read(const char* key, uint64_t& out) {
  const nlohmann::json* value = find(key);
  if (!value) return;
  if (!value->is_number_unsigned()) {
    fail(key, std::string("expected a non-negative integer, got ") +
                  (value->is_number() ? numberText(*value) : typeName(*value)));
  }
  out = value->get<uint64_t>();
}

void JsonReader::read(const char* key, std::string& out) {
  const nlohmann::json* value = find(key);
  if (!value) return;
  if (!value->is_string()) fail(key, std::string("expected a string, got ") + typeName(*value));
  out = value->get<std::string>();
}

void JsonReader::read(const char* key, bool& out) {
  const nlohmann::json* value = find(key);
  if (!value) return;
  if (!value->is_boolean())
    fail(key, std::string("expected true or false, got ") + typeName(*value));
  out = value->get<bool>();
}

void JsonReader::read(const char* key, std::span<int64_t> out, int64_t lo, int64_t hi) {
  const nlohmann::json* value = find(key);
  if (!value) return;
  if (!value->is_array() || value->size() != out.size()) {
    fail(key, "expected an array of " + std::to_string(out.size()) + " integers");
  }
  for (size_t i = 0; i < out.size(); ++i) {
    const nlohmann::json& item = (*value)[i];
    if (!integerIn(item, lo, hi)) {
      fail(key, "item " + std::to_string(i) + " (" + quoteJson(item) + ") is not an integer in [" +
                    std::to_string(lo) + ", " + std::to_string(hi) + "]");
    }
    out[i] = item.get<int64_t>();
  }
}

void JsonReader::readPoints(const char* key, std::vector<float>& out, size_t max_points,
                            double limit) {
  const nlohmann::json* value = find(key);
  if (!value) return;
  if (!value->is_array() || value->size() > max_points) {
    fail(key, "expected an array of at most " + std::to_string(max_points) + " [x, y] pairs");
  }
  std::vector<float> points;
  for (size_t i = 0; i < value->size(); ++i) {
    const nlohmann::json& item = (*value)[i];
    const bool pair = item.is_array() && item.size() == 2 && item[0].is_number() &&
                      item[1].is_number() && std::abs(item[0].get<double>()) <= limit &&
                      std::abs(item[1].get<double>()) <= limit;
    if (!pair) {
      fail(key, "item " + std::to_string(i) + " (" + quoteJson(item) +
                    ") is not an [x, y] pair in [" + shortestText(-limit) + ", " +
                    shortestText(limit) + "]");
    }
    points.push_back(item[0].get<float>());
    points.push_back(item[1].get<float>());
  }
  out = std::move(points);
}

void JsonReader::readEnum(const char* key, uint8_t& out, std::span<const EnumName> names) {
  const nlohmann::json* value = find(key);
  if (!value) return;
  std::string allowed;
  for (const EnumName& name : names) {
    if (value->is_string() && value->get_ref<const std::string&>() == name.name) {
      out = name.value;
      return;
    }
    allowed += allowed.empty() ? "" : ", ";
    allowed += std::string("\"") + name.name + "\"";
  }
  fail(key, quoteJson(*value) + " is not allowed; use one of " + allowed);
}

void JsonReader::rejectUnknown() const {
  for (const auto& [key, value] : object_.items()) {
    if (known_.count(key)) continue;
    std::string allowed;
    for (const std::string& name : known_) allowed += (allowed.empty() ? "" : ", ") + name;
    throw ConfigError(fieldPath(prefix(key).c_str()),
                      "unknown field; allowed fields here: " + allowed);
  }
}

}  // namespace ganscope
