// The latent explorer's logic without a window: the requests' z (exact endpoints, slerp against
// lerp, truncation, per-dimension locking, the square's corners), which requests go and which
// answers are kept (coalescing, live re-renders, a new run), the change readout, the exported
// pictures and the path file's round trip and refusals.
#include <gif_lib.h>
#include <gtest/gtest.h>

#include <cmath>
#include <numeric>
#include <set>

#include <nlohmann/json.hpp>
#include "app/state/latent_explorer.hpp"
#include "app/state/latent_explorer_file.hpp"
#include "app/state/latent_explorer_renders.hpp"

#include "common/config_error.hpp"
#include "common/file_error.hpp"
#include "test_util.hpp"

namespace ganscope {
namespace {

const LatentConfig kNormal100{LatentKind::Normal, 100};

/// Row `i` of a request's z.
std::vector<float> row(const RenderLatent& request, int i, int dim) {
  return std::vector<float>(request.z.begin() + i * dim, request.z.begin() + (i + 1) * dim);
}

TEST(LatentExplorerPathTest, TheStripStartsAndEndsExactlyAtTheAnchors) {
  LatentExplorerState state;
  state.anchors = {17, 42, 0, 0};
  state.frames = 7;
  RequestLayout layout;
  const RenderLatent request = buildRequest(kNormal100, state, 5, true, &layout);
  ASSERT_EQ(layout.count(), 1 + 7 + kPathScorePoints);
  ASSERT_EQ(request.count, layout.count());
  ASSERT_EQ(request.z.size(), static_cast<size_t>(request.count) * 100);
  EXPECT_EQ(request.request, 5u);
  const Latent a = latentFromSeed(kNormal100, 17), b = latentFromSeed(kNormal100, 42);
  EXPECT_EQ(row(request, 1, 100), a);  // the strip's first frame, bit for bit
  EXPECT_EQ(row(request, 7, 100), b);  // and its last
  EXPECT_EQ(row(request, 8, 100), a);  // the score plot's first and last points too
  EXPECT_EQ(row(request, 7 + kPathScorePoints, 100), b);
  EXPECT_NE(row(request, 4, 100), a);  // the control: the middle is neither
  EXPECT_NE(row(request, 4, 100), b);
  // The big picture alone when the path is not asked for: t = 0.5, the strip's middle frame.
  const RenderLatent picture = buildRequest(kNormal100, state, 6, false);
  EXPECT_EQ(picture.count, 1);
  EXPECT_EQ(row(picture, 0, 100), row(request, 4, 100));
}

TEST(LatentExplorerPathTest, SlerpKeepsThePriorsNormAndLerpDoesNot) {
  LatentExplorerState state;
  state.anchors = {3, 8, 0, 0};
  const double ends = (normFromCentre(kNormal100, latentFromSeed(kNormal100, 3)) +
                       normFromCentre(kNormal100, latentFromSeed(kNormal100, 8))) /
                      2;
  state.spherical = true;
  const Latent spherical = pathLatent(kNormal100, state, 0.5);
  state.spherical = false;
  const Latent linear = pathLatent(kNormal100, state, 0.5);
  EXPECT_NEAR(normFromCentre(kNormal100, spherical) / ends, 1.0, 0.05);
  // About 1/sqrt(2) for nearly orthogonal latents.
  EXPECT_LT(normFromCentre(kNormal100, linear) / ends, 0.8);
  EXPECT_NE(spherical, linear);
}

TEST(LatentExplorerPathTest, TruncationPullsTowardThePriorsCentre) {
  for (const LatentConfig latent : {kNormal100, LatentConfig{LatentKind::Uniform, 10}}) {
    LatentExplorerState state;
    const Latent plain = pathLatent(latent, state, 0.3);
    state.psi = 0.5;
    const Latent truncated = pathLatent(latent, state, 0.3);
    const float centre = priorCentre(latent.kind);
    for (size_t i = 0; i < plain.size(); ++i) {
      EXPECT_NEAR(truncated[i], centre + 0.5f * (plain[i] - centre), 1e-6f) << i;
    }
    EXPECT_NEAR(normFromCentre(latent, truncated), 0.5 * normFromCentre(latent, plain), 1e-4);
  }
}

TEST(LatentExplorerPathTest, SlidersSetTheirCoordinatesAndLockTheRestToThePath) {
  LatentExplorerState state;
  state.frames = 6;
  const RenderLatent free = buildRequest(kNormal100, state, 1, true);
  state.sliders = {{3, 2.5f}, {97, -1.25f}};
  const RenderLatent locked = buildRequest(kNormal100, state, 2, true);
  ASSERT_EQ(free.count, locked.count);
  for (int r = 0; r < locked.count; ++r) {
    const std::vector<float> a = row(free, r, 100), b = row(locked, r, 100);
    for (int i = 0; i < 100; ++i) {
      if (i == 3) {
        EXPECT_EQ(b[i], 2.5f);
      } else if (i == 97) {
        EXPECT_EQ(b[i], -1.25f);
      } else {
        EXPECT_EQ(b[i], a[i]) << "row " << r << " coordinate " << i;
      }
    }
  }
  // A smaller latent drops the sliders it does not have.
  fitToLatent(state, {LatentKind::Normal, 50});
  ASSERT_EQ(state.sliders.size(), 1u);
  EXPECT_EQ(state.sliders[0].index, 3);
}

TEST(LatentExplorerPathTest, TheSquaresCornersAreItsFourAnchors) {
  LatentExplorerState state;
  state.mode = ExplorerMode::Square;
  state.anchors = {10, 11, 12, 13};
  state.v = 0;
  EXPECT_EQ(pathLatent(kNormal100, state, 0), latentFromSeed(kNormal100, 10));
  EXPECT_EQ(pathLatent(kNormal100, state, 1), latentFromSeed(kNormal100, 11));
  state.v = 1;
  EXPECT_EQ(pathLatent(kNormal100, state, 0), latentFromSeed(kNormal100, 12));
  EXPECT_EQ(pathLatent(kNormal100, state, 1), latentFromSeed(kNormal100, 13));
  state.v = 0.5;
  const Latent middle = pathLatent(kNormal100, state, 0.5);
  const Latent a = latentFromSeed(kNormal100, 10), d = latentFromSeed(kNormal100, 13);
  const Latent b = latentFromSeed(kNormal100, 11), c = latentFromSeed(kNormal100, 12);
  for (int i = 0; i < 100; ++i) EXPECT_NEAR(middle[i], (a[i] + b[i] + c[i] + d[i]) / 4, 1e-5f);
}

TEST(LatentExplorerPathTest, RandomSeedsAreFreshAndTheWalkStaysInTheSquare) {
  LatentExplorerState state;
  std::set<uint64_t> seeds;
  for (int i = 0; i < 100; ++i) {
    const uint64_t seed = rollSeed(state);
    EXPECT_GE(seed, 256u);  // never one of the grid's samples
    EXPECT_LE(seed, kMaxTypedSeed);
    seeds.insert(seed);
  }
  EXPECT_EQ(seeds.size(), 100u);
  state.walk_speed = 2;
  double moved = 0;
  for (int i = 0; i < 600; ++i) {
    const double u = state.u, v = state.v;
    stepWalk(state, 1.0 / 60);
    moved += std::hypot(state.u - u, state.v - v);
    ASSERT_GE(state.u, 0);
    ASSERT_LE(state.u, 1);
    ASSERT_GE(state.v, 0);
    ASSERT_LE(state.v, 1);
  }
  EXPECT_GT(moved, 10);  // 10 s at 2 widths a second, minus the bounces' folds
}

/// The answer a trainer would give `request`: G(z) = (z[0], z[1]) (2-D), D's score z[0].
LatentPicture answer(const RenderLatent& request, int64_t step, uint32_t generation, int dim) {
  LatentPicture picture;
  picture.request = request.request;
  picture.step = step;
  picture.generation = generation;
  picture.count = request.count;
  picture.dims = 2;
  for (int i = 0; i < request.count; ++i) {
    picture.samples.push_back(request.z[i * dim]);
    picture.samples.push_back(request.z[i * dim + 1]);
    picture.d_score.push_back(request.z[i * dim]);
  }
  return picture;
}

TEST(LatentExplorerRendersTest, OneRequestCarriesWhatIsMissingAndNoneGoesTwice) {
  const LatentConfig latent{LatentKind::Normal, 4};
  LatentExplorerState state;
  state.live = false;
  LatentExplorerRenders renders;
  std::optional<RenderLatent> first = renders.next(latent, state, 0, 0, 0.0);
  ASSERT_TRUE(first);
  EXPECT_EQ(first->count, 1 + state.frames + kPathScorePoints);  // the picture and the path
  EXPECT_FALSE(renders.next(latent, state, 0, 0, 0.01)) << "asked already, not answered yet";
  EXPECT_TRUE(renders.waiting());
  ASSERT_TRUE(renders.receive(answer(*first, 0, 0, 4)));
  EXPECT_FALSE(renders.waiting());
  ASSERT_NE(renders.picture(), nullptr);
  ASSERT_NE(renders.path(), nullptr);
  EXPECT_EQ(renders.path()->frames, state.frames);
  EXPECT_EQ(renders.path()->strip[0], latentFromSeed(latent, 0)[0]);
  EXPECT_FALSE(renders.next(latent, state, 0, 0, 0.02)) << "nothing changed";
  // Dragging t: the picture alone, the strip is still right.
  state.t = 0.9;
  std::optional<RenderLatent> moved = renders.next(latent, state, 0, 0, 0.03);
  ASSERT_TRUE(moved);
  EXPECT_EQ(moved->count, 1);
  state.t = 0.8;  // the next frame moves it again before the trainer answered: a newer request
  std::optional<RenderLatent> newer = renders.next(latent, state, 0, 0, 0.04);
  ASSERT_TRUE(newer);
  EXPECT_GT(newer->request, moved->request);
  // The trainer answers only the newest; an answer to the replaced one would be refused after.
  ASSERT_TRUE(renders.receive(answer(*newer, 0, 0, 4)));
  EXPECT_FALSE(renders.receive(answer(*moved, 0, 0, 4)));
  EXPECT_EQ(renders.picture()->s, 0.8);
  // An answer of another run generation (a reset in between) is not shown.
  state.t = 0.7;
  std::optional<RenderLatent> stale = renders.next(latent, state, 0, 0, 0.05);
  ASSERT_TRUE(stale);
  EXPECT_FALSE(renders.receive(answer(*stale, 0, 1, 4)));
  // A new generation forgets the pictures and asks for everything again.
  std::optional<RenderLatent> fresh = renders.next(latent, state, 0, 1, 0.06);
  ASSERT_TRUE(fresh);
  EXPECT_EQ(renders.picture(), nullptr);
  EXPECT_EQ(fresh->count, 1 + state.frames + kPathScorePoints);
  // A failed render says why.
  LatentPicture failed;
  failed.request = fresh->request;
  failed.error = "z has 3 values per latent, the run's latent has 4";
  EXPECT_FALSE(renders.receive(failed));
  EXPECT_EQ(renders.error(), failed.error);
}

TEST(LatentExplorerRendersTest, EachPicturesLatencyRunsFromItsRequestToItsFirstDrawing) {
  const LatentConfig latent{LatentKind::Normal, 4};
  LatentExplorerState state;
  state.live = false;
  LatentExplorerRenders renders;
  renders.pictureShown(0.5);  // nothing to show yet
  EXPECT_TRUE(renders.latencies().empty());
  std::optional<RenderLatent> first = renders.next(latent, state, 0, 0, 1.0);
  ASSERT_TRUE(first);
  ASSERT_TRUE(renders.receive(answer(*first, 0, 0, 4)));
  renders.pictureShown(1.25);
  renders.pictureShown(1.5);  // drawn again: not a new picture
  state.t = 0.9;
  std::optional<RenderLatent> moved = renders.next(latent, state, 0, 0, 2.0);
  ASSERT_TRUE(moved);
  renders.pictureShown(2.1);  // still the old picture while the new one is on its way
  ASSERT_TRUE(renders.receive(answer(*moved, 0, 0, 4)));
  renders.pictureShown(2.5);
  ASSERT_EQ(renders.latencies().size(), 2u);
  EXPECT_DOUBLE_EQ(renders.latencies()[0], 0.25);
  EXPECT_DOUBLE_EQ(renders.latencies()[1], 0.5);
}

TEST(LatentExplorerRendersTest, TheTrainingTimeViewAsksEarlierGsForTheStripOnly) {
  const LatentConfig latent{LatentKind::Normal, 4};
  LatentExplorerState state;
  state.live = false;
  LatentExplorerRenders renders;
  std::optional<RenderLatent> plain = renders.next(latent, state, 0, 0, 0.0);
  ASSERT_TRUE(plain);
  EXPECT_EQ(plain->history_count, 0);  // the control: off by default
  ASSERT_TRUE(renders.receive(answer(*plain, 0, 0, 4)));
  state.history = true;  // a new path: the strip comes again, with the earlier G's rows
  std::optional<RenderLatent> history = renders.next(latent, state, 0, 0, 1.0);
  ASSERT_TRUE(history);
  EXPECT_EQ(history->history_from, 1);  // the strip's frames, after the big picture
  EXPECT_EQ(history->history_count, state.frames);
  LatentPicture picture = answer(*history, 0, 0, 4);
  picture.history_steps = {25, 50};
  picture.history_samples.assign(2 * state.frames * 4, 0.5f);
  ASSERT_TRUE(renders.receive(picture));
  ASSERT_NE(renders.path(), nullptr);
  EXPECT_EQ(renders.path()->history_steps, picture.history_steps);
  EXPECT_EQ(renders.path()->history_strip, picture.history_samples);
  // Moving t asks for the picture alone: no earlier G's are asked again.
  state.t = 0.2;
  std::optional<RenderLatent> moved = renders.next(latent, state, 0, 0, 2.0);
  ASSERT_TRUE(moved);
  EXPECT_EQ(moved->count, 1);
  EXPECT_EQ(moved->history_count, 0);
}

TEST(LatentExplorerRendersTest, APathOnItsWayGoesInEveryRequestUntilItComes) {
  const LatentConfig latent{LatentKind::Normal, 4};
  LatentExplorerState state;
  state.live = false;
  LatentExplorerRenders renders;
  std::optional<RenderLatent> first = renders.next(latent, state, 0, 0, 0.0);
  ASSERT_TRUE(first);
  // t moves before the first (with the path) is answered: the newer request replaces it in the
  // trainer's mailbox, so it must carry the path too.
  state.t = 0.2;
  std::optional<RenderLatent> second = renders.next(latent, state, 0, 0, 0.01);
  ASSERT_TRUE(second);
  EXPECT_EQ(second->count, first->count);
  ASSERT_TRUE(renders.receive(answer(*second, 0, 0, 4)));
  ASSERT_NE(renders.path(), nullptr);
  // A path change is throttled (at most every live.min_seconds) while it keeps changing ...
  state.v = 0.1;
  state.mode = ExplorerMode::Square;
  std::optional<RenderLatent> soon = renders.next(latent, state, 0, 0, 0.02);
  ASSERT_TRUE(soon);
  EXPECT_EQ(soon->count, 1) << "the picture now, the strip later";
  ASSERT_TRUE(renders.receive(answer(*soon, 0, 0, 4)));
  std::optional<RenderLatent> later = renders.next(latent, state, 0, 0, 0.5);
  ASSERT_TRUE(later);
  EXPECT_EQ(later->count, 1 + state.frames + kPathScorePoints);
}

TEST(LatentExplorerRendersTest, LiveRendersFollowTrainingAtAMeasuredPace) {
  const LatentConfig latent{LatentKind::Normal, 4};
  LatentExplorerState state;  // live by default
  LatentExplorerRenders renders;
  std::optional<RenderLatent> first = renders.next(latent, state, 10, 0, 0.0);
  ASSERT_TRUE(first);
  ASSERT_TRUE(renders.receive(answer(*first, 10, 0, 4)));
  EXPECT_FALSE(renders.next(latent, state, 11, 0, 1.0)) << "one step on: not yet";
  EXPECT_FALSE(renders.next(latent, state, 20, 0, 0.1)) << "ten steps on, but too soon";
  std::optional<RenderLatent> again = renders.next(latent, state, 20, 0, 0.3);
  ASSERT_TRUE(again);
  EXPECT_EQ(again->count, 1 + state.frames + kPathScorePoints);
  // The control: not live, the same run never asks again.
  state.live = false;
  ASSERT_TRUE(renders.receive(answer(*again, 20, 0, 4)));
  EXPECT_FALSE(renders.next(latent, state, 500, 0, 10.0));
}

TEST(LatentExplorerRendersTest, TheChangeReadoutComparesWithTheStripAHundredStepsAgo) {
  const LatentConfig latent{LatentKind::Normal, 4};
  LatentExplorerState state;
  LatentExplorerRenders renders;
  // The strip's values move by 0.01 a step: (x + 0.01 * step) for every value.
  auto feed = [&](int64_t step, double now) {
    std::optional<RenderLatent> request = renders.next(latent, state, step, 0, now);
    ASSERT_TRUE(request) << step;
    LatentPicture picture = answer(*request, step, 0, 4);
    for (float& x : picture.samples) x += 0.01f * static_cast<float>(step);
    ASSERT_TRUE(renders.receive(picture));
  };
  feed(0, 0);
  EXPECT_FALSE(renders.change()) << "one strip";
  for (int i = 1; i <= 15; ++i) feed(10 * i, 0.3 * i);
  const std::optional<PathChange> change = renders.change();
  ASSERT_TRUE(change);
  EXPECT_EQ(change->steps, 100);        // step 150 against step 50
  EXPECT_NEAR(change->rms, 1.0, 1e-4);  // every value moved by 0.01 x 100
}

TEST(LatentExplorerFileTest, ImagesSitSideBySideMagnified) {
  std::vector<float> samples(2 * 784, -1.0f);  // two black images
  samples[784] = 1.0f;                         // the second's top-left pixel white
  const RgbaImage image = explorerImages(samples, 2, 3, 1);
  EXPECT_EQ(image.width, 2 * 84 + 3 * 3);
  EXPECT_EQ(image.height, 84 + 2 * 3);
  auto at = [&](int x, int y) {
    return image.pixels[4 * (static_cast<size_t>(y) * image.width + x)];
  };
  EXPECT_EQ(at(3, 3), 0);             // the first image, black
  EXPECT_EQ(at(3 + 84 + 3, 3), 255);  // the second's white pixel, 3 x 3 of it
  EXPECT_EQ(at(3 + 84 + 3 + 2, 5), 255);
  EXPECT_EQ(at(3 + 84 + 3 + 3, 3), 0);
  EXPECT_EQ(at(0, 0), 0x40);  // the gap
  EXPECT_THROW(explorerImages(std::vector<float>(700), 1, 3, 1), std::invalid_argument);
  EXPECT_EQ(pixelByte(0.0f), 128);
  EXPECT_EQ(pixelByte(-2.0f), 0);
}

TEST(LatentExplorerFileTest, TheStripsGifGoesThereAndBack) {
  // Three frames, each one flat grey: -1 (black), 0 and 1 (white).
  std::vector<float> samples;
  for (const float value : {-1.0f, 0.0f, 1.0f}) samples.insert(samples.end(), 784, value);
  const auto path = test::tempDir("latent-explorer-gif") / "strip.gif";
  saveStripGif(path.string(), samples, 3, 2, 12);
  int error = 0;
  GifFileType* gif = DGifOpenFileName(path.c_str(), &error);
  ASSERT_NE(gif, nullptr) << GifErrorString(error);
  ASSERT_EQ(DGifSlurp(gif), GIF_OK);
  EXPECT_EQ(gif->SWidth, 56);
  EXPECT_EQ(gif->SHeight, 56);
  ASSERT_EQ(gif->ImageCount, 4);  // A, middle, B, middle: the loop has no jump
  const ColorMapObject* palette = gif->SColorMap;
  ASSERT_NE(palette, nullptr);
  auto grey = [&](int frame) {
    const SavedImage& image = gif->SavedImages[frame];
    const ColorMapObject* map = image.ImageDesc.ColorMap ? image.ImageDesc.ColorMap : palette;
    return static_cast<int>(map->Colors[image.RasterBits[0]].Red);
  };
  EXPECT_EQ(grey(0), 0);
  EXPECT_EQ(grey(1), 128);
  EXPECT_EQ(grey(2), 255);
  EXPECT_EQ(grey(3), 128);
  DGifCloseFile(gif, &error);
  EXPECT_THROW(saveStripGif((path.parent_path() / "no" / "such.gif").string(), samples, 3, 2, 12),
               std::exception);
}

TEST(LatentExplorerFileTest, APathRoundTripsThroughItsFile) {
  LatentExplorerState saved;
  saved.anchors = {5, 123456789012ull, 7, 9};
  saved.mode = ExplorerMode::Square;
  saved.t = 0.125;
  saved.u = 0.3;
  saved.v = 0.7;
  saved.spherical = false;
  saved.psi = 0.6;
  saved.frames = 11;
  saved.sliders = {{4, 1.5f}, {60, -0.75f}};
  const std::string text = pathToJson(kNormal100, saved);
  LatentExplorerState loaded;
  loaded.file = "kept";
  loadPathJson(text, "p.json", kNormal100, loaded);
  EXPECT_EQ(loaded.anchors, saved.anchors);
  EXPECT_EQ(loaded.mode, saved.mode);
  EXPECT_EQ(loaded.t, saved.t);
  EXPECT_EQ(loaded.u, saved.u);
  EXPECT_EQ(loaded.v, saved.v);
  EXPECT_EQ(loaded.spherical, saved.spherical);
  EXPECT_EQ(loaded.psi, saved.psi);
  EXPECT_EQ(loaded.frames, saved.frames);
  EXPECT_EQ(loaded.sliders, saved.sliders);
  EXPECT_EQ(loaded.file, "kept");
  // The z rows are the strip's.
  const nlohmann::json json = nlohmann::json::parse(text);
  ASSERT_EQ(json["z"].size(), 11u);
  EXPECT_EQ(json["z"][10].get<std::vector<float>>(), pathLatent(kNormal100, saved, 1.0));
}

TEST(LatentExplorerFileTest, TheDirectionOffsetTravelsWithThePath) {
  LatentExplorerState saved;
  saved.anchors = {5, 6, 7, 8};
  std::vector<float> offset(100, 0.0f);
  offset[3] = 0.75f;
  offset[42] = -1.25f;
  const nlohmann::json json = nlohmann::json::parse(pathToJson(kNormal100, saved, offset));
  ASSERT_TRUE(json.contains("offset"));
  // The rows are the z the explorer drew: moved by the offset, unlike the plain path's.
  EXPECT_EQ(json["z"][0].get<std::vector<float>>(), pathLatent(kNormal100, saved, 0.0, offset));
  EXPECT_NE(json["z"][0].get<std::vector<float>>(), pathLatent(kNormal100, saved, 0.0));
  LatentExplorerState loaded;
  loadPathJson(json.dump(), "p.json", kNormal100, loaded);
  EXPECT_EQ(loaded.loaded_offset, offset);
  // With this run's sliders at 0 the explorer draws the file's rows again.
  const std::vector<float> moved = explorerOffset(loaded, {}, kNormal100.dim);
  EXPECT_EQ(pathLatent(kNormal100, loaded, 1.0, moved),
            json["z"][json["z"].size() - 1].get<std::vector<float>>());
  // Saved again with more slider offset on top: the file's offset is the sum.
  const nlohmann::json again = nlohmann::json::parse(pathToJson(kNormal100, loaded, offset));
  EXPECT_FLOAT_EQ(again["offset"][42].get<float>(), -2.5f);
  // The control: a path without an offset writes none and loads none.
  const nlohmann::json plain = nlohmann::json::parse(pathToJson(kNormal100, saved));
  EXPECT_FALSE(plain.contains("offset"));
  loadPathJson(plain.dump(), "p.json", kNormal100, loaded);
  EXPECT_TRUE(loaded.loaded_offset.empty());
}

TEST(LatentExplorerTest, TheOffsetIsTheLoadedOnePlusTheSliders) {
  LatentExplorerState state;
  EXPECT_TRUE(explorerOffset(state, {}, 3).empty());
  const std::vector<float> sliders{1, 2, 3};
  EXPECT_EQ(explorerOffset(state, sliders, 3), sliders);
  state.loaded_offset = {0.5f, 0, -1};
  EXPECT_EQ(explorerOffset(state, {}, 3), state.loaded_offset);
  EXPECT_EQ(explorerOffset(state, sliders, 3), (std::vector<float>{1.5f, 2, 2}));
  EXPECT_TRUE(explorerOffset(state, {}, 4).empty());  // another run's size: ignored
  fitToLatent(state, {LatentKind::Normal, 4});
  EXPECT_TRUE(state.loaded_offset.empty());
}

/// loadPathJson's refusal of `text`: the field it names (the state untouched).
std::string refusal(const std::string& text, const LatentConfig& latent = kNormal100) {
  LatentExplorerState state;
  state.anchors = {1, 2, 3, 4};
  try {
    loadPathJson(text, "p.json", latent, state);
  } catch (const ConfigError& error) {
    EXPECT_EQ(state.anchors, (std::array<uint64_t, 4>{1, 2, 3, 4})) << "changed by a bad file";
    EXPECT_NE(std::string(error.what()).find("p.json"), std::string::npos) << error.what();
    return error.field().empty() ? std::string("(whole file)") : error.field();
  }
  ADD_FAILURE() << "accepted: " << text.substr(0, 200);
  return "";
}

TEST(LatentExplorerFileTest, ABadPathFileIsRefusedByName) {
  LatentExplorerState state;
  state.anchors = {8, 9, 0, 0};
  const nlohmann::json good = nlohmann::json::parse(pathToJson(kNormal100, state));
  auto with = [&](const char* key, const nlohmann::json& value) {
    nlohmann::json edited = good;
    edited[key] = value;
    return edited.dump();
  };
  EXPECT_EQ(refusal("not json"), "(whole file)");
  EXPECT_EQ(refusal("[1, 2]"), "(whole file)");
  EXPECT_EQ(refusal(with("format", "ganscope-config")), "format");
  EXPECT_EQ(refusal(with("version", 2)), "version");
  EXPECT_EQ(refusal(good.dump(), {LatentKind::Normal, 64}), "latent");
  EXPECT_EQ(refusal(good.dump(), {LatentKind::Uniform, 100}), "latent");
  EXPECT_EQ(refusal(with("frames", 40)), "frames");
  EXPECT_EQ(refusal(with("t", 1.5)), "t");
  EXPECT_EQ(refusal(with("mode", "circle")), "mode");
  EXPECT_EQ(refusal(with("anchors", nlohmann::json::array({1, -2, 3, 4}))), "anchors");
  EXPECT_EQ(refusal(with("colour", "red")), "colour");
  EXPECT_EQ(refusal(with("sliders", nlohmann::json::array({{{"index", 100}, {"value", 0}}}))),
            "sliders.0.index");
  nlohmann::json edited = good;
  edited["z"][3][7] = 9.0;  // a hand-edited row
  EXPECT_EQ(refusal(edited.dump()), "z.3.7");
  edited = good;
  edited["z"].erase(0);
  EXPECT_EQ(refusal(edited.dump()), "z");
  EXPECT_EQ(refusal(with("offset", nlohmann::json::array({1, 2}))), "offset");
  // An offset the rows were not moved by: the rows no longer match.
  EXPECT_EQ(refusal(with("offset", std::vector<float>(100, 0.5f))), "z.0.0");
  // The control: the file as written loads.
  LatentExplorerState loaded;
  EXPECT_NO_THROW(loadPathJson(good.dump(), "p.json", kNormal100, loaded));
  EXPECT_EQ(loaded.anchors[1], 9u);
}

}  // namespace
}  // namespace ganscope

