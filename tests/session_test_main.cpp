// main() for test programs whose Sessions may leave an update running on a detached thread (a
// Session destroyed mid-update): as the executable does, such a process ends with std::_Exit,
// since static destructors (LibTorch's operator registry) must not run under that thread.
#include <gtest/gtest.h>

#include <cstdio>
#include <cstdlib>

#include "core/api/session.hpp"

int main(int argc, char** argv) {
  testing::InitGoogleTest(&argc, argv);
  const int result = RUN_ALL_TESTS();
  if (ganscope::Session::leftThreadsBehind()) {
    std::fflush(nullptr);
    std::_Exit(result);
  }
  return result;
}
