// JsonReader: typed, range-checked field access with field-naming errors.
#include "core/json_reader.hpp"

#include <cmath>
#include <sstream>

namespace ganscope {
namespace {

std::string formatNumber(double value) {
  std::ostringstream out;
  out << value;
  return out.str();
}

const char* typeName(const nlohmann::json& value) {
  return value.type_name();
}

}  // namespace

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

void JsonReader::read(const char* key, float& out, double lo, double hi, bool lo_open) {
  const nlohmann::json* value = find(key);
  if (!value) return;
  if (!value->is_number()) {
    fail(key, std::string("expected a number, got ") + typeName(*value));
  }
  const double number = value->get<double>();
  const float stored = static_cast<float>(number);  // what the run will use, e.g. 1e-60 -> 0
  const bool below = lo_open ? !(stored > lo) : !(stored >= lo);
  if (!std::isfinite(stored) || below || stored > hi) {
    fail(key, formatNumber(number) + " is out of range " + (lo_open ? "(" : "[") +
                  formatNumber(lo) + ", " + formatNumber(hi) + "]");
  }
  out = stored;
}

void JsonReader::read(const char* key, int64_t& out, int64_t lo, int64_t hi) {
  const nlohmann::json* value = find(key);
  if (!value) return;
  if (!value->is_number_integer()) {
    fail(key, std::string("expected an integer, got ") +
                  (value->is_number() ? value->dump() : typeName(*value)));
  }
  const int64_t number = value->get<int64_t>();
  if (number < lo || number > hi) {
    fail(key, std::to_string(number) + " is out of range [" + std::to_string(lo) + ", " +
                  std::to_string(hi) + "]");
  }
  out = number;
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
                  (value->is_number() ? value->dump() : typeName(*value)));
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
    if (!item.is_number_integer() || item.get<int64_t>() < lo || item.get<int64_t>() > hi) {
      fail(key, "item " + std::to_string(i) + " (" + item.dump() + ") is not an integer in [" +
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
      fail(key, "item " + std::to_string(i) + " (" + item.dump() + ") is not an [x, y] pair in [" +
                    formatNumber(-limit) + ", " + formatNumber(limit) + "]");
    }
    points.push_back(item[0].get<float>());
    points.push_back(item[1].get<float>());
  }
  out = std::move(points);
}

void JsonReader::rejectUnknown() const {
  for (const auto& [key, value] : object_.items()) {
    if (known_.count(key)) continue;
    std::string allowed;
    for (const std::string& name : known_) allowed += (allowed.empty() ? "" : ", ") + name;
    throw ConfigError(fieldPath(key.c_str()), "unknown field; allowed fields here: " + allowed);
  }
}

}  // namespace ganscope
