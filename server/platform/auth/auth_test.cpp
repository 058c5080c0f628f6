#include "platform/auth/auth.hpp"

#include <gtest/gtest.h>

#include <thread>

namespace northstar::auth {
namespace {

TEST(Passwords, Argon2idHashVerifies) {
  const std::string hash = HashPassword("correct horse battery staple");
  EXPECT_EQ(hash.rfind("$argon2id$", 0), 0u);
  EXPECT_TRUE(VerifyPassword(hash, "correct horse battery staple"));
  EXPECT_FALSE(VerifyPassword(hash, "correct horse battery stapler"));
  EXPECT_FALSE(VerifyPassword("", "anything"));
  EXPECT_NE(HashPassword("same"), HashPassword("same"));  // salted
}

TEST(Throttle, BackOffDoublesAfterTheFreeAllowanceAndIsCapped) {
  EXPECT_EQ(LockSeconds(1, 5), 0);
  EXPECT_EQ(LockSeconds(4, 5), 0);
  EXPECT_EQ(LockSeconds(5, 5), 2);
  EXPECT_EQ(LockSeconds(6, 5), 4);
  EXPECT_EQ(LockSeconds(7, 5), 8);
  EXPECT_EQ(LockSeconds(100, 5), 15 * 60);
}

TEST(Cookies, SessionCookieFlags) {
  const std::string plain = SessionCookieHeader("abc", 600, false);
  EXPECT_EQ(plain, "ns_session=abc; Path=/; Max-Age=600; HttpOnly; SameSite=Lax");
  EXPECT_NE(SessionCookieHeader("abc", 600, true).find("; Secure"), std::string::npos);
  EXPECT_NE(ClearedCookieHeader(false).find("Max-Age=0"), std::string::npos);
}

}  // namespace
}  // namespace northstar::auth

namespace northstar::auth {
namespace {

Principal Ada() {
  Principal p;
  p.user_id = "u-1";
  p.organization_id = "o-1";
  p.org_role = "member";
  p.session_id = "s-1";
  p.csrf_token = "csrf";
  return p;
}

constexpr char kNow[] = "2026-11-21T12:00:00.000Z";

TEST(PrincipalCache, ServesAnEntryWhileNothingChanged) {
  PrincipalCache cache(std::chrono::milliseconds(60'000));
  cache.Store("session:h", Ada(), "2026-11-22T00:00:00.000Z", 7);
  auto hit = cache.Find("session:h", 7, kNow);
  ASSERT_TRUE(hit.has_value());
  EXPECT_EQ(hit->user_id, "u-1");
  EXPECT_EQ(hit->csrf_token, "csrf");
  EXPECT_FALSE(cache.Find("session:other", 7, kNow).has_value());
}

TEST(PrincipalCache, AnyChangeThroughThisProcessMakesEveryEntryStale) {
  PrincipalCache cache(std::chrono::milliseconds(60'000));
  cache.Store("session:h", Ada(), "2026-11-22T00:00:00.000Z", 7);
  EXPECT_FALSE(cache.Find("session:h", 8, kNow).has_value());
  // A stale entry is dropped, not revived when the count is seen again.
  EXPECT_FALSE(cache.Find("session:h", 7, kNow).has_value());
}

TEST(PrincipalCache, NeverServesAPrincipalPastItsCredentialsExpiry) {
  PrincipalCache cache(std::chrono::milliseconds(60'000));
  cache.Store("session:h", Ada(), "2026-11-21T12:00:00.000Z", 1);
  EXPECT_FALSE(cache.Find("session:h", 1, kNow).has_value());
  cache.Store("token:t", Ada(), std::nullopt, 1);  // a token without expiry
  EXPECT_TRUE(cache.Find("token:t", 1, kNow).has_value());
}

TEST(PrincipalCache, EntriesLiveAtMostTheirTimeToLive) {
  PrincipalCache cache(std::chrono::milliseconds(20));
  cache.Store("session:h", Ada(), "2026-11-22T00:00:00.000Z", 1);
  std::this_thread::sleep_for(std::chrono::milliseconds(30));
  EXPECT_FALSE(cache.Find("session:h", 1, kNow).has_value());
}

TEST(PrincipalCache, AZeroTimeToLiveTurnsItOff) {
  PrincipalCache cache(std::chrono::milliseconds(0));
  EXPECT_FALSE(cache.enabled());
  cache.Store("session:h", Ada(), "2026-11-22T00:00:00.000Z", 1);
  EXPECT_FALSE(cache.Find("session:h", 1, kNow).has_value());
}

TEST(PrincipalCache, StartsAfreshWhenFull) {
  PrincipalCache cache(std::chrono::milliseconds(60'000), 2);
  cache.Store("a", Ada(), std::nullopt, 1);
  cache.Store("b", Ada(), std::nullopt, 1);
  cache.Store("c", Ada(), std::nullopt, 1);
  EXPECT_FALSE(cache.Find("a", 1, kNow).has_value());
  EXPECT_TRUE(cache.Find("c", 1, kNow).has_value());
}

}  // namespace
}  // namespace northstar::auth
