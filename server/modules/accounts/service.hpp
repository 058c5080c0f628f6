// Use cases of accounts: sign-in, organisations, people, invitations, API tokens. Each change
// runs in one transaction with its audit event.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "modules/accounts/model.hpp"
#include "modules/accounts/store.hpp"
#include "platform/auth/auth.hpp"
#include "platform/common/config.hpp"
#include "platform/common/error.hpp"
#include "platform/db/database.hpp"

namespace northstar::accounts {

struct SignedIn {
  User user;
  Organization organization;
  auth::NewSession session;
};

struct PasswordReset {
  User user;
  Organization organization;
  std::string password;
};

// What an alliance-scoped invitation needs from the alliances module, which registers it at
// start-up (accounts does not depend on alliances).
struct AllianceInvitationHooks {
  // Ok when the principal may invite a person of `organization_id` into the alliance.
  std::function<Status(db::Session&, const auth::Principal&, const std::string& alliance_id,
                       const std::string& organization_id)>
      authorize;
  // Adds the accepted person to the alliance; runs in the accepting transaction.
  std::function<Status(db::Session&, const Invitation&, const User&)> on_accept;
};

struct NewInvitation {
  std::string email, name, organization_id;
  std::optional<std::string> alliance_id, alliance_role;
};

struct CreatedInvitation {
  store::InvitationRow row;
  std::string token;  // the secret for the link; only its hash is stored
};

struct OrganizationChanges {
  std::optional<std::string> name, type, website;
  bool clear_website = false;
};

struct UserChanges {
  std::optional<std::string> name, org_role;
  std::optional<bool> active;
};

// The person as a caller of the services: for the CLI and the demo, which act as someone.
auth::Principal PrincipalOf(const User& user);

class AccountsService {
 public:
  AccountsService(db::Database& database, const Config& config);

  void SetAllianceInvitationHooks(AllianceInvitationHooks hooks) { hooks_ = std::move(hooks); }

  Result<SignedIn> Login(const std::string& email, const std::string& password,
                         const auth::Caller& caller);
  void Logout(const auth::Principal& principal);
  void RevokeAllSessions(const auth::Principal& principal);
  Result<std::pair<User, Organization>> Me(const auth::Principal& principal);

  std::vector<Organization> ListOrganizations(const std::string& query,
                                              const std::optional<std::string>& after, int limit);
  Result<Organization> GetOrganization(const std::string& id);
  Result<Organization> CreateOrganization(const std::optional<auth::Principal>& actor,
                                          const std::string& name, const std::string& type,
                                          const std::optional<std::string>& website);
  Result<Organization> UpdateOrganization(const auth::Principal& actor, const std::string& id,
                                          int64_t version, const OrganizationChanges& changes);

  std::vector<User> ListUsers(const auth::Principal& actor, const std::optional<std::string>& after,
                              int limit);
  Result<User> GetUser(const auth::Principal& actor, const std::string& id);
  Result<User> UpdateUser(const auth::Principal& actor, const std::string& id, int64_t version,
                          const UserChanges& changes);
  // For the CLI and the demo, which act as a person they name by e-mail address.
  Result<auth::Principal> ActingAs(const std::string& email);
  // For the CLI: an organisation by its exact name.
  Result<Organization> OrganizationNamed(const std::string& name);
  // For the CLI and the demo: creates a user with a password directly.
  Result<User> CreateUser(const std::string& organization_id, const std::string& email,
                          const std::string& name, bool admin, const std::string& password);

  // For the demo: gives the person a fresh random password (audited; their sessions stay) and
  // returns it with the person and their organisation, for the printed sign-ins.
  Result<PasswordReset> ResetPassword(const std::string& email);

  Result<CreatedInvitation> Invite(const auth::Principal& actor, const NewInvitation& input);
  std::vector<store::InvitationRow> ListInvitations(const auth::Principal& actor,
                                                    const std::optional<std::string>& after,
                                                    int limit);
  Result<store::InvitationRow> LookupInvitation(const std::string& token);
  Result<SignedIn> AcceptInvitation(const std::string& token, const std::string& password,
                                    const std::optional<std::string>& name,
                                    const auth::Caller& caller);
  Status RevokeInvitation(const auth::Principal& actor, const std::string& id);

  std::vector<store::TokenRow> ListTokens(const auth::Principal& actor);
  Result<std::pair<store::TokenRow, std::string>> CreateToken(
      const auth::Principal& actor, const std::string& name,
      std::optional<int64_t> expires_in_days);
  Status RevokeToken(const auth::Principal& actor, const std::string& id);

  // The link that accepts an invitation: on the configured public URL, else on the address the
  // inviter used (`request_origin`), else on this server's local port.
  std::string AcceptUrl(const std::string& token,
                        const std::optional<std::string>& request_origin = std::nullopt) const;
  const Config& config() const { return config_; }

 private:
  db::Database& db_;
  const Config& config_;
  AllianceInvitationHooks hooks_;
};

}  // namespace northstar::accounts
