// Balance warnings over series of mean D outputs: a verdict needs its condition on every one of
// the newest kBalanceSteps steps; the same series one step short, or broken by one even step,
// gives none (the controls).
#include <gtest/gtest.h>

#include <cmath>
#include <vector>

#include "app/state/balance_monitor.hpp"

namespace ganscope {
namespace {

struct Means {
  std::vector<double> steps;
  std::vector<float> real, fake;
  void add(int count, float r, float f) {
    for (int i = 0; i < count; ++i) {
      steps.push_back(static_cast<double>(steps.size()) + 1);
      real.push_back(r);
      fake.push_back(f);
    }
  }
  BalanceVerdict judge() const { return judgeBalance(steps, real, fake); }
};

TEST(BalanceMonitorTest, DWinsAfterEnoughConfidentSteps) {
  Means m;
  m.add(100, 0.5f, 0.5f);
  m.add(kBalanceSteps - 1, 0.97f, 0.02f);
  EXPECT_EQ(m.judge().balance, Balance::Even);  // one step short
  m.add(1, 0.97f, 0.02f);
  const BalanceVerdict v = m.judge();
  EXPECT_EQ(v.balance, Balance::DWinning);
  EXPECT_EQ(v.steps, kBalanceSteps);
  EXPECT_NEAR(v.real_mean, 0.97, 1e-6);
  EXPECT_NEAR(v.fake_mean, 0.02, 1e-6);
}

TEST(BalanceMonitorTest, OneEvenStepRestartsTheCount) {
  Means m;
  m.add(kBalanceSteps, 0.97f, 0.02f);
  m.add(1, 0.6f, 0.4f);
  m.add(10, 0.97f, 0.02f);
  EXPECT_EQ(m.judge().balance, Balance::Even);
  EXPECT_EQ(m.judge().steps, 10);  // the run since the even step: too short for a verdict
}

TEST(BalanceMonitorTest, GWinsWhenFakesRateAboveRealsByTheMargin) {
  Means lead;
  lead.add(kBalanceSteps, 0.40f, 0.60f);
  EXPECT_EQ(lead.judge().balance, Balance::GWinning);
  Means noise;  // the equilibrium's batch noise: fakes barely above reals
  noise.add(kBalanceSteps * 2, 0.49f, 0.51f);
  EXPECT_EQ(noise.judge().balance, Balance::Even);
}

TEST(BalanceMonitorTest, CountsStepsOfAThinnedHistory) {
  Means m;
  for (int i = 0; i < kBalanceSteps / 2; ++i) {  // every other step stored
    m.steps.push_back(2.0 * i);
    m.real.push_back(0.95f);
    m.fake.push_back(0.05f);
  }
  m.steps.push_back(m.steps.back() + 2);
  m.real.push_back(0.95f);
  m.fake.push_back(0.05f);
  const BalanceVerdict v = m.judge();
  EXPECT_EQ(v.balance, Balance::DWinning);
  EXPECT_EQ(v.steps, kBalanceSteps + 1);
}

TEST(BalanceMonitorTest, EmptyAndNaNGiveNoVerdict) {
  EXPECT_EQ(Means{}.judge().balance, Balance::Even);
  Means m;
  m.add(kBalanceSteps, 0.97f, 0.02f);
  m.real.back() = NAN;
  EXPECT_EQ(m.judge().balance, Balance::Even);
}

}  // namespace
}  // namespace ganscope
