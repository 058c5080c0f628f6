// Server configuration. Values come from, in order of precedence: command-line flags,
// NORTHSTAR_* environment variables, an optional TOML file (--config), then these defaults.
#pragma once

#include <cstdint>
#include <string>

namespace northstar {

struct Config {
  std::string database = "sqlite:./data/northstar.db";
  std::string bind = "127.0.0.1";
  uint16_t port = 8080;
  int io_threads = 2;
  // 0 picks by database: SQLite work is CPU-bound on local files, so one thread per core does
  // best (measured in docs/performance.md); PostgreSQL work waits on the network, so four per core.
  int db_threads = 0;
  // Threads that hash passwords (sign-in, invitation acceptance, new users); 0: half the cores,
  // at least one. At most `hash_queue` requests wait for them; more get 503 with Retry-After.
  int hash_threads = 0;
  int hash_queue = 32;
  std::string static_dir = "web/dist";
  uint64_t body_limit = uint64_t{1024} * 1024;
  // Largest body of a document upload (POST …/documents), which may exceed body_limit.
  uint64_t upload_limit = uint64_t{10} * 1024 * 1024;
  int session_ttl_minutes = 12 * 60;
  // How long a sign-in lookup may be reused (auth::PrincipalCache); 0 turns the cache off. Changes
  // made by this process take effect at once; changes made elsewhere within this time.
  int auth_cache_ms = 1000;
  int invitation_ttl_days = 7;
  // How often background jobs (escalations, reminders) run; 0 turns them off on this node.
  int jobs_interval_seconds = 60;
  int grace_seconds = 10;
  int read_timeout_seconds = 30;
  int idle_timeout_seconds = 60;
  std::string log_level = "info";
  bool access_log = true;
  // Base URL people use to reach the server, for links in invitations.
  std::string public_url;
  // "auto" sets the Secure cookie flag when the request came over TLS (X-Forwarded-Proto: https
  // from a trusted proxy); "always" and "never" force it.
  std::string cookie_secure = "auto";
  bool trust_proxy = false;
  // Load the demo portfolio into an empty database on start.
  bool demo = false;
};

// The database threads to run: `db_threads`, or when it is 0 the default for the database URL.
int EffectiveDbThreads(const Config& config);
// The password-hashing threads to run: `hash_threads`, or when it is 0 half the cores (at least 1).
int EffectiveHashThreads(const Config& config);

// Applies a TOML file's keys (same names as the fields above) onto `config`. Throws
// std::runtime_error with the file's parse error or an unknown key.
void ApplyTomlFile(const std::string& path, Config& config);

}  // namespace northstar
