// The UI's string tables (assets/i18n/<code>.json, compiled in): tr("key") in the language
// chosen, English where a table lacks a key, and printf-style formats checked against their
// arguments before use. CLI messages stay English and do not come from here.
//
// Converting a panel: a plain text is `tr("panel.key")` (draw it with TextUnformatted or "%s",
// never as a format); a text with numbers is `trf("panel.key", args...)`, its conversions the
// same in every language (a test checks); a widget label keeps its ImGui id across languages
// with "###id" (`std::string(tr("key")) + "###id"`); the schema's help, combo labels and preset
// descriptions come from config_text.hpp. The keys are named for their panel (see en.json).
#pragma once
#include <array>
#include <cstdint>
#include <cstdio>
#include <map>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

#include "common/embedded.hpp"

namespace ganscope::i18n {

enum class Language : uint8_t { En, Ko };

/// Every language, in the order the switch lists them.
inline constexpr Language kLanguages[] = {Language::En, Language::Ko};

/// The code used by --lang, view.json and the table's file name: "en", "ko".
const char* languageCode(Language language);
/// The language's own name for the switch: "English", "한국어".
const char* languageName(Language language);
/// The language of `code`, or nullopt when there is none.
std::optional<Language> languageFromCode(std::string_view code);
/// The allowed codes for messages: "en, ko".
std::string allowedLanguageCodes();

/// One table per language, read from JSON files named "<code>.json", each an object of strings
/// (the program's own: the files of assets/i18n/, compiled in).
class Tables {
 public:
  /// Reads `files`; a file named for no listed language is ignored. Throws std::runtime_error
  /// naming the file when one is not an object of strings.
  explicit Tables(std::span<const EmbeddedFile> files);

  /// `key`'s text in `language`, else in English, else nullptr.
  const std::string* text(Language language, std::string_view key) const;
  /// `key`'s text in `language` if its printf conversions are `expected`, else English's if
  /// those are, else nullptr: a format is never used with arguments it does not expect.
  const std::string* format(Language language, std::string_view key,
                            std::string_view expected) const;
  /// `key`'s text in exactly `language`, or nullptr.
  const std::string* find(Language language, std::string_view key) const;
  /// Every key of `language`'s table, sorted.
  std::span<const std::string> keys(Language language) const;
  /// Every code point of every table's texts, sorted, without duplicates.
  std::span<const char32_t> codePoints() const { return code_points_; }

 private:
  struct Table {
    std::map<std::string, std::string, std::less<>> texts;
    std::vector<std::string> keys;
  };
  std::array<Table, std::size(kLanguages)> tables_;
  std::vector<char32_t> code_points_;
};

/// The program's tables.
const Tables& tables();

/// The language tr() answers in from now on (the live switch; no restart).
void setLanguage(Language language);
/// The language chosen (what the switch shows), whether or not it can be displayed.
Language language();
/// What the window's fonts can show, as Window::buildFonts found them. Without Korean glyphs a
/// Korean choice is shown in English, and the language switch says why.
struct FontSupport {
  bool hangul = false;         ///< the Korean font is merged in (default: not yet)
  std::string missing_font;    ///< the font file not found, or "" (default: none)
  bool latin_missing = false;  ///< the Latin font is missing: ImGui's built-in font is used
};
/// Set by the window whenever it builds its fonts (UI thread).
void setFontSupport(FontSupport support);
const FontSupport& fontSupport();

/// The text of `key` in the language shown; the English text when that table lacks the key;
/// the key itself when English lacks it too (visible, never a crash). The pointer stays valid
/// for the life of the program.
const char* tr(std::string_view key);
/// The text of `key` in exactly `language`'s table, or nullopt.
std::optional<std::string_view> lookup(Language language, std::string_view key);

/// The printf conversions of `format`, one letter each in order: i (int, char), L (long long),
/// U (unsigned long long), z (size_t), f (double), s (const char*); "" for a format without
/// any; nullopt when it has a conversion these do not cover (%n, %p, '*' widths, ...).
std::optional<std::string> conversions(std::string_view format);

namespace detail {
template <class T>
constexpr char conversionOf() {
  using U = std::decay_t<T>;
  if constexpr (std::is_same_v<U, const char*> || std::is_same_v<U, char*>)
    return 's';
  else if constexpr (std::is_floating_point_v<U>)
    return 'f';
  else if constexpr (std::is_same_v<U, long long>)
    return 'L';
  else if constexpr (std::is_same_v<U, unsigned long long>)
    return 'U';
  else if constexpr (std::is_same_v<U, size_t>)
    return 'z';
  else if constexpr (std::is_same_v<U, int> || std::is_same_v<U, char>)
    return 'i';
  else
    static_assert(sizeof(U) == 0,
                  "trf takes int, char, long long, unsigned long long, "
                  "size_t, float, double or C strings");
}
/// The program's format of `key` for the language shown whose conversions are `expected`
/// (see Tables::format), or nullptr.
const char* checkedFormat(std::string_view key, std::string_view expected);
}  // namespace detail

/// `key`'s text formatted printf-style with `args`. A text whose conversions do not match the
/// arguments' types is never handed to printf: English is used instead, and when English does
/// not match either, the key itself is shown.
template <class... Args>
std::string trf(std::string_view key, Args... args) {
  static constexpr char kExpected[] = {detail::conversionOf<Args>()..., '\0'};
  const char* format = detail::checkedFormat(key, kExpected);
  if (!format) return std::string(key);
  const int size = std::snprintf(nullptr, 0, format, args...);
  if (size <= 0) return {};
  std::string text(static_cast<size_t>(size), '\0');
  std::snprintf(text.data(), text.size() + 1, format, args...);
  return text;
}

}  // namespace ganscope::i18n
