// GANSpace directions: the matching recovers a permuted, sign-flipped set (and beats greedy), the
// two PCA methods agree, the regression finds a known G's dominant direction (against a control
// G with another), recomputing without training repeats the set, training is never disturbed,
// (the Session's delivery: latent_directions_session_test.cpp).
#include <gtest/gtest.h>

#include <ATen/CPUGeneratorImpl.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <thread>

#include "core/engine/gan_state_io.hpp"
#include "core/engine/trainer.hpp"
#include "core/latent/direction_matching.hpp"
#include "core/latent/direction_tracker.hpp"
#include "core/latent/principal_directions.hpp"
#include "core/models/networks.hpp"
#include "core/tensor_span.hpp"
#include "run_state_compare.hpp"

namespace ganscope {
namespace {

std::vector<float> rowsOf(const torch::Tensor& t) {
  const torch::Tensor c = t.contiguous();
  const std::span<const float> v = asSpan(c);
  return {v.begin(), v.end()};
}

TEST(DirectionMatchingTest, APermutedSignFlippedCopyIsMatchedBackExactly) {
  constexpr int kCount = 10, kDim = 100;
  at::Generator generator = at::make_generator<at::CPUGeneratorImpl>(3);
  const torch::Tensor previous = torch::randn({kCount, kDim}, generator);
  const std::vector<int> permutation = {3, 7, 0, 9, 1, 4, 8, 2, 6, 5};  // new j = old perm[j]
  const std::vector<float> flip = {1, -1, -1, 1, 1, -1, 1, -1, 1, 1};
  torch::Tensor next = torch::empty({kCount, kDim});
  for (int j = 0; j < kCount; ++j) next[j] = previous[permutation[j]] * flip[j];
  // A little noise, as a recomputation after training brings.
  next += 0.05 * torch::randn({kCount, kDim}, generator);

  const DirectionMatch match = matchDirections(rowsOf(previous), rowsOf(next), kCount, kDim);
  for (int j = 0; j < kCount; ++j) {
    const int slot = permutation[j];
    EXPECT_EQ(match.source[slot], j) << "slot " << slot;
    EXPECT_EQ(match.sign[slot], flip[j]) << "slot " << slot;
    EXPECT_GT(match.similarity[slot], 0.99f);
  }
  // Applied, the copy lands back on the previous set.
  const std::vector<float> aligned = applyMatch(match, rowsOf(next), kDim);
  const torch::Tensor back = torch::from_blob(const_cast<float*>(aligned.data()), {kCount, kDim});
  EXPECT_LT((back - previous).abs().max().item<float>(), 0.3f);
  // The control: the unmatched copy is far from it.
  EXPECT_GT((next - previous).abs().max().item<float>(), 1.0f);
}

TEST(DirectionMatchingTest, TheAssignmentIsOptimalWhereGreedyIsNot) {
  // |cos| of previous slot s against new j: [[0.7, 0.6], [0.65, 0.1]]. Greedy takes 0.7 for slot
  // 0 and leaves 0.1 for slot 1 (0.8 in all); the optimum crosses them (0.6 + 0.65 = 1.25).
  const std::vector<float> previous = {1, 0, 0, 0, 0, 1, 0, 0};
  const float a = std::sqrt(1 - 0.49f - 0.4225f), b = std::sqrt(1 - 0.36f - 0.01f);
  const std::vector<float> next = {0.7f, -0.65f, a, 0, 0.6f, 0.1f, 0, b};
  const DirectionMatch match = matchDirections(previous, next, 2, 4);
  EXPECT_EQ(match.source, (std::vector<int>{1, 0}));
  EXPECT_EQ(match.sign, (std::vector<float>{1, -1}));
  EXPECT_NEAR(match.similarity[0], 0.6f, 1e-6);
  EXPECT_NEAR(match.similarity[1], 0.65f, 1e-6);
}

TEST(DirectionMatchingTest, BadCountsAndSizesAreRefused) {
  const std::vector<float> four(4, 1.0f);
  EXPECT_THROW(matchDirections(four, four, 0, 4), std::invalid_argument);
  EXPECT_THROW(matchDirections(four, four, kMaxMatchedDirections + 1, 4), std::invalid_argument);
  EXPECT_THROW(matchDirections(four, std::vector<float>(3, 1.0f), 1, 4), std::invalid_argument);
}

/// Rows with a known spectrum: z [n, 6] times a fixed mixing into 40 features, stddevs 6..1.
torch::Tensor spectrumRows(int64_t n, at::Generator& generator) {
  const torch::Tensor scales = torch::tensor({6.0f, 5.0f, 4.0f, 3.0f, 2.0f, 1.0f});
  const torch::Tensor mixing = std::get<0>(torch::linalg::qr(torch::randn({40, 6}, generator)));
  return (torch::randn({n, 6}, generator) * scales).mm(mixing.t()) + 3.0f;
}

TEST(PrincipalComponentsTest, CovarianceAndRandomizedSvdAgree) {
  at::Generator generator = at::make_generator<at::CPUGeneratorImpl>(5);
  const torch::Tensor rows = spectrumRows(4000, generator);
  PcaOptions options;
  options.components = 4;
  options.method = PcaMethod::Covariance;
  const PcaBasis exact = *principalComponents(rows, options);
  options.method = PcaMethod::Randomized;
  const PcaBasis fast = *principalComponents(rows, options);
  EXPECT_EQ(exact.method, PcaMethod::Covariance);
  EXPECT_EQ(fast.method, PcaMethod::Randomized);
  for (int i = 0; i < 4; ++i) {
    EXPECT_GT(exact.components[i].dot(fast.components[i]).abs().item<float>(), 0.9999f) << i;
    EXPECT_NEAR(exact.stddev[i].item<float>(), fast.stddev[i].item<float>(), 1e-3) << i;
    EXPECT_NEAR(exact.stddev[i].item<float>(), 6.0f - i, 0.25f) << i;  // the known spectrum
  }
  EXPECT_NEAR(exact.total_variance, fast.total_variance, 1e-3 * exact.total_variance);
  EXPECT_NEAR(exact.total_variance, 36 + 25 + 16 + 9 + 4 + 1, 4.0);
  options.components = 41;
  EXPECT_THROW(principalComponents(rows, options), std::invalid_argument);
}

/// A linear G whose features are z W^T: GANSpace's regression must find W's dominant direction.
class LinearGenerator : public Network {
 public:
  explicit LinearGenerator(torch::Tensor weight) : weight_(std::move(weight)) {}
  torch::Tensor forward(torch::Tensor z) override { return z.mm(weight_.t()); }

