// Config overrides and differences, on the config's own JSON form: the reader validates an
// override exactly as it validates a file.
#include "core/config/overrides.hpp"

#include <nlohmann/json.hpp>

#include "common/json_reader.hpp"

namespace ganscope {
namespace {

using nlohmann::json;

constexpr size_t kQuotedValue = 40;  // characters of a bad value quoted in an error

std::string quoted(std::string_view text) {
  if (text.size() <= kQuotedValue) return "\"" + std::string(text) + "\"";
  return "\"" + std::string(text.substr(0, kQuotedValue)) + "...\"";
}

/// VALUE as JSON if it parses as JSON (within parseJson's depth limit), else as a JSON string.
json valueOf(std::string_view text) {
  try {
    return parseJson(text, "value");
  } catch (const ConfigError&) {
    return json(std::string(text));
  }
}

/// "hyper.d_opt.lr" -> "/hyper/d_opt/lr"; "" for an empty segment ("hyper..lr", ".lr").
std::string pointerOf(std::string_view path) {
  std::string pointer = "/";
  for (const char c : path) {
    if (c == '.' && pointer.back() == '/') return "";
    pointer += c == '.' ? '/' : c;
  }
  return pointer.back() == '/' ? "" : pointer;
}

}  // namespace

TrainConfig withOverride(const TrainConfig& config, std::string_view assignment) {
  const size_t equals = assignment.find('=');
  if (equals == std::string_view::npos) {
    throw ConfigError("", quoted(assignment) + " is not FIELD=VALUE, e.g. hyper.loss=hinge");
  }
  const std::string_view path = assignment.substr(0, equals);
  const std::string pointer_text = pointerOf(path);
  if (pointer_text.empty()) {
    throw ConfigError("", quoted(path) + " is not a dotted field path, e.g. hyper.d_opt.lr");
  }
  json root = configToJson(config);
  const json::json_pointer pointer(pointer_text);
  const json* current = root.contains(pointer) ? &root.at(pointer) : nullptr;
  if (current && current->is_object()) {
    throw ConfigError(std::string(path), "is a section, not a field; name one of its fields");
  }
  // An absent leaf is set anyway: the reader rejects it by name if the schema has no such field.
  root[pointer] = valueOf(assignment.substr(equals + 1));
  return configFromJson(root);
}

std::vector<FieldDifference> differingFields(const TrainConfig& before, const TrainConfig& after) {
  json whole_a = configToJson(before), whole_b = configToJson(after);
  std::vector<FieldDifference> differences;
  // Drawn points are one field, not a leaf per coordinate.
  if (before.data.points != after.data.points) {
    auto count = [](const TrainConfig& c) {
      return std::to_string(c.data.points.size() / 2) + " points";
    };
    differences.push_back({"data.points", count(before), count(after)});
  }
  whole_a["data"].erase("points");
  whole_b["data"].erase("points");
  const json a = whole_a.flatten(), b = whole_b.flatten();
  auto add = [&](const std::string& pointer, const json* x, const json* y) {
    if (pointer == "/name" || pointer == "/description") return;
    std::string path = pointer.substr(1);
    for (char& c : path) c = c == '/' ? '.' : c;
    differences.push_back({path, x ? x->dump() : "(none)", y ? y->dump() : "(none)"});
  };
  for (const auto& [pointer, value] : a.items()) {
    const auto other = b.find(pointer);
    if (other == b.end() || *other != value) {
      add(pointer, &value, other == b.end() ? nullptr : &*other);
    }
  }
  for (const auto& [pointer, value] : b.items()) {
    if (!a.contains(pointer)) add(pointer, nullptr, &value);
  }
  return differences;
}

std::string describeDifferences(const std::vector<FieldDifference>& differences) {
  std::string text;
  for (const FieldDifference& d : differences) {
    text += (text.empty() ? "" : ", ") + d.path + "=" + d.after;
  }
  return text;
}

}  // namespace ganscope
