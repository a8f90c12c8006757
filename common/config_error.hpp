// ConfigError: a bad configuration or settings file, naming the dotted field and the source.
// Torch-free: thrown by the JSON reader, the config schema and the app's settings.
#pragma once
#include <stdexcept>
#include <string>

namespace ganscope {

/// A bad configuration. `field()` is the dotted JSON path, e.g. "hyper.d_opt.lr".
class ConfigError : public std::runtime_error {
 public:
  /// `source` names the file or text the error came from ("" when unknown).
  ConfigError(std::string field, std::string message, const std::string& source = "")
      : std::runtime_error((source.empty() ? "" : source + ": ") +
                           (field.empty() ? message : field + ": " + message)),
        field_(std::move(field)),
        message_(std::move(message)) {}
  const std::string& field() const { return field_; }
  const std::string& message() const { return message_; }

 private:
  std::string field_;
  std::string message_;
};

}  // namespace ganscope
