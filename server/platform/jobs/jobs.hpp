// Recurring background work (escalations now, reminders next): each job is a function of the
// day it runs for. A job must be safe to run on several server nodes at once and to run again
// for the same day — it claims its work through the database (a compare-and-set, a unique key),
// so the runner itself coordinates nothing. The CLI runs every job once with an injected date
// (`northstar jobs run --today`), which is also how tests drive time.
#pragma once

#include <chrono>
#include <condition_variable>
#include <functional>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace northstar::jobs {

class JobRunner {
 public:
  // Returns what it did, for the log (e.g. the number of issues escalated).
  using Job = std::function<int64_t(const std::string& today)>;

  ~JobRunner() { Stop(); }

  void Add(std::string name, Job job);
  // Runs every job once for `today`; a job that throws is logged and the others still run.
  // Returns the sum of what the jobs did.
  int64_t RunOnce(const std::string& today);
  // Runs every job for the current day now and then every `interval` on a background thread.
  void Start(std::chrono::seconds interval);
  // Requires: not called from a job. Waits for a run in progress to end.
  void Stop();

 private:
  std::vector<std::pair<std::string, Job>> jobs_;
  std::thread thread_;
  std::mutex mutex_;
  std::condition_variable wake_;
  bool stopping_ = false;
};

}  // namespace northstar::jobs
