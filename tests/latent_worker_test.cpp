// The LatentWorker: a job runs on a copy of G as it was posted, off the caller's thread (the
// trainer keeps stepping while one runs), the newest waiting job of a kind replaces an older one,
// cancel stops a running job, and a job that throws leaves its error and the worker goes on. The
// Mailbox its jobs answer into drops the value pushed or the oldest one when full, as told.
#include <gtest/gtest.h>

#include <chrono>
#include <thread>
#include <vector>

#include "core/engine/latent_outbox.hpp"
#include "core/engine/trainer.hpp"
#include "core/tensor_span.hpp"

namespace ganscope {
namespace {

TrainConfig ringConfig() {
  TrainConfig config;
  config.data.kind = DataKind::Ring;
  config.latent = {LatentKind::Normal, 2};
  return config;
}

void waitIdle(LatentWorker& worker, LatentJobSlot slot) {
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(30);
  while (!worker.idle(slot) && std::chrono::steady_clock::now() < deadline) {
    std::this_thread::sleep_for(std::chrono::milliseconds(1));
  }
  ASSERT_TRUE(worker.idle(slot));
}

TEST(LatentWorkerTest, AJobDrawsWithGAsPostedWhileTheTrainerGoesOn) {
  Trainer trainer(ringConfig());
  for (int i = 0; i < 5; ++i) trainer.step(StepTarget::Both);
  const torch::Tensor z = torch::randn({8, 2});
  torch::Tensor then_copy, later_copy;
  std::atomic<bool> release{false};
  const GeneratorSnapshot then = trainer.previewSnapshot();
  trainer.latentWorker().post(LatentJobSlot::ClassMap, then,
                              [&](Network& g, const std::atomic<bool>&) {
                                c10::InferenceMode inference;
                                then_copy = g.forward(z).clone();
                                while (!release.load()) std::this_thread::yield();
                              });
  // The trainer steps while the job waits to be released: it does not wait for the worker.
  for (int i = 0; i < 20; ++i) trainer.step(StepTarget::Both);
  EXPECT_FALSE(trainer.latentWorker().idle(LatentJobSlot::ClassMap));
  EXPECT_TRUE(trainer.latentWorker().idle(LatentJobSlot::FindLatent));
  release.store(true);
  waitIdle(trainer.latentWorker(), LatentJobSlot::ClassMap);
  trainer.latentWorker().post(LatentJobSlot::ClassMap, trainer.previewSnapshot(),
                              [&](Network& g, const std::atomic<bool>&) {
                                c10::InferenceMode inference;
                                later_copy = g.forward(z).clone();
                              });
  waitIdle(trainer.latentWorker(), LatentJobSlot::ClassMap);
  // The copy held the weights of the step it was posted at (the control: 20 steps later
  // they draw differently), and a fresh G loaded with the same snapshot agrees exactly.
  ASSERT_TRUE(then_copy.defined() && later_copy.defined());
  EXPECT_GT((then_copy - later_copy).abs().max().item<float>(), 1e-4f);
  LatentWorker other(ringConfig(), 2);
  torch::Tensor again;
  other.post(LatentJobSlot::ClassMap, then, [&](Network& g, const std::atomic<bool>&) {
    c10::InferenceMode inference;
    again = g.forward(z).clone();
  });
  waitIdle(other, LatentJobSlot::ClassMap);
  EXPECT_TRUE(torch::equal(again, then_copy));
}

TEST(LatentWorkerTest, TheNewestWaitingJobWinsAndCancelStopsARunningOne) {
  Trainer trainer(ringConfig());
  LatentWorker& worker = trainer.latentWorker();
  std::atomic<bool> started{false};
  std::atomic<int> ran{0};
  bool saw_cancel = false;
  worker.post(LatentJobSlot::FindLatent, trainer.previewSnapshot(),
              [&](Network&, const std::atomic<bool>& cancel) {
                started.store(true);
                while (!cancel.load()) std::this_thread::yield();
                saw_cancel = true;
              });
  while (!started.load()) std::this_thread::yield();
  for (int i = 1; i <= 3; ++i) {
    worker.post(LatentJobSlot::FindLatent, trainer.previewSnapshot(),
                [&ran, i](Network&, const std::atomic<bool>&) { ran.store(ran.load() * 10 + i); });
  }
  worker.cancel(LatentJobSlot::FindLatent);  // stops the first, drops the third waiting
  waitIdle(worker, LatentJobSlot::FindLatent);
  EXPECT_TRUE(saw_cancel);
  EXPECT_EQ(ran.load(), 0);
  // The control: without the cancel, only the newest of three waiting jobs runs.
  std::atomic<bool> hold{true};
  worker.post(LatentJobSlot::FindLatent, trainer.previewSnapshot(),
              [&](Network&, const std::atomic<bool>&) {
                while (hold.load()) std::this_thread::yield();
              });
  for (int i = 1; i <= 3; ++i) {
    worker.post(LatentJobSlot::FindLatent, trainer.previewSnapshot(),
                [&ran, i](Network&, const std::atomic<bool>&) { ran.store(ran.load() * 10 + i); });
  }
  hold.store(false);
  waitIdle(worker, LatentJobSlot::FindLatent);
  EXPECT_EQ(ran.load(), 3);
}

TEST(LatentWorkerTest, AJobThatThrowsLeavesItsErrorAndTheNextRuns) {
  Trainer trainer(ringConfig());
  LatentWorker& worker = trainer.latentWorker();
  EXPECT_EQ(trainer.latentWorkerFailure(), "");
  worker.post(LatentJobSlot::Directions, trainer.previewSnapshot(),
              [](Network&, const std::atomic<bool>&) { throw std::runtime_error("broken job"); });
  waitIdle(worker, LatentJobSlot::Directions);
  EXPECT_EQ(trainer.latentWorkerFailure(), "broken job");
  bool ran = false;
  worker.post(LatentJobSlot::Directions, trainer.previewSnapshot(),
              [&](Network&, const std::atomic<bool>&) { ran = true; });
  waitIdle(worker, LatentJobSlot::Directions);
  EXPECT_TRUE(ran);
}

/// What `mailbox` holds, oldest first (popping it empty).
std::vector<int> drain(Mailbox<int>& mailbox) {
  std::vector<int> out;
  for (int value = 0; mailbox.pop(value);) out.push_back(value);
  return out;
}

TEST(LatentWorkerTest, AFullMailboxDropsTheNewestOrTheOldestAsTold) {
  // The two mailboxes differ only in what they drop when full.
  Mailbox<int> keeps_oldest(2, WhenFull::DropNewest), keeps_newest(2, WhenFull::DropOldest);
  for (Mailbox<int>* mailbox : {&keeps_oldest, &keeps_newest}) {
    EXPECT_TRUE(mailbox->push(1));
    EXPECT_TRUE(mailbox->push(2));
    EXPECT_FALSE(mailbox->push(3));  // full: one value is dropped
    EXPECT_FALSE(mailbox->push(4));
  }
  EXPECT_EQ(drain(keeps_oldest), (std::vector<int>{1, 2}));
  EXPECT_EQ(drain(keeps_newest), (std::vector<int>{3, 4}));
  // Emptied, both take values again, and pop in the order pushed.
  for (Mailbox<int>* mailbox : {&keeps_oldest, &keeps_newest}) {
    EXPECT_TRUE(mailbox->push(5));
    EXPECT_EQ(drain(*mailbox), (std::vector<int>{5}));
  }
  // The defaults: a LatentOutbox keeps its oldest directions and its newest found z.
  LatentOutbox outbox;
  for (int i = 0; i < 4; ++i) EXPECT_TRUE(outbox.directions.push(LatentDirections{}));
  EXPECT_FALSE(outbox.directions.push(LatentDirections{}));
  for (uint64_t request = 1; request <= 9; ++request) {
    FoundLatent answer;
    answer.request = request;
    EXPECT_EQ(outbox.found_latents.push(answer), request <= 8);
  }
  FoundLatent oldest;
  ASSERT_TRUE(outbox.found_latents.pop(oldest));
  EXPECT_EQ(oldest.request, 2u);  // the first of nine was dropped
}

}  // namespace
}  // namespace ganscope
