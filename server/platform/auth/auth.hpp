// Sign-in machinery: Argon2id password hashes, cookie sessions with CSRF tokens, API tokens,
// and the sign-in back-off. Secrets (session cookies, API tokens, invitation tokens) are stored
// only as BLAKE2b hashes.
#pragma once

#include <chrono>
#include <cstdint>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "platform/auth/principal.hpp"
#include "platform/common/error.hpp"
#include "platform/db/database.hpp"
#include "platform/http/message.hpp"

namespace northstar::auth {

inline constexpr char kSessionCookie[] = "ns_session";
inline constexpr char kTokenPrefix[] = "ns_";

// Argon2id (libsodium crypto_pwhash_str), 19 MiB and 2 passes as OWASP recommends.
std::string HashPassword(std::string_view password);
bool VerifyPassword(const std::string& hash, std::string_view password);

struct NewSession {
  std::string session_id;
  std::string cookie_value;  // the secret; only its hash is stored
  std::string csrf_token;
  std::string expires_at;
};
// Where a sign-in comes from, as its session records it: what a service needs of the HTTP request.
struct Caller {
  std::string remote_address;
  std::string user_agent;  // at most 300 characters
};
Caller CallerOf(const http::Request& request);

// Requires: inside a transaction.
NewSession CreateSession(db::Session& session, const std::string& user_id, int ttl_minutes,
                         const Caller& caller);
void RevokeSession(db::Session& session, const std::string& session_id);
void RevokeAllSessions(db::Session& session, const std::string& user_id);
void RevokeAllTokens(db::Session& session, const std::string& user_id);

std::string SessionCookieHeader(const std::string& value, int max_age_seconds, bool secure);
std::string ClearedCookieHeader(bool secure);

struct NewToken {
  std::string id;
  std::string secret;  // shown once
  std::string prefix;
};
NewToken CreateToken(db::Session& session, const std::string& user_id, const std::string& name,
                     const std::optional<std::string>& expires_at);

// Recent sign-in lookups, so that a burst of requests with one cookie or token does not look it
// up each time. An entry is served while no change has been committed through this process since
// it was read (Database::change_count), for at most `ttl`, and never past the credential's own
// expiry. A change made outside this process (another server on the same PostgreSQL database, a
// hand edit) is therefore seen within `ttl`; a ttl of zero turns the cache off. Thread-safe.
class PrincipalCache {
 public:
  explicit PrincipalCache(std::chrono::milliseconds ttl, size_t capacity = 10'000);

  // `key` identifies the credential (its kind and hash); `now` is NowText().
  std::optional<Principal> Find(const std::string& key, uint64_t change_count,
                                const std::string& now);
  // `change_count` is the count read before the lookup that produced `principal`.
  void Store(const std::string& key, const Principal& principal,
             std::optional<std::string> expires_at, uint64_t change_count);
  bool enabled() const { return ttl_.count() > 0; }

 private:
  struct Entry {
    Principal principal;
    std::optional<std::string> expires_at;
    uint64_t change_count;
    std::chrono::steady_clock::time_point stored_at;
  };
  std::chrono::milliseconds ttl_;
  size_t capacity_;
  std::mutex mutex_;
  std::unordered_map<std::string, Entry> entries_;
};

// Resolves the principal of a request from its Bearer token or session cookie. An absent
// credential is nullopt; a present but invalid one is Unauthenticated. With a cache, recent
// lookups are reused as PrincipalCache describes.
Result<std::optional<Principal>> Authenticate(db::Database& database, const http::Request& request,
                                              PrincipalCache* cache = nullptr);

// Sign-in back-off, kept in the database so that every server node shares it. Keys are
// "email:<address>" and "addr:<ip>".
struct ThrottleRule {
  int free_failures;   // failures allowed in the window before locking
  int window_seconds;  // failures older than this are forgotten
};
// TooManyRequests with Retry-After while any key is locked.
Status CheckThrottle(db::Session& session,
                     const std::vector<std::pair<std::string, ThrottleRule>>& keys);
void RecordFailure(db::Session& session,
                   const std::vector<std::pair<std::string, ThrottleRule>>& keys);
void ClearFailures(db::Session& session, const std::string& key);
// Lock duration after `failures` failures: 0 within the free allowance, then doubling from 2 s,
// capped at 15 minutes.
int LockSeconds(int failures, int free_failures);

}  // namespace northstar::auth
