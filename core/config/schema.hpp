// The config schema, declared once: every field of TrainConfig with its dotted JSON path, type,
// allowed range or values, one-line help and slider limits. It drives configFromJson,
// configToJson, --dump-config, --help-config and the UI controls' ranges and tooltips.
// Torch-free. Defaults are not in the table: they are TrainConfig's inline defaults.
#pragma once
#include <cstdint>
#include <span>
#include <stdexcept>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

#include <nlohmann/json_fwd.hpp>

#include "common/json_reader.hpp"
#include "core/api/config.hpp"

namespace ganscope {

enum class FieldType : uint8_t { Float, Int, Int64, UInt64, Bool, String, Enum, Points };

/// The FieldType of a member of type T (enums are stored as their uint8_t).
template <class T>
constexpr FieldType fieldTypeOf() {
  if constexpr (std::is_same_v<T, float>) return FieldType::Float;
  if constexpr (std::is_same_v<T, int>) return FieldType::Int;
  if constexpr (std::is_same_v<T, int64_t>) return FieldType::Int64;
  if constexpr (std::is_same_v<T, uint64_t>) return FieldType::UInt64;
  if constexpr (std::is_same_v<T, bool>) return FieldType::Bool;
  if constexpr (std::is_same_v<T, std::string>) return FieldType::String;
  if constexpr (std::is_same_v<T, std::vector<float>>) return FieldType::Points;
  if constexpr (std::is_enum_v<T> || std::is_same_v<T, uint8_t>) return FieldType::Enum;
}

/// A slider's limits in the UI where they are narrower than the allowed range (lo == hi: use
/// the allowed range). Typed values are clamped to the slider's limits.
struct SliderRange {
  double lo = 0;                 ///< left end of the slider
  double hi = 0;                 ///< right end of the slider
  bool logarithmic = false;      ///< a log scale, for values spanning decades
  const char* format = nullptr;  ///< printf format of the value (nullptr: "%d" or "%.3f")
};

/// One field of TrainConfig.
struct ConfigField {
  const char* path;                 ///< dotted JSON path, e.g. "hyper.d_opt.lr"
  FieldType type;                   ///< how the value is read, written and edited
  NumberRange range;                ///< numbers: the allowed values (seed: any uint64)
  std::span<const EnumName> names;  ///< enums: the allowed names
  const char* help;                 ///< one line: what the field does
  SliderRange slider;               ///< numbers: the UI slider's limits
  void* (*member)(TrainConfig&);    ///< the field's member in a config

  /// The member in `config`. T must match `type` (float, int, int64_t, uint64_t, bool,
  /// std::string, std::vector<float> for points, the enum or uint8_t for enums): throws
  /// std::logic_error naming the path if it does not.
  template <class T>
  T& get(TrainConfig& config) const {
    if (fieldTypeOf<T>() != type) throw std::logic_error(std::string("wrong type for ") + path);
    return *static_cast<T*>(member(config));
  }
  template <class T>
  const T& get(const TrainConfig& config) const {
    return get<T>(const_cast<TrainConfig&>(config));
  }
  /// The key inside its group: "lr" for "hyper.d_opt.lr".
  std::string_view key() const;
  /// The dotted path of its group: "hyper.d_opt" ("" at the top level).
  std::string_view group() const;
  /// The path as a JSON pointer: "/hyper/d_opt/lr".
  std::string pointer() const;
};

/// Every field, in the order --help-config lists them.
std::span<const ConfigField> configFields();

/// The groups nested one level below `group` ("" for the top level), in table order: "g_opt"
/// and "d_opt" for "hyper".
std::vector<std::string_view> childGroups(std::string_view group);

/// The field at `path`; throws std::out_of_range naming the path if there is none (a bug).
const ConfigField& configField(std::string_view path);

/// The field's value in `config` as JSON: floats as their shortest decimal (0.02, not
/// 0.019999999552965164), enums by name, points as [[x, y], ...].
nlohmann::json fieldToJson(const ConfigField& field, const TrainConfig& config);

/// The type's name in --help-config: "float", "int", "enum", ...
const char* typeName(FieldType type);

/// The allowed values as text: "[0, 1)", "one of \"sgd\", \"adam\"", "true or false", ...
std::string allowedText(const ConfigField& field);

/// --help-config: every field with its type, default, allowed values and help.
std::string configHelpText();

/// The nearest double to the float's shortest decimal text, so JSON prints it shortest.
double shortestDouble(float value);

}  // namespace ganscope
