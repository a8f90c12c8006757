// The explorer's "find z" without a window: the request made from a real grid image, which
// answers are kept (the newest request's, its run's), a found z as an anchor of the path (and
// the control: another seed is the seed's z), and the path file keeping found z's.
#include <gtest/gtest.h>

#include <memory>

#include <nlohmann/json.hpp>
#include "app/state/latent_explorer.hpp"
#include "app/state/latent_explorer_file.hpp"
#include "app/state/latent_search.hpp"

namespace ganscope {
namespace {

const LatentConfig kNormal8{LatentKind::Normal, 8};

TEST(LatentSearchStateTest, TheRequestCarriesTheRealImageAsTheDataScalesIt) {
  auto frame = std::make_unique<ImageFrame>();
  frame->header.generation = 3;
  for (int p = 0; p < kImagePixels; ++p) frame->real[2 * kImagePixels + p] = p % 2 ? 255 : 0;
  frame->real[2 * kImagePixels + 4] = 51;
  LatentSearch search;
  FindLatent settings;
  settings.iterations = 120;
  settings.request = 99;  // the search numbers its own
  const FindLatent request = search.start(*frame, 2, settings);
  EXPECT_NE(request.request, 0u);
  EXPECT_NE(request.request, 99u);
  EXPECT_EQ(request.iterations, 120);
  EXPECT_EQ(request.restarts, settings.restarts);
  ASSERT_EQ(request.target.size(), size_t(kImagePixels));
  EXPECT_EQ(request.target[0], -1.0f);
  EXPECT_EQ(request.target[1], 1.0f);
  EXPECT_FLOAT_EQ(request.target[4], 51 / 127.5f - 1);
  EXPECT_EQ(search.targetIndex(), 2);
  EXPECT_TRUE(search.running());
  EXPECT_THROW(search.start(*frame, kGridImages, settings), std::invalid_argument);
}

TEST(LatentSearchStateTest, KeepsTheNewestRequestsAnswersOfItsRunOnly) {
  auto frame = std::make_unique<ImageFrame>();
  frame->header.generation = 1;
  LatentSearch search;
  const FindLatent first = search.start(*frame, 0, {});
  const FindLatent second = search.start(*frame, 1, {});
  EXPECT_NE(first.request, second.request);
  FoundLatent old;
  old.request = first.request;
  old.generation = 1;
  EXPECT_FALSE(search.receive(old));  // an older request's
  FoundLatent progress;
  progress.request = second.request;
  progress.generation = 1;
  progress.iteration = 25;
  progress.l1_curve = {0.4f, 0.3f};
  FoundLatent other_run = progress;
  other_run.generation = 2;
  EXPECT_FALSE(search.receive(other_run));
  EXPECT_TRUE(search.receive(progress));
  EXPECT_TRUE(search.running());
  EXPECT_EQ(search.startL1(), 0.4f);
  FoundLatent done = progress;
  done.done = true;
  EXPECT_TRUE(search.receive(done));
  EXPECT_FALSE(search.running());
  // A refusal ends it too.
  search.start(*frame, 1, {});
  FoundLatent refused;
  refused.request = second.request + 1;
  refused.error = "find z: iterations 0; give 1 to 5000";
  EXPECT_TRUE(search.receive(refused));
  EXPECT_FALSE(search.running());
  // A reset forgets it all.
  search.follow(2);
  EXPECT_EQ(search.answer(), nullptr);
  EXPECT_EQ(search.targetIndex(), -1);
  EXPECT_FALSE(search.running());
}

TEST(LatentSearchStateTest, AFoundZIsTheAnchorsZUntilAnotherSeedReplacesIt) {
  LatentExplorerState state;
  state.anchors = {4, 5, 6, 7};
  const Latent found = {0.5f, -1, 2, 0, 0, 0, 0, 3};
  const uint64_t seed = useFreeLatent(state, kAnchorA, found);
  EXPECT_EQ(state.anchors[kAnchorA], seed);
  EXPECT_EQ(anchorLatent(kNormal8, state, kAnchorA), found);
  EXPECT_EQ(pathLatent(kNormal8, state, 0.0), found);  // the path starts at it exactly
  // The control: anchor B is its seed's z, and so is A once another seed is typed.
  EXPECT_EQ(anchorLatent(kNormal8, state, kAnchorB), latentFromSeed(kNormal8, 5));
  std::swap(state.anchors[0], state.anchors[1]);  // swap carries it to B
  EXPECT_EQ(anchorLatent(kNormal8, state, kAnchorB), found);
  state.anchors[kAnchorB] = 9;
  EXPECT_EQ(anchorLatent(kNormal8, state, kAnchorB), latentFromSeed(kNormal8, 9));
  // A latent of another size (another run's) is not used.
  EXPECT_EQ(anchorLatent({LatentKind::Normal, 4}, state, kAnchorB),
            latentFromSeed({LatentKind::Normal, 4}, 9));
  // At most kMaxFreeLatents kept, never one an anchor names.
  const uint64_t kept = useFreeLatent(state, kAnchorC, found);
  for (size_t i = 0; i < 2 * kMaxFreeLatents; ++i) useFreeLatent(state, kAnchorA, found);
  EXPECT_EQ(state.free_latents.size(), kMaxFreeLatents);
  EXPECT_EQ(state.anchors[kAnchorC], kept);
  EXPECT_EQ(anchorLatent(kNormal8, state, kAnchorC), found);
}

TEST(LatentSearchStateTest, ThePathFileKeepsFoundZs) {
  LatentExplorerState saved;
  saved.anchors = {4, 5, 6, 7};
  const Latent found = {0.5f, -1, 2, 0.25f, 0, 0, 0, 3};
  useFreeLatent(saved, kAnchorB, found);
  const std::string text = pathToJson(kNormal8, saved);
  LatentExplorerState loaded;  // a fresh window: no free latents
  loadPathJson(text, "p.json", kNormal8, loaded);
  EXPECT_EQ(loaded.anchors, saved.anchors);
  EXPECT_EQ(anchorLatent(kNormal8, loaded, kAnchorB), found);
  EXPECT_EQ(pathLatent(kNormal8, loaded, 1.0), found);
  // Found z's no anchor names stay out of the file.
  saved.anchors[kAnchorB] = 5;
  EXPECT_EQ(nlohmann::json::parse(pathToJson(kNormal8, saved))["found"].size(), 0u);
  // A bad found entry is refused by name.
  nlohmann::json json = nlohmann::json::parse(text);
  json["found"][0]["z"] = {1, 2};
  LatentExplorerState state;
  try {
    loadPathJson(json.dump(), "p.json", kNormal8, state);
    FAIL() << "a found z of 2 numbers was read";
  } catch (const std::exception& error) {
    EXPECT_NE(std::string(error.what()).find("found.0"), std::string::npos) << error.what();
  }
}

}  // namespace
}  // namespace ganscope
