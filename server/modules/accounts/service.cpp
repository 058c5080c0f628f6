#include "modules/accounts/service.hpp"

#include <spdlog/spdlog.h>

#include "platform/audit/audit.hpp"
#include "platform/common/ids.hpp"
#include "platform/common/json.hpp"
#include "platform/common/time.hpp"

namespace northstar::accounts {
namespace {

const auth::ThrottleRule kPerAccount{5, 15 * 60};
const auth::ThrottleRule kPerAddress{20, 15 * 60};

json::object OrgAuditView(const Organization& o) {
  return {{"name", o.name},
          {"type", o.type},
          {"website", o.website ? json::value(*o.website) : json::value(nullptr)}};
}

json::object UserAuditView(const User& u) {
  return {{"email", u.email}, {"name", u.name}, {"org_role", u.org_role}, {"active", u.active}};
}

audit::Event OrgEvent(const std::string& actor, const std::string& org_id,
                      const std::string& record_type, const std::string& record_id,
                      const std::string& action, json::object changes) {
  audit::Event e;
  e.actor_id = actor;
  e.organization_id = org_id;
  e.record_type = record_type;
  e.record_id = record_id;
  e.action = action;
  e.changes = std::move(changes);
  e.scope.visibility = access::Visibility::kParty;
  e.scope.owner_organization_id = org_id;
  return e;
}

Error WrongCredentials() {
  return MakeError(ErrorCode::kUnauthenticated, "The e-mail address or password is wrong.");
}

Status CheckPassword(const std::string& password) {
  const size_t length = Utf8Length(password);
  if (length < kMinPasswordLength) {
    return Invalid("password",
                   "must be at least " + std::to_string(kMinPasswordLength) + " characters");
  }
  if (length > kMaxPasswordLength) {
    return Invalid("password",
                   "must be at most " + std::to_string(kMaxPasswordLength) + " characters");
  }
  return OkStatus();
}

}  // namespace

AccountsService::AccountsService(db::Database& database, const Config& config)
    : db_(database), config_(config) {}

std::string AccountsService::AcceptUrl(const std::string& token,
                                       const std::optional<std::string>& request_origin) const {
  std::string base = !config_.public_url.empty() ? config_.public_url
                     : request_origin            ? *request_origin
                                      : "http://localhost:" + std::to_string(config_.port);
  while (!base.empty() && base.back() == '/') base.pop_back();
  return base + "/invitations/accept?token=" + token;
}

Result<SignedIn> AccountsService::Login(const std::string& email, const std::string& password,
                                        const auth::Caller& caller) {
  const std::string normalized = NormalizeEmail(email);
  const std::vector<std::pair<std::string, auth::ThrottleRule>> keys = {
      {"email:" + normalized, kPerAccount}, {"addr:" + caller.remote_address, kPerAddress}};
  db::Session session(db_);
  NS_TRY(auth::CheckThrottle(session, keys));
  auto user = store::FindUserByEmail(session, normalized);
  // Hash verification happens outside any transaction: it is deliberately slow. An unknown
  // address costs the same as a wrong password, so timing does not reveal accounts.
  static const std::string kDummyHash = auth::HashPassword("northstar-timing-equaliser");
  const auto hash = user ? store::PasswordHash(session, user->id) : std::nullopt;
  const bool ok = auth::VerifyPassword(hash.value_or(kDummyHash), password) && user &&
                  hash.has_value() && user->active;
  db::Transaction tx(session);
  if (!ok) {
    auth::RecordFailure(session, keys);
    tx.Commit();
    return WrongCredentials();
  }
  auth::ClearFailures(session, "email:" + normalized);
  auto new_session = auth::CreateSession(session, user->id, config_.session_ttl_minutes, caller);
  auto org = store::FindOrganization(session, user->organization_id);
  audit::Record(
      session,
      OrgEvent(user->id, user->organization_id, "session", new_session.session_id, "sign_in",
               {{"remote_address", {{"before", nullptr}, {"after", caller.remote_address}}}}));
  tx.Commit();
  return SignedIn{*user, *org, new_session};
}

void AccountsService::Logout(const auth::Principal& principal) {
  if (!principal.via_cookie()) return;
  db::Session session(db_);
  db::Transaction tx(session);
  auth::RevokeSession(session, principal.session_id);
  audit::Record(session, OrgEvent(principal.user_id, principal.organization_id, "session",
                                  principal.session_id, "sign_out", {}));
  tx.Commit();
}

void AccountsService::RevokeAllSessions(const auth::Principal& principal) {
  db::Session session(db_);
  db::Transaction tx(session);
  auth::RevokeAllSessions(session, principal.user_id);
  audit::Record(session, OrgEvent(principal.user_id, principal.organization_id, "session",
                                  principal.user_id, "revoke_all", {}));
  tx.Commit();
}

Result<std::pair<User, Organization>> AccountsService::Me(const auth::Principal& principal) {
  db::Session session(db_);
  auto user = store::FindUser(session, principal.user_id);
  auto org = store::FindOrganization(session, principal.organization_id);
  if (!user || !org) return NotFound();
  return std::make_pair(*user, *org);
}

std::vector<Organization> AccountsService::ListOrganizations(
    const std::string& query, const std::optional<std::string>& after, int limit) {
  db::Session session(db_);
  return store::ListOrganizations(session, query, after, limit);
}

Result<Organization> AccountsService::GetOrganization(const std::string& id) {
  db::Session session(db_);
  auto org = store::FindOrganization(session, id);
  if (!org) return NotFound("No organisation with this id.");
  return *org;
}

Result<Organization> AccountsService::CreateOrganization(
    const std::optional<auth::Principal>& actor, const std::string& name, const std::string& type,
    const std::optional<std::string>& website) {
  Organization org{NewId(), name, type, website, 1, NowText()};
  db::Session session(db_);
  db::Transaction tx(session);
  if (store::FindOrganizationByName(session, name)) {
    return Conflict("An organisation named '" + name + "' already exists.");
  }
  store::InsertOrganization(session, org, actor ? actor->user_id : "");
  audit::Record(session, OrgEvent(actor ? actor->user_id : "", org.id, "organization", org.id,
                                  "create", audit::Created(OrgAuditView(org))));
  tx.Commit();
  return org;
}

Result<Organization> AccountsService::UpdateOrganization(const auth::Principal& actor,
                                                         const std::string& id, int64_t version,
                                                         const OrganizationChanges& changes) {
  db::Session session(db_);
  db::Transaction tx(session);
  auto current = store::FindOrganization(session, id);
  if (!current) return NotFound("No organisation with this id.");
  if (actor.organization_id != id || !actor.is_org_admin()) {
    return Forbidden("Only an administrator of this organisation may change it.");
  }
  if (current->version != version) return Stale();
  Organization next = *current;
  if (changes.name) next.name = *changes.name;
  if (changes.type) next.type = *changes.type;
  if (changes.website) next.website = changes.website;
  if (changes.clear_website) next.website.reset();
  if (NameKey(next.name) != NameKey(current->name)) {
    if (store::FindOrganizationByName(session, next.name)) {
      return Conflict("An organisation named '" + next.name + "' already exists.");
    }
  }
  if (!store::UpdateOrganization(session, next, version)) return Stale();
  audit::Record(session, OrgEvent(actor.user_id, id, "organization", id, "update",
                                  audit::Diff(OrgAuditView(*current), OrgAuditView(next))));
  tx.Commit();
  next.version = version + 1;
  return next;
}

std::vector<User> AccountsService::ListUsers(const auth::Principal& actor,
                                             const std::optional<std::string>& after, int limit) {
  db::Session session(db_);
  return store::ListUsers(session, actor.organization_id, after, limit);
}

auth::Principal PrincipalOf(const User& user) {
  auth::Principal p;
  p.user_id = user.id;
  p.organization_id = user.organization_id;
  p.org_role = user.org_role;
  p.name = user.name;
  p.email = user.email;
  return p;
}

Result<auth::Principal> AccountsService::ActingAs(const std::string& email) {
  db::Session session(db_);
  auto user = store::FindUserByEmail(session, NormalizeEmail(email));
  if (!user) return NotFound("No person with the e-mail address " + email + ".");
  return PrincipalOf(*user);
}

Result<Organization> AccountsService::OrganizationNamed(const std::string& name) {
  db::Session session(db_);
  auto found = store::FindOrganizationByName(session, name);
  if (!found) return NotFound("No organisation named '" + name + "'.");
  return *found;
}

Result<User> AccountsService::GetUser(const auth::Principal& actor, const std::string& id) {
  db::Session session(db_);
  auto user = store::FindUser(session, id);
  if (!user || user->organization_id != actor.organization_id)
    return NotFound("No such person in your organisation.");
  return *user;
}

Result<User> AccountsService::UpdateUser(const auth::Principal& actor, const std::string& id,
                                         int64_t version, const UserChanges& changes) {
  db::Session session(db_);
  db::Transaction tx(session);
  auto current = store::FindUser(session, id);
  if (!current || current->organization_id != actor.organization_id) {
    return NotFound("No such person in your organisation.");
  }
  const bool self_name_only = actor.user_id == id && !changes.org_role && !changes.active;
  if (!actor.is_org_admin() && !self_name_only) {
    return Forbidden("Only an organisation administrator may change people's roles or access.");
  }
  if (current->version != version) return Stale();
  User next = *current;
  if (changes.name) next.name = *changes.name;
  if (changes.org_role) next.org_role = *changes.org_role;
  if (changes.active) next.active = *changes.active;
  const bool loses_admin =
      current->org_role == "admin" && current->active && (next.org_role != "admin" || !next.active);
  if (loses_admin && store::CountActiveAdmins(session, current->organization_id) <= 1) {
    return Conflict("The organisation's last administrator cannot be demoted or deactivated.");
  }
  if (!store::UpdateUser(session, next, version)) return Stale();
  if (current->active && !next.active) {
    auth::RevokeAllSessions(session, id);
    auth::RevokeAllTokens(session, id);
  }
  audit::Record(session, OrgEvent(actor.user_id, current->organization_id, "user", id, "update",
                                  audit::Diff(UserAuditView(*current), UserAuditView(next))));
  tx.Commit();
  next.version = version + 1;
  return next;
}

Result<User> AccountsService::CreateUser(const std::string& organization_id,
                                         const std::string& email, const std::string& name,
                                         bool admin, const std::string& password) {
  if (!IsPlausibleEmail(email)) return Invalid("email", "is not a valid e-mail address");
  NS_TRY(CheckPassword(password));
  const std::string hash = auth::HashPassword(password);
  db::Session session(db_);
  db::Transaction tx(session);
  if (!store::FindOrganization(session, organization_id))
    return NotFound("No organisation with this id.");
  if (store::FindUserByEmail(session, email))
    return Conflict("Someone already uses " + email + ".");
  User user{NewId(), organization_id, NormalizeEmail(email), name, admin ? "admin" : "member", true,
            1,       NowText()};
  store::InsertUser(session, user, hash);
  audit::Record(session, OrgEvent("", organization_id, "user", user.id, "create",
                                  audit::Created(UserAuditView(user))));
  tx.Commit();
  return user;
}

Result<PasswordReset> AccountsService::ResetPassword(const std::string& email) {
  const std::string password = RandomSecret(12);
  const std::string hash = auth::HashPassword(password);
  db::Session session(db_);
  db::Transaction tx(session);
  auto user = store::FindUserByEmail(session, email);
  if (!user) return NotFound("No one uses " + email + ".");
  auto org = store::FindOrganization(session, user->organization_id);
  if (!org) return NotFound("No organisation with this id.");
  store::SetPassword(session, user->id, hash);
  audit::Record(session,
                OrgEvent("", user->organization_id, "user", user->id, "demo_password_reset", {}));
  tx.Commit();
  return PasswordReset{*user, *org, password};
}

Result<CreatedInvitation> AccountsService::Invite(const auth::Principal& actor,
                                                  const NewInvitation& input) {
  db::Session session(db_);
  db::Transaction tx(session);
  auto org = store::FindOrganization(session, input.organization_id);
  if (input.alliance_id) {
    if (!hooks_.authorize) throw std::logic_error("alliance invitation hooks are not registered");
    NS_TRY(hooks_.authorize(session, actor, *input.alliance_id, input.organization_id));
  } else {
    if (!org) return Invalid("organization_id", "is not a known organisation");
    if (actor.organization_id != input.organization_id || !actor.is_org_admin()) {
      return Forbidden(
          "Only an administrator of the organisation may invite its people "
          "outside an alliance.");
    }
  }
  if (!org) return Invalid("organization_id", "is not a known organisation");
  if (auto existing = store::FindUserByEmail(session, input.email)) {
    if (existing->organization_id != input.organization_id) {
      return Conflict(input.email + " already belongs to another organisation.");
    }
    if (!input.alliance_id) return Conflict(input.email + " already has an account.");
  }
  Invitation inv;
  inv.id = NewId();
  inv.email = NormalizeEmail(input.email);
  inv.name = input.name;
  inv.organization_id = input.organization_id;
  inv.alliance_id = input.alliance_id;
  if (input.alliance_id) inv.alliance_role = input.alliance_role.value_or("member");
  inv.invited_by = actor.user_id;
  inv.created_at = NowText();
  inv.expires_at =
      FormatInstant(Clock::now() + std::chrono::hours(24) * config_.invitation_ttl_days);
  const std::string token = RandomSecret(32);
  store::InsertInvitation(session, inv, HashSecret(token));
  audit::Event event;
  event.actor_id = actor.user_id;
  event.alliance_id = inv.alliance_id.value_or("");
  event.organization_id = actor.organization_id;
  event.record_type = "invitation";
  event.record_id = inv.id;
  event.action = "create";
  event.changes =
      audit::Created({{"email", inv.email},
                      {"name", inv.name},
                      {"organization_id", inv.organization_id},
                      {"alliance_role", inv.alliance_role ? json::value(*inv.alliance_role)
                                                          : json::value(nullptr)}});
  // The inviting party sees its own invitations in the alliance's activity.
  event.scope.visibility = access::Visibility::kParty;
  event.scope.owner_organization_id = actor.organization_id;
  event.scope.owner_user_id = actor.user_id;
  audit::Record(session, event);
  auto row = store::FindInvitation(session, inv.id);
  tx.Commit();
  spdlog::info("invitation for {} created: {}", inv.email, AcceptUrl(token));
  return CreatedInvitation{*row, token};
}

std::vector<store::InvitationRow> AccountsService::ListInvitations(
    const auth::Principal& actor, const std::optional<std::string>& after, int limit) {
  db::Session session(db_);
  return store::ListInvitations(session, actor.organization_id, after, limit);
}

Result<store::InvitationRow> AccountsService::LookupInvitation(const std::string& token) {
  db::Session session(db_);
  auto row = store::FindInvitationByTokenHash(session, HashSecret(token));
  if (!row || InvitationStatus(row->invitation, NowText()) != "pending") {
    return NotFound("This invitation link is unknown, used or expired; ask for a new one.");
  }
  return *row;
}

Result<SignedIn> AccountsService::AcceptInvitation(const std::string& token,
                                                   const std::string& password,
                                                   const std::optional<std::string>& name,
                                                   const auth::Caller& caller) {
  auto found = LookupInvitation(token);
  if (!found.ok()) return found.error();
  const Invitation& inv = found->invitation;
  db::Session session(db_);
  auto existing = store::FindUserByEmail(session, inv.email);
  std::optional<std::string> new_hash;
  // Accepting with an existing account's password is a sign-in, with the same back-off.
  const std::vector<std::pair<std::string, auth::ThrottleRule>> keys = {
      {"email:" + inv.email, kPerAccount}, {"addr:" + caller.remote_address, kPerAddress}};
  if (existing) {
    // A person with an account proves it with their password; it is not replaced.
    NS_TRY(auth::CheckThrottle(session, keys));
    const auto hash = store::PasswordHash(session, existing->id);
    if (!existing->active || !hash || !auth::VerifyPassword(*hash, password)) {
      db::Transaction tx(session);
      auth::RecordFailure(session, keys);
      tx.Commit();
      return Invalid("password", "is not the password of the existing account for " + inv.email);
    }
  } else {
    NS_TRY(CheckPassword(password));
    new_hash = auth::HashPassword(password);
  }
  db::Transaction tx(session);
  User user = existing ? *existing : User{NewId(),   inv.organization_id,
                                          inv.email, name.value_or(inv.name),
                                          "member",  true,
                                          1,         NowText()};
  // Claim the invitation first: of two concurrent accepts, the second waits on this row and
  // then finds it used.
  if (!store::MarkInvitationAccepted(session, inv.id, user.id)) {
    return NotFound("This invitation link is unknown, used or expired; ask for a new one.");
  }
  if (!existing) {
    if (store::FindUserByEmail(session, inv.email)) {
      return Conflict("An account for " + inv.email + " was created meanwhile; sign in instead.");
    }
    // An organisation registered by a partner (while creating an alliance) has nobody yet to
    // manage its people: its first person becomes its administrator.
    if (store::CountActiveAdmins(session, user.organization_id) == 0) user.org_role = "admin";
    store::InsertUser(session, user, new_hash);
    audit::Record(session, OrgEvent(user.id, user.organization_id, "user", user.id, "create",
                                    audit::Created(UserAuditView(user))));
  } else {
    auth::ClearFailures(session, "email:" + inv.email);
  }
  audit::Event accepted =
      OrgEvent(user.id, inv.organization_id, "invitation", inv.id, "accept", {});
  audit::Record(session, accepted);
  if (inv.alliance_id) {
    if (!hooks_.on_accept) throw std::logic_error("alliance invitation hooks are not registered");
    NS_TRY(hooks_.on_accept(session, inv, user));
  }
  auto new_session = auth::CreateSession(session, user.id, config_.session_ttl_minutes, caller);
  auto org = store::FindOrganization(session, user.organization_id);
  tx.Commit();
  return SignedIn{user, *org, new_session};
}

Status AccountsService::RevokeInvitation(const auth::Principal& actor, const std::string& id) {
  db::Session session(db_);
  db::Transaction tx(session);
  auto row = store::FindInvitation(session, id);
  if (!row) return NotFound("No such invitation.");
  auto inviter = store::FindUser(session, row->invitation.invited_by);
  const bool same_org = inviter && inviter->organization_id == actor.organization_id;
  if (!same_org) return NotFound("No such invitation.");
  if (row->invitation.invited_by != actor.user_id && !actor.is_org_admin()) {
    return Forbidden("Only the inviter or an organisation administrator may revoke it.");
  }
  if (!store::MarkInvitationRevoked(session, id)) {
    return Conflict("The invitation was already accepted or revoked.");
  }
  audit::Event event =
      OrgEvent(actor.user_id, actor.organization_id, "invitation", id, "revoke", {});
  event.alliance_id = row->invitation.alliance_id.value_or("");
  audit::Record(session, event);
  tx.Commit();
  return OkStatus();
}

std::vector<store::TokenRow> AccountsService::ListTokens(const auth::Principal& actor) {
  db::Session session(db_);
  return store::ListTokens(session, actor.is_org_admin() ? "" : actor.user_id,
                           actor.organization_id);
}

Result<std::pair<store::TokenRow, std::string>> AccountsService::CreateToken(
    const auth::Principal& actor, const std::string& name, std::optional<int64_t> expires_in_days) {
  db::Session session(db_);
  db::Transaction tx(session);
  std::optional<std::string> expires_at;
  if (expires_in_days) {
    expires_at = FormatInstant(Clock::now() + std::chrono::hours(24) * *expires_in_days);
  }
  auto token = auth::CreateToken(session, actor.user_id, name, expires_at);
  audit::Record(session,
                OrgEvent(actor.user_id, actor.organization_id, "api_token", token.id, "create",
                         audit::Created({{"name", name}, {"prefix", token.prefix}})));
  auto row = store::FindToken(session, token.id);
  tx.Commit();
  return std::make_pair(*row, token.secret);
}

Status AccountsService::RevokeToken(const auth::Principal& actor, const std::string& id) {
  db::Session session(db_);
  db::Transaction tx(session);
  auto token = store::FindToken(session, id);
  if (!token) return NotFound("No such token.");
  auto owner = store::FindUser(session, token->user_id);
  const bool own = token->user_id == actor.user_id;
  const bool admin_of_owner =
      actor.is_org_admin() && owner && owner->organization_id == actor.organization_id;
  if (!own && !admin_of_owner) return NotFound("No such token.");
  if (!store::RevokeToken(session, id)) return Conflict("The token is already revoked.");
  audit::Record(session,
                OrgEvent(actor.user_id, actor.organization_id, "api_token", id, "revoke", {}));
  tx.Commit();
  return OkStatus();
}

}  // namespace northstar::accounts