namespace ganscope {
namespace {

TEST(LatentExplorerFileTest, ABadFilePathIsACleanError) {
  const auto dir = test::tempDir("latent-explorer-files");
  LatentExplorerState state;
  state.anchors = {4, 5, 6, 7};
  // A folder that does not exist, and a folder where the file should be: errors naming the path.
  const std::string missing = (dir / "no" / "path.json").string();
  try {
    savePathFile(missing, kNormal100, state);
    ADD_FAILURE() << "saved into a missing folder";
  } catch (const FileError& error) {
    EXPECT_NE(std::string(error.what()).find(missing), std::string::npos) << error.what();
  }
  EXPECT_THROW(savePathFile(dir.string(), kNormal100, state), FileError);
  EXPECT_THROW(loadPathFile(missing, kNormal100, state), FileError);
  EXPECT_THROW(loadPathFile(dir.string(), kNormal100, state), FileError);
  EXPECT_EQ(state.anchors, (std::array<uint64_t, 4>{4, 5, 6, 7}));
  // The control: a good path saves and loads back.
  const std::string good = (dir / "path.json").string();
  savePathFile(good, kNormal100, state);
  LatentExplorerState loaded;
  loadPathFile(good, kNormal100, loaded);
  EXPECT_EQ(loaded.anchors, state.anchors);
}

}  // namespace
}  // namespace ganscope
