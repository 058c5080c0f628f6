#include "platform/auth/auth.hpp"

#include <gtest/gtest.h>

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
