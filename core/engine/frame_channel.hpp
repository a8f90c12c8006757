// FrameChannel: the recycled pool of one frame kind and its two lock-free SPSC queues (full
// frames to the UI, free buffers back to the trainer). The trainer never blocks and never
// allocates: with every buffer out it skips the frame.
#pragma once
#include <memory>
#include <utility>
#include <vector>

#include <readerwriterqueue/readerwriterqueue.h>

namespace ganscope {

template <class Frame>
class FrameChannel {
 public:
  /// A pool of `buffers` frames, all free.
  explicit FrameChannel(int buffers) : full_(buffers), free_(buffers) {
    for (int i = 0; i < buffers; ++i) {
      pool_.push_back(std::make_unique<Frame>());
      free_.enqueue(pool_.back().get());
    }
  }

  /// Trainer side: a free buffer to fill, or nullptr while the UI holds every one.
  Frame* acquire() {
    Frame* buffer = nullptr;
    if (spare_) std::swap(buffer, spare_);
    return buffer || free_.try_dequeue(buffer) ? buffer : nullptr;
  }
  /// Trainer side: takes back an acquired buffer that was not published (its filling failed),
  /// so that no buffer is ever lost to the pool.
  void giveBack(Frame* buffer) { spare_ = buffer; }
  /// Trainer side: hands a filled buffer to the UI.
  void publish(Frame* frame) { full_.enqueue(frame); }

  /// UI side: the oldest frame not yet taken, or nullptr.
  const Frame* poll() {
    Frame* frame = nullptr;
    return full_.try_dequeue(frame) ? frame : nullptr;
  }
  /// UI side: gives a polled frame's buffer back.
  void recycle(const Frame* frame) {
    if (frame) free_.enqueue(const_cast<Frame*>(frame));
  }

 private:
  moodycamel::ReaderWriterQueue<Frame*> full_;  // trainer -> UI
  moodycamel::ReaderWriterQueue<Frame*> free_;  // UI -> trainer
  std::vector<std::unique_ptr<Frame>> pool_;
  Frame* spare_ = nullptr;  // trainer side: a buffer given back, used before the free queue
};

}  // namespace ganscope
