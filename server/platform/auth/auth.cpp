#include "platform/auth/auth.hpp"

#include <sodium.h>

#include <algorithm>
#include <stdexcept>

#include "platform/common/ids.hpp"
#include "platform/common/time.hpp"

namespace northstar::auth {
namespace {

constexpr unsigned long long kOpsLimit = 2;
constexpr size_t kMemLimit = size_t{19} * 1024 * 1024;

constexpr char kInsertSession[] =
    "INSERT INTO sessions (id, token_hash, user_id, csrf_token, created_at, expires_at,"
    " last_seen_at, remote_address, user_agent) VALUES (:id, :hash, :user, :csrf, :now, :exp,"
    " :now, :remote, :agent)";
constexpr char kSessionPrincipal[] =
    "SELECT s.id AS session_id, s.csrf_token, s.expires_at, s.revoked_at, s.last_seen_at,"
    " u.id AS user_id, u.organization_id, u.org_role, u.name, u.email, u.active"
    " FROM sessions s JOIN users u ON u.id = s.user_id WHERE s.token_hash = :hash";
constexpr char kTokenPrincipal[] =
    "SELECT t.id AS token_id, t.expires_at, t.revoked_at, t.last_used_at, u.id AS user_id,"
    " u.organization_id, u.org_role, u.name, u.email, u.active"
    " FROM api_tokens t JOIN users u ON u.id = t.user_id WHERE t.token_hash = :hash";
constexpr char kTouchSession[] = "UPDATE sessions SET last_seen_at = :now WHERE id = :id";
constexpr char kTouchToken[] = "UPDATE api_tokens SET last_used_at = :now WHERE id = :id";
constexpr char kSelectThrottle[] =
    "SELECT failures, window_start, locked_until FROM login_throttle WHERE throttle_key = :key";

Principal FromRow(const db::Row& r) {
  Principal p;
  p.user_id = r.Str("user_id");
  p.organization_id = r.Str("organization_id");
  p.org_role = r.Str("org_role");
  p.name = r.Str("name");
  p.email = r.Str("email");
  return p;
}

bool OlderThan(const std::optional<std::string>& at, std::chrono::seconds age) {
  if (!at) return true;
  auto t = ParseInstant(*at);
  return !t || Clock::now() - *t > age;
}

Error Unauthenticated(std::string detail) {
  return MakeError(ErrorCode::kUnauthenticated, std::move(detail));
}

}  // namespace

std::string HashPassword(std::string_view password) {
  if (sodium_init() < 0) throw std::runtime_error("libsodium failed to initialise");
  char out[crypto_pwhash_STRBYTES];
  if (crypto_pwhash_str_alg(out, password.data(), password.size(), kOpsLimit, kMemLimit,
                            crypto_pwhash_ALG_ARGON2ID13) != 0) {
    throw std::runtime_error("out of memory while hashing a password");
  }
  return out;
}

bool VerifyPassword(const std::string& hash, std::string_view password) {
  if (hash.empty()) return false;
  return crypto_pwhash_str_verify(hash.c_str(), password.data(), password.size()) == 0;
}

Caller CallerOf(const http::Request& request) {
  return {request.remote_address, request.Header("user-agent").value_or("").substr(0, 300)};
}

NewSession CreateSession(db::Session& session, const std::string& user_id, int ttl_minutes,
                         const Caller& caller) {
  NewSession s;
  s.session_id = NewId();
  s.cookie_value = RandomSecret(32);
  s.csrf_token = RandomSecret(24);
  s.expires_at = FormatInstant(Clock::now() + std::chrono::minutes(ttl_minutes));
  db::Params p;
  p.Set("id", s.session_id)
      .Set("hash", HashSecret(s.cookie_value))
      .Set("user", user_id)
      .Set("csrf", s.csrf_token)
      .Set("now", NowText())
      .Set("exp", s.expires_at)
      .Set("remote", caller.remote_address)
      .Set("agent", caller.user_agent);
  session.Exec(kInsertSession, p);
  return s;
}

void RevokeSession(db::Session& session, const std::string& session_id) {
  db::Params p;
  p.Set("id", session_id).Set("now", NowText());
  session.Exec("UPDATE sessions SET revoked_at = :now WHERE id = :id AND revoked_at IS NULL", p);
}

void RevokeAllSessions(db::Session& session, const std::string& user_id) {
  db::Params p;
  p.Set("user", user_id).Set("now", NowText());
  session.Exec("UPDATE sessions SET revoked_at = :now WHERE user_id = :user AND revoked_at IS NULL",
               p);
}

void RevokeAllTokens(db::Session& session, const std::string& user_id) {
  db::Params p;
  p.Set("user", user_id).Set("now", NowText());
  session.Exec(
      "UPDATE api_tokens SET revoked_at = :now WHERE user_id = :user AND revoked_at IS NULL", p);
}

std::string SessionCookieHeader(const std::string& value, int max_age_seconds, bool secure) {
  return std::string(kSessionCookie) + "=" + value +
         "; Path=/; Max-Age=" + std::to_string(max_age_seconds) + "; HttpOnly; SameSite=Lax" +
         (secure ? "; Secure" : "");
}

std::string ClearedCookieHeader(bool secure) {
  // Appended piece by piece: GCC 12 warns falsely (-Warray-bounds) about the chained + here.
  std::string header = kSessionCookie;
  header += "=; Path=/; Max-Age=0; HttpOnly; SameSite=Lax";
  if (secure) header += "; Secure";
  return header;
}

NewToken CreateToken(db::Session& session, const std::string& user_id, const std::string& name,
                     const std::optional<std::string>& expires_at) {
  NewToken t;
  t.id = NewId();
  t.secret = kTokenPrefix + RandomSecret(32);
  t.prefix = t.secret.substr(0, 10);
  db::Params p;
  p.Set("id", t.id)
      .Set("user", user_id)
      .Set("name", name)
      .Set("prefix", t.prefix)
      .Set("hash", HashSecret(t.secret))
      .Set("now", NowText())
      .Set("exp", expires_at);
  session.Exec(
      "INSERT INTO api_tokens (id, user_id, name, prefix, token_hash, created_at, expires_at)"
      " VALUES (:id, :user, :name, :prefix, :hash, :now, :exp)",
      p);
  return t;
}

PrincipalCache::PrincipalCache(std::chrono::milliseconds ttl, size_t capacity)
    : ttl_(ttl), capacity_(capacity) {}

std::optional<Principal> PrincipalCache::Find(const std::string& key, uint64_t change_count,
                                              const std::string& now) {
  if (!enabled()) return std::nullopt;
  std::lock_guard lock(mutex_);
  auto it = entries_.find(key);
  if (it == entries_.end()) return std::nullopt;
  const Entry& e = it->second;
  if (e.change_count != change_count || std::chrono::steady_clock::now() - e.stored_at >= ttl_ ||
      (e.expires_at && *e.expires_at <= now)) {
    entries_.erase(it);
    return std::nullopt;
  }
  return e.principal;
}

void PrincipalCache::Store(const std::string& key, const Principal& principal,
                           std::optional<std::string> expires_at, uint64_t change_count) {
  if (!enabled()) return;
  std::lock_guard lock(mutex_);
  // Entries live a moment, so starting afresh when full costs one lookup per credential.
  if (entries_.size() >= capacity_) entries_.clear();
  entries_.insert_or_assign(
      key, Entry{principal, std::move(expires_at), change_count, std::chrono::steady_clock::now()});
}

Result<std::optional<Principal>> Authenticate(db::Database& database, const http::Request& request,
                                              PrincipalCache* cache) {
  const auto authorization = request.Header("authorization");
  const auto cookie = request.Cookie(kSessionCookie);
  if (!authorization && (!cookie || cookie->empty())) return std::optional<Principal>{};
  constexpr std::string_view kBearer = "Bearer ";
  if (authorization && authorization->rfind(kBearer, 0) != 0) {
    return Unauthenticated("Use 'Authorization: Bearer <token>'.");
  }
  const bool bearer = authorization.has_value();
  const std::string key = (bearer ? "token:" : "session:") +
                          HashSecret(bearer ? authorization->substr(kBearer.size()) : *cookie);
  const std::string now = NowText();
  // Read before the lookup: a change committed during it makes the entry stale at once.
  const uint64_t changes = database.change_count();
  if (cache) {
    if (auto hit = cache->Find(key, changes, now)) return std::optional<Principal>(std::move(*hit));
  }
  db::Session session(database);
  db::Params p;
  p.Set("hash", key.substr(key.find(':') + 1));
  auto row = session.QueryOne(bearer ? kTokenPrincipal : kSessionPrincipal, p);
  const auto expires_at = row ? row->OptStr("expires_at") : std::nullopt;
  if (!row || !row->Bool("active") || row->OptStr("revoked_at") ||
      (expires_at && *expires_at <= now) || (!bearer && !expires_at)) {
    return Unauthenticated(bearer ? "The API token is unknown, expired or revoked."
                                  : "Your session has ended; sign in again.");
  }
  Principal principal = FromRow(*row);
  const char* seen_column = bearer ? "last_used_at" : "last_seen_at";
  const auto touch_after = bearer ? std::chrono::seconds(60) : std::chrono::seconds(300);
  if (bearer) {
    principal.token_id = row->Str("token_id");
  } else {
    principal.session_id = row->Str("session_id");
    principal.csrf_token = row->Str("csrf_token");
  }
  if (OlderThan(row->OptStr(seen_column), touch_after)) {
    db::Params t;
    t.Set("now", now).Set("id", bearer ? principal.token_id : principal.session_id);
    session.Exec(bearer ? kTouchToken : kTouchSession, t);
  }
  if (cache) cache->Store(key, principal, expires_at, changes);
  return std::optional<Principal>(std::move(principal));
}

int LockSeconds(int failures, int free_failures) {
  if (failures < free_failures) return 0;
  const int over = std::min(failures - free_failures, 10);
  return std::min(2 << over, 15 * 60);
}

Status CheckThrottle(db::Session& session,
                     const std::vector<std::pair<std::string, ThrottleRule>>& keys) {
  int wait = 0;
  const auto now = Clock::now();
  for (const auto& [key, rule] : keys) {
    db::Params p;
    p.Set("key", key);
    auto row = session.QueryOne(kSelectThrottle, p);
    if (!row || !row->OptStr("locked_until")) continue;
    auto until = ParseInstant(*row->OptStr("locked_until"));
    if (until && *until > now) {
      wait = std::max(
          wait, static_cast<int>(std::chrono::ceil<std::chrono::seconds>(*until - now).count()));
    }
  }
  if (wait == 0) return OkStatus();
  Error e = MakeError(ErrorCode::kTooManyRequests, "Too many failed sign-ins; try again in " +
                                                       std::to_string(wait) + " seconds.");
  e.retry_after_seconds = wait;
  return e;
}

void RecordFailure(db::Session& session,
                   const std::vector<std::pair<std::string, ThrottleRule>>& keys) {
  const auto now = Clock::now();
  for (const auto& [key, rule] : keys) {
    db::Params p;
    p.Set("key", key);
    auto row = session.QueryOne(kSelectThrottle, p);
    int failures = 1;
    std::string window_start = FormatInstant(now);
    if (row) {
      auto start = ParseInstant(row->Str("window_start"));
      if (start && now - *start < std::chrono::seconds(rule.window_seconds)) {
        failures = static_cast<int>(row->Int("failures")) + 1;
        window_start = row->Str("window_start");
      }
    }
    const int lock = LockSeconds(failures, rule.free_failures);
    db::Params w;
    w.Set("key", key)
        .Set("f", failures)
        .Set("ws", window_start)
        .Set("lu", lock > 0
                       ? std::optional<std::string>(FormatInstant(now + std::chrono::seconds(lock)))
                       : std::nullopt);
    if (row) {
      session.Exec(
          "UPDATE login_throttle SET failures = :f, window_start = :ws, locked_until = :lu"
          " WHERE throttle_key = :key",
          w);
    } else {
      session.Exec(
          "INSERT INTO login_throttle (throttle_key, failures, window_start, locked_until)"
          " VALUES (:key, :f, :ws, :lu)",
          w);
    }
  }
}

void ClearFailures(db::Session& session, const std::string& key) {
  db::Params p;
  p.Set("key", key);
  session.Exec("DELETE FROM login_throttle WHERE throttle_key = :key", p);
}

}  // namespace northstar::auth
