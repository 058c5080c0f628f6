// SQL for organisations, users, invitations and API tokens. Every function takes the session of
// the caller's transaction; none decides access.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "modules/accounts/model.hpp"
#include "platform/db/database.hpp"

namespace northstar::accounts::store {

std::optional<Organization> FindOrganization(db::Session& s, const std::string& id);
std::optional<Organization> FindOrganizationByName(db::Session& s, const std::string& name);
std::vector<Organization> ListOrganizations(db::Session& s, const std::string& query,
                                            const std::optional<std::string>& after_key, int limit);
void InsertOrganization(db::Session& s, const Organization& org, const std::string& created_by);
// False when the version did not match (nothing changed).
bool UpdateOrganization(db::Session& s, const Organization& org, int64_t expected_version);

std::optional<User> FindUser(db::Session& s, const std::string& id);
std::optional<User> FindUserByEmail(db::Session& s, const std::string& email);
std::optional<std::string> PasswordHash(db::Session& s, const std::string& user_id);
std::vector<User> ListUsers(db::Session& s, const std::string& organization_id,
                            const std::optional<std::string>& after_id, int limit);
int64_t CountActiveAdmins(db::Session& s, const std::string& organization_id);
void InsertUser(db::Session& s, const User& user, const std::optional<std::string>& password_hash);
bool UpdateUser(db::Session& s, const User& user, int64_t expected_version);
void SetPassword(db::Session& s, const std::string& user_id, const std::string& password_hash);

struct InvitationRow {
  Invitation invitation;
  std::string organization_name;
  std::optional<std::string> alliance_name;
  std::string invited_by_name, invited_by_organization_name;
};
void InsertInvitation(db::Session& s, const Invitation& invitation, const std::string& token_hash);
std::optional<InvitationRow> FindInvitation(db::Session& s, const std::string& id);
std::optional<InvitationRow> FindInvitationByTokenHash(db::Session& s, const std::string& hash);
std::vector<InvitationRow> ListInvitations(db::Session& s, const std::string& organization_id,
                                           const std::optional<std::string>& after_id, int limit);
// Marks the invitation used; false when it was already used or revoked (a concurrent accept).
bool MarkInvitationAccepted(db::Session& s, const std::string& id, const std::string& user_id);
bool MarkInvitationRevoked(db::Session& s, const std::string& id);

struct TokenRow {
  std::string id, user_id, name, prefix, created_at;
  std::optional<std::string> last_used_at, expires_at, revoked_at;
};
std::vector<TokenRow> ListTokens(db::Session& s, const std::string& user_id_or_empty,
                                 const std::string& organization_id);
std::optional<TokenRow> FindToken(db::Session& s, const std::string& id);
bool RevokeToken(db::Session& s, const std::string& id);

}  // namespace northstar::accounts::store
