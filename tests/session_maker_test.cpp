// A trainer started by the SessionMaker keeps the process's normal priority after the calling
// (UI) thread lowered its own; one started by that thread directly takes its lower one.
#include <gtest/gtest.h>
#include <sys/resource.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <string>

#include "app/shell/session_maker.hpp"
#include "core/config/presets.hpp"

namespace ganscope {
namespace {

/// The niceness of each thread of this process, by thread id (from /proc/self/task).
std::map<int, int> threadNiceness() {
  std::map<int, int> nice;
  for (const auto& task : std::filesystem::directory_iterator("/proc/self/task")) {
    std::ifstream file(task.path() / "stat");
    std::string stat((std::istreambuf_iterator<char>(file)), std::istreambuf_iterator<char>());
    // Fields after the command's closing parenthesis: state is field 3, nice field 19.
    std::istringstream rest(stat.substr(stat.rfind(')') + 2));
    std::string field;
    for (int i = 3; i <= 19 && rest >> field; ++i) {
    }
    nice[std::stoi(task.path().filename().string())] = std::stoi(field);
  }
  return nice;
}

/// The niceness of the threads that `start` adds to the process (the trainer's).
template <class Start>
std::vector<int> newThreadsNiceness(Start&& start) {
  const std::map<int, int> before = threadNiceness();
  auto session = start();
  std::vector<int> added;
  for (const auto& [tid, nice] : threadNiceness()) {
    if (!before.count(tid)) added.push_back(nice);
  }
  return added;
}

TEST(SessionMakerTest, TrainersKeepTheNormalPriorityAfterTheUiLowersItsOwn) {
  const TrainConfig config = presetConfig("figure1");
  SessionOptions options;
  options.start_paused = true;
  SessionMaker maker;  // started at the normal priority, as GuiApp does
  const int own = getpriority(PRIO_PROCESS, static_cast<id_t>(gettid()));
  ASSERT_EQ(setpriority(PRIO_PROCESS, static_cast<id_t>(gettid()), own + 10), 0);
  const int lowered = getpriority(PRIO_PROCESS, static_cast<id_t>(gettid()));  // at most 19
  ASSERT_GT(lowered, own) << "run the test at a niceness below 19";
  const std::vector<int> made = newThreadsNiceness([&] { return maker.make(config, options); });
  const std::vector<int> direct =
      newThreadsNiceness([&] { return std::make_unique<Session>(config, options); });
  setpriority(PRIO_PROCESS, static_cast<id_t>(gettid()), own);  // back, where allowed (root)
  ASSERT_FALSE(made.empty());
  for (int nice : made) EXPECT_EQ(nice, own) << "a trainer thread took the UI's priority";
  // The control: the same Session built on the lowered thread runs lowered.
  ASSERT_FALSE(direct.empty());
  for (int nice : direct) EXPECT_EQ(nice, lowered);
}

}  // namespace
}  // namespace ganscope
