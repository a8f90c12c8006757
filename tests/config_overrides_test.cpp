// Overrides by dotted path ("hyper.loss=hinge") go through the config reader's validation, and
// the differences between two configs name exactly the fields that were changed.
#include <gtest/gtest.h>

#include "core/config/overrides.hpp"
#include "core/config/presets.hpp"

namespace ganscope {
namespace {

TEST(ConfigOverridesTest, SetsNumbersEnumsAndBooleansByPath) {
  const TrainConfig base = presetConfig("ring-streak");
  TrainConfig c = withOverride(base, "hyper.loss=wgan_gp");
  EXPECT_EQ(c.hyper.loss, LossKind::WganGp);
  c = withOverride(c, "hyper.d_opt.lr=0.0005");
  EXPECT_FLOAT_EQ(c.hyper.d_opt.lr, 0.0005f);
  c = withOverride(c, "discriminator.minibatch_stddev=true");
  EXPECT_TRUE(c.discriminator.minibatch_stddev);
  c = withOverride(c, "seed=7");
  EXPECT_EQ(c.seed, 7u);
  // Everything else is the base's: the control for the four changes above.
  EXPECT_EQ(c.hyper.g_opt.lr, base.hyper.g_opt.lr);
  EXPECT_EQ(c.data.modes, base.data.modes);
}

TEST(ConfigOverridesTest, BadAssignmentsNameTheFieldAndWhatIsAllowed) {
  const TrainConfig base = presetConfig("figure1");
  auto message = [&](const std::string& assignment) {
    try {
      withOverride(base, assignment);
    } catch (const ConfigError& error) {
      return std::string(error.what());
    }
    return std::string("no error");
  };
  EXPECT_NE(message("hyper.loss=wgan").find("hyper.loss"), std::string::npos);
  EXPECT_NE(message("hyper.loss=wgan").find("hinge"), std::string::npos);  // the allowed names
  EXPECT_NE(message("hyper.batch_size=0").find("out of range"), std::string::npos);
  EXPECT_NE(message("hyper.no_such_field=1").find("no_such_field"), std::string::npos);
  EXPECT_NE(message("hyper=1").find("section"), std::string::npos);
  EXPECT_NE(message("hyper.loss").find("FIELD=VALUE"), std::string::npos);
  EXPECT_NE(message("hyper..loss=hinge").find("dotted"), std::string::npos);
  EXPECT_NE(message(std::string(500, 'x')).size(), 0u);
  EXPECT_LT(message(std::string(500, 'x')).size(), 200u);  // a long value is quoted short
  // A deeply nested value is refused by name, never parsed into a stack overflow.
  const std::string deep = message("hyper.loss=" + std::string(100000, '['));
  EXPECT_NE(deep.find("hyper.loss"), std::string::npos) << deep.substr(0, 200);
  EXPECT_LT(deep.size(), 300u);
}

TEST(ConfigOverridesTest, DifferencesNameOnlyTheChangedFields) {
  const TrainConfig base = presetConfig("ring-streak");
  EXPECT_TRUE(differingFields(base, base).empty());
  TrainConfig changed = withOverride(base, "hyper.loss=hinge");
  changed = withOverride(changed, "seed=9");
  changed.name = "renamed";  // not a setting
  const std::vector<FieldDifference> d = differingFields(base, changed);
  ASSERT_EQ(d.size(), 2u);
  EXPECT_EQ(d[0].path, "hyper.loss");
  EXPECT_EQ(d[0].after, "\"hinge\"");
  EXPECT_EQ(d[1].path, "seed");
  EXPECT_EQ(describeDifferences(d), "hyper.loss=\"hinge\", seed=9");
}

TEST(ConfigOverridesTest, DrawnPointsDifferAsOneField) {
  TrainConfig a = presetConfig("ring-streak");
  a.data.kind = DataKind::Points;
  a.data.points = {0, 0, 1, 1};
  TrainConfig b = a;
  b.data.points = {0, 0, 1, 1, 2, 2};
  const std::vector<FieldDifference> d = differingFields(a, b);
  ASSERT_EQ(d.size(), 1u);
  EXPECT_EQ(d[0].path, "data.points");
  EXPECT_EQ(d[0].after, "3 points");
}

}  // namespace
}  // namespace ganscope
