// "Find z" through the Session: progress answers then a final one for G's own picture (far below
// the start's L1), bad input answered with an error naming the field, and training left bit for
// bit as it was by a search running beside it. Its own process: a Session sets the thread counts.
#include <gtest/gtest.h>

#include <chrono>
#include <thread>

#include "core/api/session.hpp"
#include "core/engine/gan_state_io.hpp"
#include "run_state_compare.hpp"
#include "test_util.hpp"

namespace ganscope {
namespace {

using Clock = std::chrono::steady_clock;

/// Every answer to `request` until its final one (or an error), within a minute.
/// Answers to other requests met on the way go into `others`.
std::vector<FoundLatent> answersTo(Session& session, uint64_t request,
                                   std::vector<FoundLatent>* others = nullptr) {
  std::vector<FoundLatent> answers;
  const auto deadline = Clock::now() + std::chrono::seconds(60);
  FoundLatent found;
  while (Clock::now() < deadline) {
    if (!session.pollFoundLatent(found)) {
      std::this_thread::sleep_for(std::chrono::milliseconds(2));
      continue;
    }
    if (found.request != request) {
      if (others) others->push_back(found);
      continue;
    }
    answers.push_back(found);
    if (found.done || !found.error.empty()) return answers;
  }
  ADD_FAILURE() << "no final answer to request " << request;
  return answers;
}

TEST(LatentSearchSessionTest, ProgressThenTheFinalZOfGsOwnPicture) {
  SessionOptions options;
  options.start_paused = true;
  Session session(test::smallImageConfig(), options);
  ASSERT_TRUE(session.send(StepOnce{}));
  FindLatent request;
  request.request = 7;
  request.target = session.sampleGenerator(1);  // a picture G draws (from a z of its own)
  request.iterations = 200;
  request.report_every = 50;
  ASSERT_TRUE(session.send(request));
  const std::vector<FoundLatent> answers = answersTo(session, 7);
  ASSERT_EQ(answers.size(), 4u);  // at 50, 100, 150 and the final one
  for (size_t i = 0; i < 3; ++i) {
    EXPECT_EQ(answers[i].iteration, 50 * int(i + 1));
    EXPECT_FALSE(answers[i].done);
  }
  const FoundLatent& last = answers.back();
  ASSERT_TRUE(last.error.empty()) << last.error;
  EXPECT_TRUE(last.done);
  EXPECT_EQ(last.iteration, 200);
  EXPECT_EQ(last.iterations, 200);
  EXPECT_EQ(last.step, 1);
  EXPECT_EQ(last.generation, session.status().generation);
  ASSERT_EQ(last.z.size(), 16u);
  ASSERT_EQ(last.sample.size(), 784u);
  ASSERT_EQ(last.l1_curve.size(), 200u);
  EXPECT_LT(last.l1, last.l1_curve.front() / 4)
      << "start " << last.l1_curve.front() << ", found " << last.l1;
  EXPECT_GT(last.typical, 3.9f);
  EXPECT_GT(last.seconds, 0);
}

TEST(LatentSearchSessionTest, BadInputIsAnsweredWithTheFieldAndWhatIsAllowed) {
  SessionOptions options;
  options.start_paused = true;
  Session session(test::smallImageConfig(), options);
  FindLatent request;
  request.request = 1;
  request.target.assign(10, 0.0f);
  ASSERT_TRUE(session.send(request));
  std::vector<FoundLatent> answers = answersTo(session, 1);
  ASSERT_EQ(answers.size(), 1u);
  EXPECT_EQ(answers[0].error, "find z: target has 10 values; this G draws 784");
  request.request = 2;
  request.target.assign(784, 0.0f);
  request.iterations = 0;
  ASSERT_TRUE(session.send(request));
  answers = answersTo(session, 2);
  ASSERT_EQ(answers.size(), 1u);
  EXPECT_EQ(answers[0].error, "find z: iterations 0; give 1 to 5000");
}

TEST(LatentSearchSessionTest, ANewerRequestStopsTheOneRunning) {
  SessionOptions options;
  options.start_paused = true;
  Session session(test::smallImageConfig(), options);
  FindLatent first;
  first.request = 1;
  first.target = session.sampleGenerator(1);
  first.iterations = 5000;
  first.report_every = 10;
  ASSERT_TRUE(session.send(first));
  FoundLatent found;  // under way
  const auto deadline = Clock::now() + std::chrono::seconds(60);
  while (!session.pollFoundLatent(found) && Clock::now() < deadline) {
    std::this_thread::sleep_for(std::chrono::milliseconds(1));
  }
  ASSERT_EQ(found.request, 1u);
  FindLatent second = first;
  second.request = 2;
  second.iterations = 50;
  ASSERT_TRUE(session.send(second));
  std::vector<FoundLatent> firsts;
  const std::vector<FoundLatent> answers = answersTo(session, 2, &firsts);
  ASSERT_FALSE(answers.empty());
  EXPECT_TRUE(answers.back().done);
  // The first never finishes: no final answer of it, before or after the second's.
  std::this_thread::sleep_for(std::chrono::milliseconds(300));
  while (session.pollFoundLatent(found)) firsts.push_back(found);
  for (const FoundLatent& answer : firsts) {
    EXPECT_EQ(answer.request, 1u);
    EXPECT_FALSE(answer.done);
    EXPECT_LT(answer.iteration, 5000);
  }
}

/// The run's state after `steps` steps, with a search for G's own picture sent at the start
/// when `search`.
std::vector<torch::Tensor> trainedState(bool search, int64_t steps, uint64_t& answers) {
  SessionOptions options;
  options.start_paused = true;
  options.pause_at_step = steps;
  Session session(test::smallImageConfig(), options);
  if (search) {
    FindLatent request;
    request.request = 3;
    request.target = session.sampleGenerator(1);
    request.iterations = 5000;  // still running when training ends: the Session stops it
    request.report_every = 10;
    session.send(request);
    FoundLatent found;  // training starts once the search is under way
    const auto started = Clock::now() + std::chrono::seconds(60);
    while (!session.pollFoundLatent(found) && Clock::now() < started) {
      std::this_thread::sleep_for(std::chrono::milliseconds(1));
    }
    ++answers;
  }
  session.send(Resume{});
  const auto deadline = Clock::now() + std::chrono::seconds(60);
  while (!session.status().at_pause_step && Clock::now() < deadline) {
    FoundLatent found;
    while (session.pollFoundLatent(found)) ++answers;
    std::this_thread::sleep_for(std::chrono::milliseconds(2));
  }
  EXPECT_TRUE(session.status().at_pause_step);
  return test::everything(loadGanState(session.saveState()));
}

TEST(LatentSearchSessionTest, ASearchBesideTrainingLeavesTrainingBitForBitAsItWas) {
  uint64_t with_answers = 0, without_answers = 0;
  const auto plain = trainedState(false, 100, without_answers);
  const auto searched = trainedState(true, 100, with_answers);
  EXPECT_EQ(without_answers, 0u);
  EXPECT_GT(with_answers, 1u);  // the search ran while it trained
  EXPECT_TRUE(test::same(plain, searched));
}

}  // namespace
}  // namespace ganscope
