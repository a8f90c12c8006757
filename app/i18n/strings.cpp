// The string tables, parsed once from the embedded JSON files, and the lookups over them.
#include "app/i18n/strings.hpp"

#include <algorithm>
#include <atomic>
#include <mutex>
#include <stdexcept>

#include <nlohmann/json.hpp>

namespace ganscope {
std::span<const EmbeddedFile> embedded_strings();
}

namespace ganscope::i18n {
namespace {

/// Appends the code points of the UTF-8 text `text`.
void appendCodePoints(std::string_view text, std::vector<char32_t>& out) {
  for (size_t i = 0; i < text.size();) {
    const auto byte = static_cast<unsigned char>(text[i]);
    const int length = byte < 0x80 ? 1 : (byte >> 5) == 6 ? 2 : (byte >> 4) == 14 ? 3 : 4;
    char32_t point = length == 1 ? byte : byte & (0x7F >> length);
    for (int k = 1; k < length && i + k < text.size(); ++k) {
      point = (point << 6) | (static_cast<unsigned char>(text[i + k]) & 0x3F);
    }
    out.push_back(point);
    i += static_cast<size_t>(length);
  }
}

/// Everything i18n keeps besides the tables: the choice of language (an atomic, so a reader on
/// another thread never sees a torn value), what the fonts can show, and the keys no table has.
struct State {
  std::atomic<Language> language{Language::En};
  FontSupport fonts;  // UI thread only
  /// Keys no table has, each shown as itself (kept, so tr()'s pointer stays valid).
  std::map<std::string, std::string, std::less<>> missing;
  std::mutex missing_lock;
};

State& state() {
  static State* const built = new State;  // never destroyed: tr()'s pointers never dangle
  return *built;
}

/// The language tr() shows: the choice, or English when Korean cannot be displayed.
Language shown() {
  const Language chosen = state().language.load(std::memory_order_relaxed);
  return chosen == Language::Ko && !state().fonts.hangul ? Language::En : chosen;
}

}  // namespace

Tables::Tables(std::span<const EmbeddedFile> files) {
  for (const EmbeddedFile& file : files) {
    const std::optional<Language> language =
        languageFromCode(file.name.substr(0, file.name.rfind(".json")));
    if (!language) continue;
    Table& table = tables_[static_cast<size_t>(*language)];
    const std::string name(file.name);
    nlohmann::json json;
    try {
      json = nlohmann::json::parse(file.text);
    } catch (const nlohmann::json::exception& error) {
      throw std::runtime_error("string table " + name + " is not valid JSON: " + error.what());
    }
    if (!json.is_object()) throw std::runtime_error("string table " + name + " is not an object");
    for (const auto& [key, text] : json.items()) {
      if (!text.is_string()) {
        throw std::runtime_error("string table " + name + ": \"" + key + "\" is not a string");
      }
      table.texts.emplace(key, text.get<std::string>());
      table.keys.push_back(key);
      appendCodePoints(text.get<std::string>(), code_points_);
    }
    std::sort(table.keys.begin(), table.keys.end());
  }
  std::sort(code_points_.begin(), code_points_.end());
  code_points_.erase(std::unique(code_points_.begin(), code_points_.end()), code_points_.end());
}

const std::string* Tables::find(Language language, std::string_view key) const {
  const Table& table = tables_[static_cast<size_t>(language)];
  const auto it = table.texts.find(key);
  return it == table.texts.end() ? nullptr : &it->second;
}

const std::string* Tables::text(Language language, std::string_view key) const {
  if (const std::string* text = find(language, key)) return text;
  return find(Language::En, key);
}

const std::string* Tables::format(Language language, std::string_view key,
                                  std::string_view expected) const {
  for (const Language candidate : {language, Language::En}) {
    const std::string* text = find(candidate, key);
    if (text && conversions(*text) == expected) return text;
  }
  return nullptr;
}

std::span<const std::string> Tables::keys(Language language) const {
  return tables_[static_cast<size_t>(language)].keys;
}

const Tables& tables() {
  static const Tables* const built = new Tables(embedded_strings());  // checked by the tests
  return *built;
}

const char* languageCode(Language language) {
  return language == Language::Ko ? "ko" : "en";
}

const char* languageName(Language language) {
  return language == Language::Ko ? "한국어" : "English";
}

std::optional<Language> languageFromCode(std::string_view code) {
  for (const Language language : kLanguages) {
    if (code == languageCode(language)) return language;
  }
  return std::nullopt;
}

std::string allowedLanguageCodes() {
  std::string codes;
  for (const Language language : kLanguages) {
    codes += (codes.empty() ? "" : ", ") + std::string(languageCode(language));
  }
  return codes;
}

void setLanguage(Language language) {
  state().language.store(language, std::memory_order_relaxed);
}

Language language() {
  return state().language.load(std::memory_order_relaxed);
}

void setFontSupport(FontSupport support) {
  state().fonts = std::move(support);
}

const FontSupport& fontSupport() {
  return state().fonts;
}

const char* tr(std::string_view key) {
  if (const std::string* text = tables().text(shown(), key)) return text->c_str();
  State& s = state();
  const std::lock_guard<std::mutex> guard(s.missing_lock);
  return s.missing.try_emplace(std::string(key), std::string(key)).first->second.c_str();
}

std::optional<std::string_view> lookup(Language language, std::string_view key) {
  const std::string* text = tables().find(language, key);
  if (!text) return std::nullopt;
  return std::string_view(*text);
}

std::optional<std::string> conversions(std::string_view format) {
  std::string out;
  for (size_t i = 0; i < format.size(); ++i) {
    if (format[i] != '%') continue;
    if (++i < format.size() && format[i] == '%') continue;
    const auto skip = [&](std::string_view set) {
      while (i < format.size() && set.find(format[i]) != std::string_view::npos) ++i;
    };
    skip("-+ #0");
    skip("0123456789.");
    const size_t length_start = i;
    skip("hlzjtL");
    const std::string_view length = format.substr(length_start, i - length_start);
    if (i >= format.size()) return std::nullopt;
    const char c = format[i];
    const bool integer = c == 'd' || c == 'i';
    const bool unsigned_integer = c == 'u' || c == 'x' || c == 'X';
    const bool real = std::string_view("fFeEgGaA").find(c) != std::string_view::npos;
    if (length.empty() && (integer || c == 'c')) {
      out += 'i';
    } else if (length == "ll" && integer) {
      out += 'L';
    } else if (length == "ll" && unsigned_integer) {
      out += 'U';
    } else if (length == "z" && unsigned_integer) {
      out += 'z';
    } else if (length.empty() && real) {
      out += 'f';
    } else if (length.empty() && c == 's') {
      out += 's';
    } else {
      return std::nullopt;
    }
  }
  return out;
}

namespace detail {

const char* checkedFormat(std::string_view key, std::string_view expected) {
  const std::string* format = tables().format(shown(), key, expected);
  return format ? format->c_str() : nullptr;
}

}  // namespace detail
}  // namespace ganscope::i18n
