// ViewSettings JSON: round trip, defaults for missing files and fields, bad values named.
#include <gtest/gtest.h>
#include <sys/stat.h>

#include <fstream>

#include <nlohmann/json.hpp>

#include "app/state/view_settings.hpp"
#include "core/api/config.hpp"
#include "test_util.hpp"

namespace ganscope {
namespace {

TEST(ViewSettingsTest, SaveThenLoadKeepsEverything) {
  const auto dir = test::tempDir("view");
  ViewSettings s;
  s.ui_scale = 1.75f;
  s.layers.d_star = false;
  s.layers.mapping = false;
  s.plane_layers.trails = true;
  s.plane_layers.gradient_field = true;
  s.plane_layers.manifold = true;
  s.plane_layers.key = false;
  s.capture_steps = {5, -1, 50, 500};
  s.language = "ko";
  const std::string path = (dir / "nested" / "view.json").string();
  saveViewSettings(path, s);
  const ViewSettings back = loadViewSettings(path);
  EXPECT_EQ(viewSettingsToJson(back), viewSettingsToJson(s));
  EXPECT_EQ(back.language, "ko");
}

TEST(ViewSettingsTest, AnOpenedSessionKeepsTheWindowsLanguage) {
  ViewSettings saved;  // a session saved in English, before languages existed
  saved.ui_scale = 2.0f;
  saved.layers.mapping = false;
  ViewSettings current;
  current.language = "ko";
  const ViewSettings opened = openedView(saved, current);
  EXPECT_EQ(opened.language, "ko");
  EXPECT_FLOAT_EQ(opened.ui_scale, 2.0f);  // the rest is the session's
  EXPECT_FALSE(opened.layers.mapping);
}

TEST(ViewSettingsTest, TheLanguageDefaultsToEnglishAndAnUnknownOneIsKeptAsRead) {
  EXPECT_EQ(viewSettingsFromJson(nlohmann::json::object()).language, "en");
  // Kept, so the language switch can say which one is unknown (and show English): the other
  // settings still load.
  const ViewSettings s = viewSettingsFromJson(nlohmann::json::parse(R"({"language": "xx",
                                                                        "ui_scale": 2})"));
  EXPECT_EQ(s.language, "xx");
  EXPECT_FLOAT_EQ(s.ui_scale, 2.0f);
}

TEST(ViewSettingsTest, MissingFileOrFieldsGiveDefaults) {
  EXPECT_EQ(viewSettingsToJson(loadViewSettings("/no/such/view.json")),
            viewSettingsToJson(ViewSettings{}));
  const ViewSettings s = viewSettingsFromJson(nlohmann::json::parse(R"({"ui_scale": 2})"));
  EXPECT_FLOAT_EQ(s.ui_scale, 2.0f);
  EXPECT_TRUE(s.layers.p_g);
  // Off by default: busy on a projector, and the mesh and arrows smear the early ring.
  EXPECT_FALSE(s.plane_layers.manifold);
  EXPECT_FALSE(s.plane_layers.gradient_field);
  EXPECT_FALSE(s.plane_layers.trails);
  EXPECT_TRUE(s.plane_layers.key);
}

TEST(ViewSettingsTest, BadValuesNameTheField) {
  auto fieldOf = [](const char* text) {
    try {
      viewSettingsFromJson(nlohmann::json::parse(text));
    } catch (const ConfigError& error) {
      return error.field();
    }
    return std::string("accepted");
  };
  EXPECT_EQ(fieldOf(R"({"ui_scale": 9})"), "ui_scale");
  EXPECT_EQ(fieldOf(R"({"layers": {"p_g": "yes"}})"), "layers.p_g");
  EXPECT_EQ(fieldOf(R"({"plane_layers": {"trails": 1}})"), "plane_layers.trails");
  EXPECT_EQ(fieldOf(R"({"plane_layers": {"arrows": true}})"), "plane_layers.arrows");
  EXPECT_EQ(fieldOf(R"({"capture_steps": [1, 2]})"), "capture_steps");
  EXPECT_EQ(fieldOf(R"({"colour": "red"})"), "colour");
  EXPECT_EQ(fieldOf(R"({"language": 1})"), "language");
}

TEST(ViewSettingsTest, OnlyRegularFilesOfSaneJsonAreRead) {
  const auto dir = test::tempDir("view-special");
  auto message = [](const std::string& path) {
    try {
      loadViewSettings(path);
    } catch (const ConfigError& error) {
      return std::string(error.what());
    }
    return std::string("loaded");
  };
  const std::string fifo = (dir / "fifo.json").string();
  ASSERT_EQ(mkfifo(fifo.c_str(), 0600), 0);
  EXPECT_NE(message(fifo).find("not a regular file"), std::string::npos) << message(fifo);
  EXPECT_NE(message("/dev/zero").find("not a regular file"), std::string::npos);
  const std::string deep = (dir / "deep.json").string();
  std::ofstream(deep) << "{\"ui_scale\": " << std::string(100000, '[') << "}";
  EXPECT_NE(message(deep).find("deep"), std::string::npos) << message(deep);
  // The control: a regular file of plain JSON loads.
  const std::string plain = (dir / "plain.json").string();
  std::ofstream(plain) << "{\"ui_scale\": 1.5}";
  EXPECT_EQ(message(plain), "loaded");
}

TEST(ViewSettingsTest, PathFollowsXdgConfigHome) {
  ::setenv("XDG_CONFIG_HOME", "/tmp/xdg-test", 1);
  EXPECT_EQ(viewSettingsPath(), "/tmp/xdg-test/ganscope/view.json");
  ::unsetenv("XDG_CONFIG_HOME");
}

}  // namespace
}  // namespace ganscope
