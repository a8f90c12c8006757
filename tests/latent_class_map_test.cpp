// The class map's computation alone: the anchors' cells hold exactly A, B and C, each cell's
// class is the classifier's class of G(z) computed directly, bad requests are refused naming
// the field and its range, and G's training state is left as it was.
#include <gtest/gtest.h>

#include <algorithm>
#include <set>

#include "core/api/latent.hpp"
#include "core/config/presets.hpp"
#include "core/latent/class_map.hpp"
#include "core/models/networks.hpp"

namespace ganscope {
namespace {

TrainConfig dcgan() {
  return presetConfig("fashion-dcgan");
}

NetworkPtr generatorOf(const TrainConfig& config) {
  std::lock_guard lock(networkInitMutex());
  torch::manual_seed(5);
  return makeGenerator(config, 784);
}

/// A, B, C as one row-major vector (RenderClassMap::anchors), from latent seeds 3, 8, 11.
std::vector<float> anchorsOf(const LatentConfig& latent) {
  std::vector<float> out;
  for (uint64_t seed : {3, 8, 11}) {
    const Latent z = latentFromSeed(latent, seed);
    out.insert(out.end(), z.begin(), z.end());
  }
  return out;
}

torch::Tensor row(const torch::Tensor& latents, int side, int i, int j) {
  return latents[int64_t{j} * side + i];
}

TEST(ClassMapTest, TheAnchorsCellsHoldExactlyTheAnchors) {
  const LatentConfig latent = dcgan().latent;
  const std::vector<float> all = anchorsOf(latent);
  const std::span<const float> s(all);
  const size_t dim = static_cast<size_t>(latent.dim);
  const auto tensorOf = [&](int k) {
    return torch::from_blob(const_cast<float*>(all.data()) + k * dim, {latent.dim}).clone();
  };
  const torch::Tensor a = tensorOf(0), b = tensorOf(1), c = tensorOf(2);
  for (int side : {8, 9, 32, 64}) {
    SCOPED_TRACE("side " + std::to_string(side));
    const torch::Tensor z =
        classMapLatents(s.subspan(0, dim), s.subspan(dim, dim), s.subspan(2 * dim, dim), side);
    ASSERT_EQ(z.size(0), side * side);
    const int lo = classMapAnchorLow(side), hi = classMapAnchorHigh(side);
    EXPECT_EQ(classMapCoordinate(side, lo), 0.0);
    EXPECT_EQ(classMapCoordinate(side, hi), 1.0);
    EXPECT_LT(classMapCoordinate(side, 0), -0.19);  // the anchors sit inside the map
    EXPECT_GT(classMapCoordinate(side, side - 1), 1.19);
    EXPECT_TRUE(row(z, side, lo, lo).equal(a));
    EXPECT_TRUE(row(z, side, hi, lo).equal(b));
    EXPECT_TRUE(row(z, side, lo, hi).equal(c));
    // The control: the cells beside them are other latents.
    EXPECT_FALSE(row(z, side, lo + 1, lo).equal(a));
    EXPECT_FALSE(row(z, side, hi, lo + 1).equal(b));
    // Every cell is A + u (B - A) + v (C - A).
    for (const auto [i, j] : {std::pair{0, 0}, {side - 1, 2}, {3, side - 1}}) {
      const double u = classMapCoordinate(side, i), v = classMapCoordinate(side, j);
      const torch::Tensor want = a + u * (b - a) + v * (c - a);
      EXPECT_LT((row(z, side, i, j) - want).abs().max().item<float>(), 1e-5f);
    }
  }
}

TEST(ClassMapTest, EachCellIsTheClassifiersClassOfItsImage) {
  const TrainConfig config = dcgan();
  NetworkPtr generator = generatorOf(config);
  generator->eval();
  ImageClassifier classifier(ImageClassifierOptions().seed(4));
  classifier->eval();
  RenderClassMap request{.request = 7, .side = 8, .anchors = anchorsOf(config.latent)};
  ASSERT_EQ(classMapRequestError(request, config.latent.dim), "");
  for (const std::vector<int>& classes :
       {std::vector<int>{0, 1, 2, 3, 4, 5, 6, 7, 8, 9}, std::vector<int>{2, 5, 7}}) {
    SCOPED_TRACE(std::to_string(classes.size()) + " classes");
    const std::optional<ClassMap> map =
        computeClassMap(*generator, classifier, request, config.latent.dim, classes);
    ASSERT_TRUE(map);
    EXPECT_EQ(map->request, 7u);
    EXPECT_EQ(map->side, 8);
    EXPECT_EQ(map->classes, classes);
    ASSERT_EQ(map->cell_class.size(), 64u);
    ASSERT_EQ(map->confidence.size(), 64u);
    // Directly: G(z) of the grid's latents, one pass, and the classifier's prediction.
    const std::span<const float> s(request.anchors);
    const size_t dim = static_cast<size_t>(config.latent.dim);
    const torch::Tensor z =
        classMapLatents(s.subspan(0, dim), s.subspan(dim, dim), s.subspan(2 * dim, dim), 8);
    torch::Tensor images, logits;
    {
      c10::InferenceMode inference;
      images = generator->forward(z);
      logits = classifier->logits(images);
    }
    const torch::Tensor predicted = classifier->predict(images, classes);
    const torch::Tensor among = torch::tensor(std::vector<int64_t>(classes.begin(), classes.end()));
    const torch::Tensor probability = torch::softmax(logits.index_select(1, among), 1);
    std::set<int> seen;
    for (int cell = 0; cell < 64; ++cell) {
      EXPECT_EQ(map->cell_class[cell], predicted[cell].item<int64_t>()) << "cell " << cell;
      EXPECT_NEAR(map->confidence[cell], probability[cell].max().item<float>(), 1e-6)
          << "cell " << cell;
      seen.insert(map->cell_class[cell]);
    }
    for (int c : seen) EXPECT_TRUE(std::count(classes.begin(), classes.end(), c)) << c;
    // A's cell against G(z_A) alone, outside any grid.
    const int lo = classMapAnchorLow(8);
    const torch::Tensor z_a =
        torch::from_blob(request.anchors.data(), {1, config.latent.dim}).clone();
    torch::Tensor image_a;
    {
      c10::InferenceMode inference;
      image_a = generator->forward(z_a);
    }
    EXPECT_EQ(map->cell_class[lo * 8 + lo],
              classifier->predict(image_a, classes)[0].item<int64_t>());
  }
}

TEST(ClassMapTest, BadRequestsAreRefusedNamingTheFieldAndItsRange) {
  const int dim = 100;
  RenderClassMap request{.request = 1, .side = 32, .anchors = std::vector<float>(300, 0.5f)};
  EXPECT_EQ(classMapRequestError(request, dim), "");
  for (int side : {8, 64}) {
    request.side = side;
    EXPECT_EQ(classMapRequestError(request, dim), "") << side;
  }
  for (int side : {7, 65, 0, -3}) {
    request.side = side;
    const std::string error = classMapRequestError(request, dim);
    EXPECT_NE(error.find("side " + std::to_string(side)), std::string::npos) << error;
    EXPECT_NE(error.find("8 to 64"), std::string::npos) << error;
  }
  request.side = 32;
  request.anchors.resize(200);
  const std::string error = classMapRequestError(request, dim);
  EXPECT_NE(error.find("anchors has 200 values"), std::string::npos) << error;
  EXPECT_NE(error.find("need 300"), std::string::npos) << error;
}

TEST(ClassMapTest, GsTrainingStateIsLeftAsItWas) {
  const TrainConfig config = dcgan();
  NetworkPtr generator = generatorOf(config);
  generator->train();
  ImageClassifier classifier(ImageClassifierOptions().seed(4));
  std::vector<torch::Tensor> before;
  for (const auto& b : generator->buffers()) before.push_back(b.clone());
  ASSERT_FALSE(before.empty());  // BatchNorm's running statistics
  const RenderClassMap request{.request = 1, .side = 8, .anchors = anchorsOf(config.latent)};
  const std::vector<int> classes = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9};
  ASSERT_TRUE(computeClassMap(*generator, classifier, request, config.latent.dim, classes));
  EXPECT_TRUE(generator->is_training());
  const auto after = generator->buffers();
  for (size_t i = 0; i < before.size(); ++i) EXPECT_TRUE(after[i].equal(before[i])) << i;
  // The control: a forward pass in train mode moves the running statistics.
  {
    torch::NoGradGuard no_grad;
    generator->forward(torch::randn({16, config.latent.dim}));
  }
  bool moved = false;
  for (size_t i = 0; i < before.size(); ++i) moved |= !generator->buffers()[i].equal(before[i]);
  EXPECT_TRUE(moved);
}

TEST(ClassMapTest, ACancelStopsIt) {
  const TrainConfig config = dcgan();
  NetworkPtr generator = generatorOf(config);
  ImageClassifier classifier(ImageClassifierOptions().seed(4));
  const RenderClassMap request{.request = 1, .side = 32, .anchors = anchorsOf(config.latent)};
  const std::vector<int> classes = {0, 1};
  std::atomic<bool> cancel{true};
  EXPECT_FALSE(
      computeClassMap(*generator, classifier, request, config.latent.dim, classes, &cancel));
  cancel = false;  // the control
  EXPECT_TRUE(
      computeClassMap(*generator, classifier, request, config.latent.dim, classes, &cancel));
}

TEST(ClassMapTest, ACopiedClassifierGivesTheSameLogits) {
  ImageClassifier classifier(ImageClassifierOptions().seed(4));
  ImageClassifier other(ImageClassifierOptions().seed(5));
  ImageClassifier copy = copyClassifier(classifier);
  const torch::Tensor images = torch::rand({20, 784}) * 2 - 1;
  EXPECT_TRUE(copy->logits(images).equal(classifier->logits(images)));
  EXPECT_FALSE(other->logits(images).equal(classifier->logits(images)));  // the control
}

}  // namespace
}  // namespace ganscope
