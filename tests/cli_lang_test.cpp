// --lang: a language of the window is taken; anything else exits 2 naming the allowed ones.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "app/shell/cli.hpp"

namespace ganscope {
namespace {

/// parseCli on `args` (after the program name): its exit code (nullopt: go on) and stderr.
std::pair<std::optional<int>, std::string> parse(std::vector<std::string> args, CliOptions& out) {
  args.insert(args.begin(), "ganscope");
  std::vector<char*> argv;
  for (std::string& arg : args) argv.push_back(arg.data());
  testing::internal::CaptureStderr();
  const std::optional<int> code = parseCli(static_cast<int>(argv.size()), argv.data(), out);
  return {code, testing::internal::GetCapturedStderr()};
}

TEST(CliLangTest, AKnownLanguageIsTaken) {
  CliOptions ko, none;
  EXPECT_EQ(parse({"--lang", "ko"}, ko).first, std::nullopt);
  EXPECT_EQ(ko.language, "ko");
  EXPECT_EQ(parse({}, none).first, std::nullopt);
  EXPECT_EQ(none.language, "");  // the saved choice stays
}

TEST(CliLangTest, AnUnknownLanguageExitsTwoNamingTheAllowedOnes) {
  for (const std::string bad : {"xx", "", "KO", "korean"}) {
    CliOptions out;
    const auto [code, err] = parse({"--lang", bad}, out);
    EXPECT_EQ(code, kExitBadInput) << bad;
    EXPECT_NE(err.find("--lang"), std::string::npos) << err;
    EXPECT_NE(err.find("en, ko"), std::string::npos) << err;
  }
}

}  // namespace
}  // namespace ganscope
