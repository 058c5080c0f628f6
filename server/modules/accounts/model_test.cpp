#include "modules/accounts/model.hpp"

#include <gtest/gtest.h>

namespace northstar::accounts {
namespace {

TEST(Email, PlausibleAddresses) {
  EXPECT_TRUE(IsPlausibleEmail("alice@meridian.example"));
  EXPECT_TRUE(IsPlausibleEmail("a.b+c@sub.domain.org"));
  EXPECT_FALSE(IsPlausibleEmail("alice"));
  EXPECT_FALSE(IsPlausibleEmail("@meridian.example"));
  EXPECT_FALSE(IsPlausibleEmail("alice@localhost"));
  EXPECT_FALSE(IsPlausibleEmail("alice@@meridian.example"));
  EXPECT_FALSE(IsPlausibleEmail("alice smith@meridian.example"));
  EXPECT_FALSE(IsPlausibleEmail("alice@meridian."));
  EXPECT_EQ(NormalizeEmail("Alice@Meridian.Example"), "alice@meridian.example");
}

TEST(NameKey, IgnoresCaseAndSpacing) {
  EXPECT_EQ(NameKey("  Meridian   Therapeutics "), "meridian therapeutics");
  EXPECT_EQ(NameKey("MERIDIAN Therapeutics"), NameKey("meridian therapeutics"));
  EXPECT_NE(NameKey("Meridian"), NameKey("Meridian Bio"));
}

TEST(InvitationStatus, FollowsAcceptanceRevocationAndExpiry) {
  Invitation i;
  i.expires_at = "2026-12-01T00:00:00.000Z";
  EXPECT_EQ(InvitationStatus(i, "2026-11-30T23:59:59.999Z"), "pending");
  EXPECT_EQ(InvitationStatus(i, "2026-12-01T00:00:00.000Z"), "expired");
  i.revoked_at = "2026-11-02T00:00:00.000Z";
  EXPECT_EQ(InvitationStatus(i, "2026-11-03T00:00:00.000Z"), "revoked");
  i.accepted_at = "2026-11-01T00:00:00.000Z";
  EXPECT_EQ(InvitationStatus(i, "2026-12-03T00:00:00.000Z"), "accepted");
}

}  // namespace
}  // namespace northstar::accounts
