// The plane's shown fakes are latent seeds: fake i is G(z of latent seed i), as the image grid's
// sample i is, so the explorer pins a clicked fake by its seed. Checked against RenderLatent of
// those seeds on the same G; another seed is the control.
#include <gtest/gtest.h>

#include <cmath>

#include "core/api/latent.hpp"
#include "core/config/presets.hpp"
#include "core/engine/trainer.hpp"
#include "test_util.hpp"

namespace ganscope {
namespace {

TEST(LatentExplorerPlaneSeedsTest, AShownFakeIsGOfItsLatentSeed) {
  TrainConfig config = presetConfig("ring-streak");
  config.hyper.batch_size = 32;
  Trainer trainer(config);
  for (int i = 0; i < 5; ++i) trainer.step(StepTarget::Both);
  auto frame = std::make_unique<PlaneFrame>();
  trainer.fillFrame(*frame);
  const LatentConfig& latent = trainer.state().config.latent;
  const LatentPicture picture = trainer.renderLatent(test::requestOf(latent, {5, 0, 511}));
  ASSERT_EQ(picture.dims, 2);
  ASSERT_EQ(picture.count, 3);
  int row = 0;
  for (const int fake : {5, 0, kShownPoints - 1}) {
    const Latent z = latentFromSeed(latent, static_cast<uint64_t>(fake));
    EXPECT_EQ(frame->shown_z[2 * fake], z[0]) << "fake " << fake;
    if (latent.dim >= 2) EXPECT_EQ(frame->shown_z[2 * fake + 1], z[1]) << "fake " << fake;
    // A batch of 3 against the plane's 512: equal up to the last bits of a matrix product.
    for (int k = 0; k < 2; ++k) {
      EXPECT_NEAR(picture.samples[2 * row + k], frame->fake_xy[2 * fake + k], 1e-5)
          << "fake " << fake;
    }
    ++row;
  }
  // The control: seed 6's picture is not fake 5.
  const LatentPicture other = trainer.renderLatent(test::requestOf(latent, {6}));
  EXPECT_GT(std::abs(other.samples[0] - frame->fake_xy[10]) +
                std::abs(other.samples[1] - frame->fake_xy[11]),
            1e-3);
}

}  // namespace
}  // namespace ganscope
