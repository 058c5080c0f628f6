#include "platform/common/config.hpp"

#include <toml++/toml.h>

#include <algorithm>
#include <stdexcept>
#include <thread>

namespace northstar {

int EffectiveDbThreads(const Config& config) {
  if (config.db_threads > 0) return config.db_threads;
  const int cores = std::max(1, static_cast<int>(std::thread::hardware_concurrency()));
  const bool sqlite = config.database.rfind("sqlite:", 0) == 0;
  return sqlite ? std::max(2, cores) : std::max(8, 4 * cores);
}

int EffectiveHashThreads(const Config& config) {
  if (config.hash_threads > 0) return config.hash_threads;
  return std::max(1, static_cast<int>(std::thread::hardware_concurrency()) / 2);
}

namespace {

// Sets the setting named `k` from its TOML value, or throws naming the file and the setting.
void ApplySetting(const std::string& path, const std::string& k, const toml::node& node,
                  Config& config) {
  auto str = [&](std::string& out) {
    if (auto v = node.value<std::string>())
      out = *v;
    else
      throw std::runtime_error(path + ": " + k + " must be a string");
  };
  auto integer = [&](auto& out) {
    if (auto v = node.value<int64_t>())
      out = static_cast<std::remove_reference_t<decltype(out)>>(*v);
    else
      throw std::runtime_error(path + ": " + k + " must be an integer");
  };
  auto boolean = [&](bool& out) {
    if (auto v = node.value<bool>())
      out = *v;
    else
      throw std::runtime_error(path + ": " + k + " must be true or false");
  };
  if (k == "database")
    str(config.database);
  else if (k == "bind")
    str(config.bind);
  else if (k == "port")
    integer(config.port);
  else if (k == "io_threads")
    integer(config.io_threads);
  else if (k == "db_threads")
    integer(config.db_threads);
  else if (k == "hash_threads")
    integer(config.hash_threads);
  else if (k == "hash_queue")
    integer(config.hash_queue);
  else if (k == "static_dir")
    str(config.static_dir);
  else if (k == "body_limit")
    integer(config.body_limit);
  else if (k == "upload_limit")
    integer(config.upload_limit);
  else if (k == "session_ttl_minutes")
    integer(config.session_ttl_minutes);
  else if (k == "auth_cache_ms")
    integer(config.auth_cache_ms);
  else if (k == "jobs_interval_s")
    integer(config.jobs_interval_seconds);
  else if (k == "invitation_ttl_days")
    integer(config.invitation_ttl_days);
  else if (k == "grace_seconds")
    integer(config.grace_seconds);
  else if (k == "read_timeout_seconds")
    integer(config.read_timeout_seconds);
  else if (k == "idle_timeout_seconds")
    integer(config.idle_timeout_seconds);
  else if (k == "log_level")
    str(config.log_level);
  else if (k == "access_log")
    boolean(config.access_log);
  else if (k == "public_url")
    str(config.public_url);
  else if (k == "cookie_secure")
    str(config.cookie_secure);
  else if (k == "trust_proxy")
    boolean(config.trust_proxy);
  else if (k == "demo")
    boolean(config.demo);
  else
    throw std::runtime_error(path + ": unknown setting '" + k + "'");
}

}  // namespace

void ApplyTomlFile(const std::string& path, Config& config) {
  toml::table table;
  try {
    table = toml::parse_file(path);
  } catch (const toml::parse_error& e) {
    throw std::runtime_error("cannot read config file " + path + ": " +
                             std::string(e.description()));
  }
  for (const auto& [key, node] : table) ApplySetting(path, std::string(key.str()), node, config);
}

}  // namespace northstar
