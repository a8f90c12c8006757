// Latent seeds and paths: a seed's z is fixed and has the prior's statistics; lerp and slerp
// hit their endpoints exactly, slerp keeps the norm that lerp loses; the bilinear square hits
// its corners; truncation pulls toward the prior's centre.
#include <gtest/gtest.h>

#include <cmath>

#include "core/api/latent.hpp"

namespace ganscope {
namespace {

const LatentConfig kNormal100{LatentKind::Normal, 100};

TEST(LatentTest, ASeedGivesOneZWithThePriorsStatistics) {
  EXPECT_EQ(latentFromSeed(kNormal100, 7), latentFromSeed(kNormal100, 7));
  EXPECT_NE(latentFromSeed(kNormal100, 7), latentFromSeed(kNormal100, 8));
  // Mean, variance over many seeds: N(0, 1) per dimension.
  double sum = 0, squares = 0;
  int n = 0;
  for (uint64_t seed = 0; seed < 400; ++seed) {
    for (const float value : latentFromSeed(kNormal100, seed)) {
      sum += value;
      squares += value * value;
      ++n;
    }
  }
  EXPECT_NEAR(sum / n, 0, 0.01);
  EXPECT_NEAR(squares / n, 1, 0.02);
  // Uniform: in [0, 1), mean 1/2, variance 1/12.
  const LatentConfig uniform{LatentKind::Uniform, 1000};
  const Latent u = latentFromSeed(uniform, 3);
  double mean = 0, var = 0;
  for (const float value : u) {
    EXPECT_GE(value, 0.0f);
    EXPECT_LT(value, 1.0f);
    mean += value / u.size();
  }
  for (const float value : u) var += (value - mean) * (value - mean) / u.size();
  EXPECT_NEAR(mean, 0.5, 0.03);
  EXPECT_NEAR(var, 1.0 / 12, 0.01);
  // An odd dimension count is filled too (Box-Muller makes pairs).
  EXPECT_EQ(latentFromSeed({LatentKind::Normal, 3}, 1).size(), 3u);
}

TEST(LatentTest, TheTypicalNormIsTheNormOfASeedsZ) {
  EXPECT_DOUBLE_EQ(typicalNorm(kNormal100), 10);
  double mean = 0;
  for (uint64_t seed = 0; seed < 200; ++seed) {
    mean += normFromCentre(kNormal100, latentFromSeed(kNormal100, seed)) / 200;
  }
  EXPECT_NEAR(mean, 10, 0.1);
  const LatentConfig uniform{LatentKind::Uniform, 120};
  EXPECT_NEAR(normFromCentre(uniform, latentFromSeed(uniform, 5)), typicalNorm(uniform), 0.3);
}

TEST(LatentTest, PathsHitTheirEndpointsExactly) {
  const Latent a = latentFromSeed(kNormal100, 1), b = latentFromSeed(kNormal100, 2);
  for (const bool spherical : {false, true}) {
    EXPECT_EQ(interpolate(kNormal100, a, b, 0, spherical), a);
    EXPECT_EQ(interpolate(kNormal100, a, b, 1, spherical), b);
    EXPECT_NE(interpolate(kNormal100, a, b, 0.5, spherical), a);
  }
}

TEST(LatentTest, SlerpKeepsTheNormOfEqualNormEndpointsAndLerpDoesNot) {
  Latent a = latentFromSeed(kNormal100, 11), b = latentFromSeed(kNormal100, 12);
  const double norm_a = normFromCentre(kNormal100, a), norm_b = normFromCentre(kNormal100, b);
  for (float& value : b) value = static_cast<float>(value * norm_a / norm_b);  // equal norms
  for (const double t : {0.1, 0.25, 0.5, 0.9}) {
    EXPECT_NEAR(normFromCentre(kNormal100, slerp(kNormal100, a, b, t)), norm_a, 1e-4 * norm_a);
  }
  // The linear midpoint of two near-orthogonal vectors of norm ~10 has norm ~7.1 (White 2016).
  const double mid = normFromCentre(kNormal100, lerp(a, b, 0.5));
  EXPECT_LT(mid, 0.8 * norm_a);
  EXPECT_GT(mid, 0.6 * norm_a);
  // Parallel endpoints: slerp is lerp (no plane to turn in), still finite.
  Latent twice = a;
  for (float& value : twice) value *= 2;
  EXPECT_EQ(slerp(kNormal100, a, twice, 0.5), lerp(a, twice, 0.5));
}

TEST(LatentTest, SlerpTurnsAboutTheUniformPriorsCentre) {
  const LatentConfig uniform{LatentKind::Uniform, 2};
  // Two points at distance 0.5 from the centre (0.5, 0.5), a quarter turn apart.
  const Latent a = {1.0f, 0.5f}, b = {0.5f, 1.0f};
  const Latent mid = slerp(uniform, a, b, 0.5);
  EXPECT_NEAR(normFromCentre(uniform, mid), 0.5, 1e-6);
  EXPECT_NEAR(mid[0], 0.5 + 0.5 / std::sqrt(2.0), 1e-6);
  EXPECT_NEAR(mid[1], 0.5 + 0.5 / std::sqrt(2.0), 1e-6);
}

TEST(LatentTest, TheBilinearSquareHitsEachCornerAndBlendsBetween) {
  const Latent c00 = {0, 0}, c10 = {1, 0}, c01 = {0, 1}, c11 = {1, 1};
  EXPECT_EQ(bilinear(c00, c10, c01, c11, 0, 0), c00);
  EXPECT_EQ(bilinear(c00, c10, c01, c11, 1, 0), c10);
  EXPECT_EQ(bilinear(c00, c10, c01, c11, 0, 1), c01);
  EXPECT_EQ(bilinear(c00, c10, c01, c11, 1, 1), c11);
  const Latent mid = bilinear(c00, c10, c01, c11, 0.25, 0.75);
  EXPECT_FLOAT_EQ(mid[0], 0.25f);
  EXPECT_FLOAT_EQ(mid[1], 0.75f);
}

TEST(LatentTest, TruncationPullsTowardThePriorsCentre) {
  const Latent z = latentFromSeed(kNormal100, 4);
  EXPECT_EQ(truncate(kNormal100, z, 1), z);
  const Latent half = truncate(kNormal100, z, 0.5);
  EXPECT_NEAR(normFromCentre(kNormal100, half), 0.5 * normFromCentre(kNormal100, z), 1e-4);
  const LatentConfig uniform{LatentKind::Uniform, 4};
  for (const float value : truncate(uniform, latentFromSeed(uniform, 2), 0)) {
    EXPECT_FLOAT_EQ(value, 0.5f);
  }
}

TEST(LatentTest, LatentsOfDifferentSizesAreRefused) {
  const Latent a(3, 0.0f), b(4, 0.0f);
  EXPECT_THROW(lerp(a, b, 0.5), std::invalid_argument);
  EXPECT_THROW(slerp(kNormal100, a, b, 0.5), std::invalid_argument);
}

}  // namespace
}  // namespace ganscope
