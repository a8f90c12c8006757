// Keys of the schema's texts, and their lookup with the schema's own English as the fallback.
#include "app/i18n/config_text.hpp"

#include "app/i18n/strings.hpp"
#include "core/config/enum_names.hpp"

namespace ganscope::i18n {
namespace {

/// The name of the enum whose names `field` takes, as its labels' keys spell it.
const char* enumKeyOf(const ConfigField& field) {
  const EnumName* names = field.names.data();
  if (names == kLossNames) return "loss";
  if (names == kOptimizerNames) return "optimizer";
  if (names == kActivationNames) return "activation";
  if (names == kDataNames) return "data";
  if (names == kLatentNames) return "latent";
  if (names == kEngineNames) return "engine";
  return field.path;  // an enum added to the schema without a key here: its path, still unique
}

/// `key`'s text, or `fallback` when no table has the key.
const char* trOr(const std::string& key, const char* fallback) {
  return lookup(Language::En, key) ? tr(key) : fallback;
}

}  // namespace

std::string fieldHelpKey(const ConfigField& field) {
  return std::string("config.") + field.path;
}

std::string enumLabelKey(const ConfigField& field, const EnumName& name) {
  return std::string("enum.") + enumKeyOf(field) + "." + name.name;
}

std::string presetDescriptionKey(const std::string& preset) {
  return "preset." + preset;
}

const char* fieldHelp(const ConfigField& field) {
  return trOr(fieldHelpKey(field), field.help);
}

const char* enumLabel(const ConfigField& field, const EnumName& name) {
  return trOr(enumLabelKey(field, name), name.label);
}

std::string configDescription(const std::string& name, const std::string& description) {
  const std::string key = presetDescriptionKey(name);
  const std::optional<std::string_view> english = lookup(Language::En, key);
  return english && *english == description ? tr(key) : description;
}

}  // namespace ganscope::i18n
