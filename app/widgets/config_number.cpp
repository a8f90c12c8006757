// Number fields over config fields, specified by the schema table.
#include "app/widgets/config_number.hpp"

#include <imgui.h>

#include <stdexcept>
#include <string_view>

#include "app/i18n/config_text.hpp"
#include "app/i18n/strings.hpp"

namespace ganscope {
namespace {

bool isOneOf(std::string_view path, std::initializer_list<std::string_view> paths) {
  for (const std::string_view p : paths) {
    if (path == p) return true;
  }
  return false;
}

}  // namespace

NumberSpec configNumberSpec(const ConfigField& field) {
  NumberSpec spec;
  spec.lo = field.range.lo;
  spec.hi = field.range.hi;
  spec.lo_open = field.range.lo_open;
  spec.hi_open = field.range.hi_open;
  spec.log_scale = field.slider.logarithmic;
  spec.handle_lo = field.slider.lo;
  spec.handle_hi = field.slider.hi;
  const std::string_view path = field.path;
  switch (field.type) {
    case FieldType::Float:
      spec.log_scale |= path == "hyper.instance_noise";
      break;
    case FieldType::Int:
      spec.integer = true;
      spec.doubling = isOneOf(path, {"hyper.batch_size", "generator.width", "discriminator.width"});
      break;
    case FieldType::Int64:  // step counts up to 1e9: a log handle over 100 to a million
      spec.integer = spec.log_scale = spec.doubling = true;
      spec.handle_lo = 100;
      spec.handle_hi = 1e6;
      break;
    case FieldType::UInt64:
      spec.integer = true;
      spec.lo = 0;
      spec.hi = 9007199254740991.0;  // 2^53 - 1
      spec.handle_lo = 0;
      spec.handle_hi = 1000;
      break;
    default:
      throw std::logic_error(std::string(field.path) + " is not a number field");
  }
  return spec;
}

bool configNumberField(NumberFieldState& state, const char* label, const std::string& path,
                       TrainConfig& config) {
  const ConfigField& field = configField(path);
  const NumberSpec spec = configNumberSpec(field);
  bool changed = false;
  switch (field.type) {
    case FieldType::Float:
      changed = numberField(state, label, path, spec, field.get<float>(config));
      break;
    case FieldType::Int:
      changed = numberField(state, label, path, spec, field.get<int>(config));
      break;
    case FieldType::Int64:
      changed = numberField(state, label, path, spec, field.get<int64_t>(config));
      break;
    default:
      changed = numberField(state, label, path, spec, field.get<uint64_t>(config));
      break;
  }
  if (ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenDisabled)) {
    ImGui::SetTooltip("%s\n%s", i18n::fieldHelp(field), i18n::tr("number.tip"));
  }
  return changed;
}

}  // namespace ganscope
