// Number fields over TrainConfig's fields: the allowed range, the handle's range and its scale
// come from the config schema (looked up by path), so the UI never disagrees with the reader.
#pragma once
#include <string>

#include "app/widgets/number_field.hpp"
#include "core/config/schema.hpp"

namespace ganscope {

/// The number field spec of a config field: the schema's allowed range, its slider range for
/// the handle and its log flag; batch sizes and widths double on the wheel, instance noise and
/// step counts (half-life, noise anneal) use a log handle; a seed takes 0 to 2^53 - 1 (exact
/// in a double). Throws std::logic_error for a field that is not a number.
NumberSpec configNumberSpec(const ConfigField& field);

/// A number field over the config field at `path`, with the field's help as its tooltip.
/// Returns true when the value changed.
bool configNumberField(NumberFieldState& state, const char* label, const std::string& path,
                       TrainConfig& config);

}  // namespace ganscope
