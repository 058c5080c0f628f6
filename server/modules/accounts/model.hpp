// Organisations, people, invitations and API tokens: types and pure rules.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace northstar::accounts {

inline const std::vector<std::string_view>& OrganizationTypes() {
  static const std::vector<std::string_view> kTypes = {
      "pharma",   "biotech", "startup",    "technology", "academic",
      "provider", "payer",   "government", "nonprofit",  "cro"};
  return kTypes;
}
inline const std::vector<std::string_view>& OrgRoles() {
  static const std::vector<std::string_view> kRoles = {"admin", "member"};
  return kRoles;
}

inline constexpr size_t kMinPasswordLength = 12;
inline constexpr size_t kMaxPasswordLength = 200;

struct Organization {
  std::string id, name, type;
  std::optional<std::string> website;
  int64_t version = 1;
  std::string created_at;
};

struct User {
  std::string id, organization_id, email, name, org_role;
  bool active = true;
  int64_t version = 1;
  std::string created_at;
};

struct Invitation {
  std::string id, email, name, organization_id;
  std::optional<std::string> alliance_id, alliance_role;
  std::string invited_by, created_at, expires_at;
  std::optional<std::string> accepted_at, revoked_at;
};

// "pending", "accepted", "revoked" or "expired" as of `now` (ISO text).
std::string InvitationStatus(const Invitation& invitation, const std::string& now);

// A pragmatic e-mail check: one @, a non-empty local part, a dotted domain, no spaces.
bool IsPlausibleEmail(std::string_view email);
std::string NormalizeEmail(std::string_view email);
// The key that makes organisation names unique regardless of case and spacing.
std::string NameKey(std::string_view name);

}  // namespace northstar::accounts
