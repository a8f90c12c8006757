// A compared run follows the first run's edits with its own differences kept on top, and a
// difference that no longer fits is refused by name.
#include <gtest/gtest.h>

#include "app/state/run_view.hpp"
#include "core/config/presets.hpp"

namespace ganscope {
namespace {

TEST(RunViewTest, DifferencesStayOnTopOfTheFirstRunsEdits) {
  const TrainConfig base = presetConfig("ring-streak");
  const TrainConfig variant = withOverride(withOverride(base, "hyper.loss=hinge"), "seed=9");
  const std::vector<FieldDifference> differences = differingFields(base, variant);
  ASSERT_EQ(differences.size(), 2u);
  // The controls change the batch size of the first run: the variant gets it with its changes.
  const TrainConfig edited = withOverride(base, "hyper.batch_size=64");
  const TrainConfig followed = withDifferences(edited, differences);
  EXPECT_EQ(followed.hyper.batch_size, 64);
  EXPECT_EQ(followed.hyper.loss, LossKind::Hinge);
  EXPECT_EQ(followed.seed, 9u);
  // It differs from the edited first run in exactly the two changes, as the variant did.
  const std::vector<FieldDifference> still = differingFields(edited, followed);
  ASSERT_EQ(still.size(), 2u);
  EXPECT_EQ(still[0].path, differences[0].path);
  EXPECT_EQ(still[1].path, differences[1].path);
  // The control: without differences the first run's config comes back unchanged.
  EXPECT_TRUE(differingFields(edited, withDifferences(edited, {})).empty());
}

TEST(RunViewTest, ADifferenceThatNoLongerFitsIsRefusedByName) {
  const std::vector<FieldDifference> differences = {{"hyper.no_such_field", "1", "2"}};
  try {
    withDifferences(presetConfig("figure1"), differences);
    FAIL() << "an unknown field was applied";
  } catch (const ConfigError& error) {
    EXPECT_NE(std::string(error.what()).find("no_such_field"), std::string::npos) << error.what();
  }
}

}  // namespace
}  // namespace ganscope