 private:
  torch::Tensor weight_;
};

/// A first layer with one dominant direction: 10 u v^T plus small noise (features 32, z 8).
torch::Tensor dominantWeight(const torch::Tensor& v, at::Generator& generator) {
  const torch::Tensor u = torch::randn({32}, generator);
  return 10.0f * torch::outer(u / u.norm(), v) + 0.1f * torch::randn({32, 8}, generator);
}

TEST(DirectionTrackerTest, TheRegressionRecoversALinearGsPrincipalDirection) {
  at::Generator generator = at::make_generator<at::CPUGeneratorImpl>(9);
  torch::Tensor v = torch::randn({8}, generator), other = torch::randn({8}, generator);
  v /= v.norm();
  other -= other.dot(v) * v;  // the control's dominant direction, orthogonal to v
  other /= other.norm();
  const LatentConfig latent{LatentKind::Normal, 8};
  const SetLatentDirections settings{3, 100, DirectionSource::FirstHidden};
  const auto firstDirection = [&](const torch::Tensor& dominant) {
    LinearGenerator g(dominantWeight(dominant, generator));
    DirectionTracker tracker(latent);
    const LatentDirections set = *tracker.compute(g, settings, 0);
    EXPECT_EQ(set.count, 3);
    EXPECT_GT(set.variance_share[0], 0.9f);  // one dominant component
    EXPECT_FLOAT_EQ(set.slider_unit[0], 1.0f);
    return torch::from_blob(const_cast<float*>(set.direction[0]), {8}).clone();
  };
  const torch::Tensor found = firstDirection(v), control = firstDirection(other);
  EXPECT_GT(found.dot(v).abs().item<float>(), 0.99f);
  EXPECT_LT(found.dot(other).abs().item<float>(), 0.1f);
  EXPECT_GT(control.dot(other).abs().item<float>(), 0.99f);  // the control finds its own
  EXPECT_LT(control.dot(v).abs().item<float>(), 0.1f);
}

TEST(DirectionTrackerTest, AUniformPriorsSliderUnitIsItsSpread) {
  const LatentConfig latent{LatentKind::Uniform, 4};
  LinearGenerator g(torch::eye(4) * torch::tensor({4.0f, 3.0f, 2.0f, 1.0f}));
  DirectionTracker tracker(latent);
  const LatentDirections set = *tracker.compute(g, {2, 100, DirectionSource::Output}, 0);
  EXPECT_NEAR(set.slider_unit[0], 1 / std::sqrt(12.0f), 1e-6);
  EXPECT_NEAR(std::abs(set.direction[0][0]), 1.0f, 1e-3);  // z's first axis varies most
  EXPECT_NEAR(std::abs(set.direction[1][1]), 1.0f, 1e-3);
}

TrainConfig imageConfig(ModelKind model) {
  TrainConfig config;
  config.data.kind = DataKind::Images;
  config.model = model;
  config.latent = {LatentKind::Normal, 16};
  config.generator = {1, 64, Activation::LeakyRelu};
  config.discriminator.hidden_layers = 1;
  config.discriminator.width = 64;
  config.discriminator.activation = Activation::LeakyRelu;
  if (model == ModelKind::Dcgan) config.generator.width = config.discriminator.width = 8;
  config.hyper.batch_size = 16;
  config.hyper.g_opt.lr = config.hyper.d_opt.lr = 2e-4f;
  return config;
}

/// The set `trainer`'s LatentWorker computes of the preview G now (waits for it).
std::optional<LatentDirections> computeNow(Trainer& trainer, const SetLatentDirections& settings) {
  const auto outbox = std::make_shared<LatentOutbox>();
  trainer.postDirections(settings, 0, outbox);
  while (!trainer.latentWorker().idle(LatentJobSlot::Directions)) {
    std::this_thread::sleep_for(std::chrono::milliseconds(1));
  }
  LatentDirections set;
  if (!outbox->directions.pop(set)) return std::nullopt;
  return set;
}

TEST(DirectionTrackerTest, RecomputingWithoutTrainingGivesTheSameUnitDirections) {
  // The plain MLP (covariance: 64 features), the source's MLP GAN (128) and a DCGAN whose 784
  // first-hidden features take the randomised SVD.
  for (const ModelKind model : {ModelKind::Mlp, ModelKind::MlpGan, ModelKind::Dcgan}) {
    Trainer trainer(imageConfig(model));
    for (int i = 0; i < 20; ++i) trainer.step(StepTarget::Both);
    const SetLatentDirections settings{10, 100, DirectionSource::FirstHidden};
    EXPECT_TRUE(trainer.directionsDue(settings));
    const LatentDirections first = *computeNow(trainer, settings);
    EXPECT_FALSE(trainer.directionsDue(settings)) << "no step since";
    const LatentDirections second = *computeNow(trainer, settings);
    ASSERT_EQ(first.count, 10) << toString(model);
    EXPECT_EQ(first.step, 20);
    EXPECT_EQ(second.computation, first.computation + 1);
    EXPECT_EQ(second.basis, first.basis);
    EXPECT_EQ(first.feature_dims, model == ModelKind::Mlp      ? 64
                                  : model == ModelKind::MlpGan ? 128
                                                               : 2 * 8 * 49);
    for (int s = 0; s < first.count; ++s) {
      double norm = 0, gap = 0;
      for (int i = 0; i < first.latent_dim; ++i) {
        norm += double(first.direction[s][i]) * first.direction[s][i];
        gap = std::max(gap, double(std::abs(first.direction[s][i] - second.direction[s][i])));
      }
      EXPECT_NEAR(std::sqrt(norm), 1.0, 1e-5) << toString(model) << " slot " << s;
      EXPECT_LT(gap, 1e-5) << toString(model) << " slot " << s;
      EXPECT_EQ(second.component[s], s);
      EXPECT_NEAR(second.similarity[s], 1.0f, 1e-5);
      if (s > 0) EXPECT_GE(first.feature_stddev[s - 1], first.feature_stddev[s]);
    }
    // The control: a few more steps of training move them.
    for (int i = 0; i < 10; ++i) trainer.step(StepTarget::Both);
    const LatentDirections third = *computeNow(trainer, settings);
    float moved = 0;
    for (int s = 0; s < third.count; ++s)
      for (int i = 0; i < third.latent_dim; ++i)
        moved = std::max(moved, std::abs(third.direction[s][i] - second.direction[s][i]));
    EXPECT_GT(moved, 1e-3f) << toString(model);
  }
}

TEST(DirectionTrackerTest, ACancelledComputationReturnsNothingAndChangesNothing) {
  const TrainConfig config = imageConfig(ModelKind::Mlp);
  NetworkPtr generator;
  {
    std::lock_guard lock(networkInitMutex());
    generator = makeGenerator(config, 784);
  }
  generator->eval();
  DirectionTracker tracker(config.latent);
  const std::atomic<bool> cancel{true};
  const SetLatentDirections settings{4, 100, DirectionSource::FirstHidden};
  c10::InferenceMode inference;
  EXPECT_FALSE(tracker.compute(*generator, settings, 0, &cancel).has_value());
  EXPECT_TRUE(tracker.due(settings, 0));
  EXPECT_EQ(tracker.compute(*generator, settings, 0)->computation, 0u);
}

using test::everything;
using test::same;

TEST(DirectionTrackerTest, TrainingAndExactResumeAreUntouchedByTheComputation) {
  for (const ModelKind model : {ModelKind::Mlp, ModelKind::Dcgan}) {
    TrainConfig config = imageConfig(model);
    config.hyper.preview = PreviewKind::Ema;  // the moving average's network, too
    config.hyper.ema_decay = 0.9f;
    const SetLatentDirections settings{5, 1, DirectionSource::FirstHidden};
    Trainer watched(config), alone(config);
    for (int i = 0; i < 10; ++i) {
      watched.step(StepTarget::Both);
      if (i % 3 == 0) computeNow(watched, settings);
      alone.step(StepTarget::Both);
    }
    EXPECT_TRUE(same(everything(watched.state()), everything(alone.state()))) << toString(model);
    Trainer resumed(loadGanState(saveGanState(watched.state())));
    for (int i = 0; i < 10; ++i) {
      watched.step(StepTarget::Both);
      resumed.step(StepTarget::Both);
      if (i % 3 == 0) computeNow(resumed, settings);
    }
    EXPECT_TRUE(same(everything(watched.state()), everything(resumed.state()))) << toString(model);
    // The control: one more step of one of them shows up.
    resumed.step(StepTarget::Both);
    EXPECT_FALSE(same(everything(watched.state()), everything(resumed.state())));
  }
}

}  // namespace
}  // namespace ganscope
