// The config schema's texts the UI shows, in the UI's language: each field's help (the
// controls' tooltips), the enums' combo labels and the built-in presets' descriptions.
#pragma once
#include <string>

#include "core/config/schema.hpp"

namespace ganscope::i18n {

/// The key of `field`'s help: "config.<path>", e.g. "config.hyper.loss".
std::string fieldHelpKey(const ConfigField& field);
/// The key of an enum's combo label: "enum.<enum>.<name>", e.g. "enum.loss.minimax" (every
/// field of one enum shares its labels: G's and D's activation, both optimisers).
std::string enumLabelKey(const ConfigField& field, const EnumName& name);
/// The key of a built-in preset's description: "preset.<name>".
std::string presetDescriptionKey(const std::string& preset);

/// `field`'s help in the UI's language.
const char* fieldHelp(const ConfigField& field);
/// The combo label of `name`, a value of the enum `field`, in the UI's language.
const char* enumLabel(const ConfigField& field, const EnumName& name);
/// A config's description in the UI's language: the table's translation when the config is the
/// built-in preset `name` with its own description, else `description` itself (a user's file,
/// drawn points).
std::string configDescription(const std::string& name, const std::string& description);

}  // namespace ganscope::i18n
