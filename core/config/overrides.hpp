// Config overrides by dotted path ("hyper.loss=wgan_gp"), and the list of fields in which two
// configs differ: what a comparison run changes, and what its title says. Torch-free.
#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "core/api/config.hpp"

namespace ganscope {

/// `config` with the field named by `assignment` ("dotted.path=VALUE") set to VALUE. VALUE is
/// read as JSON (a number, true/false, an array) or else as a string ("hyper.loss=hinge").
/// Throws ConfigError naming the field for an unknown path, a section given a value, or a
/// value the field does not allow.
TrainConfig withOverride(const TrainConfig& config, std::string_view assignment);

/// One field in which two configs differ: its dotted path and its value in each, as JSON text.
struct FieldDifference {
  std::string path;
  std::string before, after;
};
/// The fields (leaves) in which `after` differs from `before`, sorted by path; `name` and
/// `description` are not compared, and the drawn points count as one field.
std::vector<FieldDifference> differingFields(const TrainConfig& before, const TrainConfig& after);

/// "path=value, path=value" of the differences: the title of a comparison run.
std::string describeDifferences(const std::vector<FieldDifference>& differences);

}  // namespace ganscope
