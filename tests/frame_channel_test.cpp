// FrameChannel: buffers go round between trainer and UI and none is lost, also when filling
// one fails and the trainer gives it back unpublished.
#include <gtest/gtest.h>

#include "core/engine/frame_channel.hpp"

namespace ganscope {
namespace {

struct SmallFrame {
  int value = 0;
};

TEST(FrameChannelTest, AGivenBackBufferIsUsedAgain) {
  FrameChannel<SmallFrame> channel(2);
  SmallFrame* a = channel.acquire();
  SmallFrame* b = channel.acquire();
  ASSERT_TRUE(a && b);
  EXPECT_EQ(channel.acquire(), nullptr);  // the control: every buffer is out
  channel.giveBack(a);                    // filling `a` failed
  EXPECT_EQ(channel.acquire(), a);
  channel.publish(a);
  channel.publish(b);
  const SmallFrame* first = channel.poll();
  EXPECT_EQ(first, a);
  channel.recycle(first);
  EXPECT_EQ(channel.acquire(), a);
  EXPECT_EQ(channel.acquire(), nullptr);  // `b` is still with the UI
}

}  // namespace
}  // namespace ganscope
