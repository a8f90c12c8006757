// Parsing, checking, printing and stepping the numbers of a typed number field.
#include "app/widgets/number_text.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>

#include "app/i18n/strings.hpp"

namespace ganscope {
namespace {

constexpr double kDecadePixels = 150;  // log handle: one decade per this many pixels
constexpr double kRangePixels = 300;   // linear handle: the whole range per this many pixels

double handleLo(const NumberSpec& spec) {
  return spec.handle_lo != spec.handle_hi ? spec.handle_lo : spec.lo;
}
double handleHi(const NumberSpec& spec) {
  return spec.handle_lo != spec.handle_hi ? spec.handle_hi : spec.hi;
}

/// The largest of 1, 2, 5 x 10^k at or below `value` (> 0).
double nice125Below(double value) {
  const double decade = std::pow(10.0, std::floor(std::log10(value)));
  for (const double m : {5.0, 2.0, 1.0}) {
    if (m * decade <= value * (1 + 1e-9)) return m * decade;
  }
  return decade;
}

/// The 1-2-5 value after `value` going up (or down): 0.001 -> 0.002 -> 0.005 -> 0.01.
double next125(double value, bool up) {
  const double below = nice125Below(value);
  const bool on_grid = std::abs(below - value) <= value * 1e-6;
  if (!up && !on_grid) return below;
  const double decade = std::pow(10.0, std::floor(std::log10(below) + 1e-9));
  const double mantissa = std::round(below / decade);
  if (up) return mantissa == 1 ? 2 * decade : mantissa == 2 ? 5 * decade : 10 * decade;
  return mantissa == 5 ? 2 * decade : mantissa == 2 ? decade : decade / 2;
}

/// A positive lower end for a log scale whose range starts at 0.
double logFloor(const NumberSpec& spec) {
  const double lo = handleLo(spec);
  return lo > 0 ? lo : handleHi(spec) * 1e-4;
}

std::string trimmedExponent(double value) {
  char text[48];
  std::snprintf(text, sizeof(text), "%.5e", value);
  std::string s(text);
  const size_t e = s.find('e');
  std::string mantissa = s.substr(0, e);
  if (mantissa.find('.') != std::string::npos) {
    mantissa.erase(mantissa.find_last_not_of('0') + 1);
    if (mantissa.back() == '.') mantissa.pop_back();
  }
  const int exponent = std::atoi(s.c_str() + e + 1);
  return mantissa + "e" + std::to_string(exponent);
}

}  // namespace

ParsedNumber parseNumber(std::string_view text, const NumberSpec& spec) {
  const size_t first = text.find_first_not_of(" \t");
  if (first == std::string_view::npos) return {0, NumberError::NotANumber};
  text = text.substr(first, text.find_last_not_of(" \t") - first + 1);
  // Decimal notation only: strtod alone would also take "nan", "inf" and hex.
  for (const char c : text) {
    const bool allowed =
        (c >= '0' && c <= '9') || c == '.' || c == 'e' || c == 'E' || c == '+' || c == '-';
    if (!allowed) return {0, NumberError::NotANumber};
  }
  const std::string copy(text);
  char* end = nullptr;
  const double value = std::strtod(copy.c_str(), &end);
  if (end != copy.c_str() + copy.size() || end == copy.c_str() || !std::isfinite(value)) {
    return {0, NumberError::NotANumber};
  }
  if (spec.integer && value != std::floor(value)) return {value, NumberError::NotWhole};
  const bool below = spec.lo_open ? value <= spec.lo : value < spec.lo;
  const bool above = spec.hi_open ? value >= spec.hi : value > spec.hi;
  if (below || above) return {value, NumberError::OutOfRange};
  return {value, NumberError::None};
}

std::string allowedText(const NumberSpec& spec) {
  const std::string lo = formatNumber(spec.lo, spec.integer);
  const std::string hi = formatNumber(spec.hi, spec.integer);
  std::string range;
  if (!spec.lo_open && !spec.hi_open) {
    range = i18n::trf("number.from_to", lo.c_str(), hi.c_str());
  } else {
    range = i18n::trf(spec.lo_open ? "number.above" : "number.from", lo.c_str()) +
            i18n::trf(spec.hi_open ? "number.below" : "number.up_to", hi.c_str());
  }
  if (spec.integer) range += i18n::tr("number.whole");
  return i18n::trf("number.allowed", range.c_str());
}

std::string refusalText(std::string_view text, NumberError error, const NumberSpec& spec) {
  if (error == NumberError::None) return "";
  const char* key = error == NumberError::NotANumber ? "number.not_a_number"
                    : error == NumberError::NotWhole ? "number.not_whole"
                                                     : "number.out_of_range";
  std::string typed(text.substr(0, 16));
  if (text.size() > 16) typed += "...";
  return i18n::trf(key, typed.c_str(), allowedText(spec).c_str());
}

std::string formatNumber(double value, bool integer) {
  char text[48];
  if (integer) {
    std::snprintf(text, sizeof(text), "%.0f", value);
    return text;
  }
  if (value == 0) return "0";
  const double magnitude = std::abs(value);
  if (magnitude < 1e-3 || magnitude >= 1e6) return trimmedExponent(value);
  std::snprintf(text, sizeof(text), "%.6g", value);
  return text;
}

double clampToSpec(double value, const NumberSpec& spec) {
  if (spec.lo_open && value <= spec.lo) {
    value = spec.integer ? spec.lo + 1 : std::nextafter(spec.lo, spec.hi);
  }
  if (spec.hi_open && value >= spec.hi) {
    value = spec.integer ? spec.hi - 1 : std::nextafter(spec.hi, spec.lo);
  }
  return std::clamp(value, spec.lo, spec.hi);
}

double wheelStep(double value, int notches, const NumberSpec& spec) {
  for (int i = 0; i < std::abs(notches); ++i) {
    const bool up = notches > 0;
    if (spec.log_scale && !spec.integer) {
      if (value <= 0) {
        value = up ? nice125Below(logFloor(spec)) : 0;
      } else {
        value = next125(value, up);
        if (!up && value < logFloor(spec) * (1 - 1e-9) && spec.lo <= 0) value = 0;
      }
    } else if (spec.integer && spec.doubling) {
      // Doubling along powers of two: 100 goes up to 128 and down to 64.
      const double power = std::exp2(up ? std::floor(std::log2(std::max(value, 1.0)) + 1)
                                        : std::ceil(std::log2(std::max(value, 1.0)) - 1));
      value = std::max(power, 1.0);
    } else if (spec.integer) {
      value += up ? 1 : -1;
    } else {
      const double step = nice125Below((handleHi(spec) - handleLo(spec)) / 100);
      value = std::round((value + (up ? step : -step)) / step) * step;
    }
    value = clampToSpec(value, spec);
  }
  return value;
}

double dragValue(double value, float pixels, const NumberSpec& spec) {
  const double lo = handleLo(spec), hi = handleHi(spec);
  if (spec.log_scale || spec.doubling) {
    const double floor = logFloor(spec);
    const double start = std::max(value, floor);
    value = start * std::pow(10.0, pixels / kDecadePixels);
    if (spec.lo <= 0 && value <= floor) value = lo;  // a range from 0 reaches 0 at its left end
  } else {
    value += pixels * (hi - lo) / kRangePixels;
  }
  if (spec.integer) value = std::round(value);
  return clampToSpec(std::clamp(value, lo, hi), spec);
}

}  // namespace ganscope
