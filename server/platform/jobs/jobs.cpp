#include "platform/jobs/jobs.hpp"

#include <spdlog/spdlog.h>

#include "platform/common/time.hpp"

namespace northstar::jobs {

void JobRunner::Add(std::string name, Job job) {
  jobs_.emplace_back(std::move(name), std::move(job));
}

int64_t JobRunner::RunOnce(const std::string& today) {
  int64_t total = 0;
  for (const auto& [name, job] : jobs_) {
    try {
      const int64_t done = job(today);
      total += done;
      if (done > 0) spdlog::info("job {} for {}: {} done", name, today, done);
    } catch (const std::exception& e) {
      spdlog::error("job {} for {} failed: {}", name, today, e.what());
    }
  }
  return total;
}

void JobRunner::Start(std::chrono::seconds interval) {
  stopping_ = false;
  thread_ = std::thread([this, interval] {
    std::unique_lock lock(mutex_);
    while (!stopping_) {
      lock.unlock();
      RunOnce(TodayText());
      lock.lock();
      wake_.wait_for(lock, interval, [this] { return stopping_; });
    }
  });
}

void JobRunner::Stop() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  wake_.notify_all();
  if (thread_.joinable()) thread_.join();
}

}  // namespace northstar::jobs
