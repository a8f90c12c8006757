// The logic of a typed number field without ImGui: what a field allows (NumberSpec), parsing and
// checking typed text against it, compact printing, and the steps of the wheel and drag handle.
#pragma once
#include <optional>
#include <string>
#include <string_view>

namespace ganscope {

/// What a number field accepts and how its handle moves.
struct NumberSpec {
  double lo = 0;           ///< smallest allowed value
  double hi = 0;           ///< largest allowed value
  bool lo_open = false;    ///< lo itself is not allowed ("(0, 10]")
  bool hi_open = false;    ///< hi itself is not allowed
  bool integer = false;    ///< whole numbers only
  bool log_scale = false;  ///< the handle and wheel multiply (1-2-5 steps) instead of adding
  bool doubling = false;   ///< integers: the wheel doubles and halves (batch, width)
  double handle_lo = 0;    ///< the handle's range (handle_lo == handle_hi: the allowed range)
  double handle_hi = 0;
};

/// Why typed text was refused.
enum class NumberError : unsigned char { None, NotANumber, NotWhole, OutOfRange };

/// The result of parsing typed text: the value, or why it was refused.
struct ParsedNumber {
  double value = 0;
  NumberError error = NumberError::None;
  bool ok() const { return error == NumberError::None; }
};

/// Parses `text` (blanks around it allowed; "2e-4", "0.001", "50", "-3") against `spec`:
/// refuses text that is not one whole number ("abc", "", "1.2.3", "nan", "inf"), a fraction
/// for an integer field, and values outside the allowed range.
ParsedNumber parseNumber(std::string_view text, const NumberSpec& spec);

/// "allowed: 1e-5 to 100"; with an open end "allowed: above 0, up to 100" or "allowed: from 0,
/// below 1"; integers add ", whole numbers" (in the UI's language).
std::string allowedText(const NumberSpec& spec);

/// The message shown in red next to a refused entry `text` (shortened past 16 characters):
/// "\"1000\" is out of range; allowed: above 0, up to 100". "" for NumberError::None.
std::string refusalText(std::string_view text, NumberError error, const NumberSpec& spec);

/// Compact text of a value, exact to 6 significant digits without trailing zeros: "0.001",
/// "0.99999", "2e-4" and "1.5e-5" below 0.001, "1e6" from a million; integers in full ("8192").
std::string formatNumber(double value, bool integer);

/// The value after `notches` wheel notches (positive: up): log scale steps along 1-2-5 (0.001,
/// 0.002, 0.005, 0.01), doubling integers double or halve, other integers add 1, linear
/// fractions add a 1-2-5 step near 1/100 of the handle's range. Clamped to the allowed range.
double wheelStep(double value, int notches, const NumberSpec& spec);

/// The value after dragging the handle `pixels` to the right: log scale (and doubling integers)
/// one decade per 150 px, linear the handle's range per 300 px. Clamped to the handle's range
/// (integers rounded).
double dragValue(double value, float pixels, const NumberSpec& spec);

/// The value clamped into the allowed range (an open end moves it just inside).
double clampToSpec(double value, const NumberSpec& spec);

}  // namespace ganscope
