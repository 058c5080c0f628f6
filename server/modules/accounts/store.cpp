#include "modules/accounts/store.hpp"

#include "platform/common/time.hpp"

namespace northstar::accounts::store {
namespace {

constexpr char kOrgColumns[] = "id, name, type, website, version, created_at";
constexpr char kUserColumns[] =
    "id, organization_id, email, name, org_role, active, version, created_at";
constexpr char kInvitationColumns[] =
    "i.id, i.email, i.name, i.organization_id, i.alliance_id, i.alliance_role, i.invited_by,"
    " i.created_at, i.expires_at, i.accepted_at, i.revoked_at, o.name AS organization_name,"
    " a.name AS alliance_name, ib.name AS invited_by_name,"
    " ibo.name AS invited_by_organization_name";
constexpr char kInvitationFrom[] =
    " FROM invitations i JOIN organizations o ON o.id = i.organization_id"
    " LEFT JOIN alliances a ON a.id = i.alliance_id JOIN users ib ON ib.id = i.invited_by"
    " JOIN organizations ibo ON ibo.id = ib.organization_id";
constexpr char kTokenColumns[] =
    "t.id, t.user_id, t.name, t.prefix, t.created_at, t.last_used_at, t.expires_at, t.revoked_at";

Organization OrgFromRow(const db::Row& r) {
  return {r.Str("id"),         r.Str("name"),    r.Str("type"),
          r.OptStr("website"), r.Int("version"), r.Str("created_at")};
}

User UserFromRow(const db::Row& r) {
  return {r.Str("id"),       r.Str("organization_id"), r.Str("email"),   r.Str("name"),
          r.Str("org_role"), r.Bool("active"),         r.Int("version"), r.Str("created_at")};
}

InvitationRow InvitationFromRow(const db::Row& r) {
  InvitationRow out;
  Invitation& i = out.invitation;
  i.id = r.Str("id");
  i.email = r.Str("email");
  i.name = r.Str("name");
  i.organization_id = r.Str("organization_id");
  i.alliance_id = r.OptStr("alliance_id");
  i.alliance_role = r.OptStr("alliance_role");
  i.invited_by = r.Str("invited_by");
  i.created_at = r.Str("created_at");
  i.expires_at = r.Str("expires_at");
  i.accepted_at = r.OptStr("accepted_at");
  i.revoked_at = r.OptStr("revoked_at");
  out.organization_name = r.Str("organization_name");
  out.invited_by_name = r.Str("invited_by_name");
  out.invited_by_organization_name = r.Str("invited_by_organization_name");
  out.alliance_name = r.OptStr("alliance_name");
  return out;
}

TokenRow TokenFromRow(const db::Row& r) {
  return {r.Str("id"),
          r.Str("user_id"),
          r.Str("name"),
          r.Str("prefix"),
          r.Str("created_at"),
          r.OptStr("last_used_at"),
          r.OptStr("expires_at"),
          r.OptStr("revoked_at")};
}

}  // namespace

std::optional<Organization> FindOrganization(db::Session& s, const std::string& id) {
  db::Params p;
  p.Set("id", id);
  auto row =
      s.QueryOne(std::string("SELECT ") + kOrgColumns + " FROM organizations WHERE id = :id", p);
  if (!row) return std::nullopt;
  return OrgFromRow(*row);
}

std::optional<Organization> FindOrganizationByName(db::Session& s, const std::string& name) {
  db::Params p;
  p.Set("key", NameKey(name));
  auto row = s.QueryOne(
      std::string("SELECT ") + kOrgColumns + " FROM organizations WHERE name_key = :key", p);
  if (!row) return std::nullopt;
  return OrgFromRow(*row);
}

std::vector<Organization> ListOrganizations(db::Session& s, const std::string& query,
                                            const std::optional<std::string>& after_key,
                                            int limit) {
  std::string sql =
      std::string("SELECT ") + kOrgColumns + ", name_key FROM organizations WHERE 1 = 1";
  db::Params p;
  if (!query.empty()) {
    sql += " AND name_key LIKE :q";
    p.Set("q", "%" + NameKey(query) + "%");
  }
  if (after_key) {
    sql += " AND name_key > :after";
    p.Set("after", *after_key);
  }
  sql += " ORDER BY name_key LIMIT " + std::to_string(limit);
  std::vector<Organization> out;
  for (const auto& r : s.Query(sql, p)) out.push_back(OrgFromRow(r));
  return out;
}

void InsertOrganization(db::Session& s, const Organization& org, const std::string& created_by) {
  db::Params p;
  p.Set("id", org.id)
      .Set("name", org.name)
      .Set("key", NameKey(org.name))
      .Set("type", org.type)
      .Set("web", org.website)
      .Set("by", created_by.empty() ? std::nullopt : std::optional(created_by))
      .Set("now", org.created_at);
  s.Exec(
      "INSERT INTO organizations (id, name, name_key, type, website, created_by, version,"
      " created_at, updated_at) VALUES (:id, :name, :key, :type, :web, :by, 1, :now, :now)",
      p);
}

bool UpdateOrganization(db::Session& s, const Organization& org, int64_t expected_version) {
  db::Params p;
  p.Set("id", org.id)
      .Set("name", org.name)
      .Set("key", NameKey(org.name))
      .Set("type", org.type)
      .Set("web", org.website)
      .Set("now", NowText())
      .Set("v", expected_version);
  return s.Exec(
             "UPDATE organizations SET name = :name, name_key = :key, type = :type,"
             " website = :web, version = version + 1, updated_at = :now"
             " WHERE id = :id AND version = :v",
             p) == 1;
}

std::optional<User> FindUser(db::Session& s, const std::string& id) {
  db::Params p;
  p.Set("id", id);
  auto row = s.QueryOne(std::string("SELECT ") + kUserColumns + " FROM users WHERE id = :id", p);
  if (!row) return std::nullopt;
  return UserFromRow(*row);
}

std::optional<User> FindUserByEmail(db::Session& s, const std::string& email) {
  db::Params p;
  p.Set("email", NormalizeEmail(email));
  auto row =
      s.QueryOne(std::string("SELECT ") + kUserColumns + " FROM users WHERE email = :email", p);
  if (!row) return std::nullopt;
  return UserFromRow(*row);
}

std::optional<std::string> PasswordHash(db::Session& s, const std::string& user_id) {
  db::Params p;
  p.Set("id", user_id);
  auto row = s.QueryOne("SELECT password_hash FROM users WHERE id = :id", p);
  if (!row) return std::nullopt;
  return row->OptStr("password_hash");
}

std::vector<User> ListUsers(db::Session& s, const std::string& organization_id,
                            const std::optional<std::string>& after_id, int limit) {
  std::string sql =
      std::string("SELECT ") + kUserColumns + " FROM users WHERE organization_id = :org";
  db::Params p;
  p.Set("org", organization_id);
  if (after_id) {
    sql += " AND id > :after";
    p.Set("after", *after_id);
  }
  sql += " ORDER BY id LIMIT " + std::to_string(limit);
  std::vector<User> out;
  for (const auto& r : s.Query(sql, p)) out.push_back(UserFromRow(r));
  return out;
}

int64_t CountActiveAdmins(db::Session& s, const std::string& organization_id) {
  db::Params p;
  p.Set("org", organization_id);
  return s
      .QueryOne(
          "SELECT COUNT(*) AS n FROM users WHERE organization_id = :org"
          " AND org_role = 'admin' AND active = 1",
          p)
      ->Int("n");
}

void InsertUser(db::Session& s, const User& user, const std::optional<std::string>& password_hash) {
  db::Params p;
  p.Set("id", user.id)
      .Set("org", user.organization_id)
      .Set("email", NormalizeEmail(user.email))
      .Set("name", user.name)
      .Set("hash", password_hash)
      .Set("role", user.org_role)
      .Set("active", user.active)
      .Set("now", user.created_at);
  s.Exec(
      "INSERT INTO users (id, organization_id, email, name, password_hash, org_role, active,"
      " version, created_at, updated_at) VALUES (:id, :org, :email, :name, :hash, :role,"
      " :active, 1, :now, :now)",
      p);
}

bool UpdateUser(db::Session& s, const User& user, int64_t expected_version) {
  db::Params p;
  p.Set("id", user.id)
      .Set("name", user.name)
      .Set("role", user.org_role)
      .Set("active", user.active)
      .Set("now", NowText())
      .Set("v", expected_version);
  return s.Exec(
             "UPDATE users SET name = :name, org_role = :role, active = :active,"
             " version = version + 1, updated_at = :now WHERE id = :id AND version = :v",
             p) == 1;
}

void SetPassword(db::Session& s, const std::string& user_id, const std::string& password_hash) {
  db::Params p;
  p.Set("id", user_id).Set("hash", password_hash).Set("now", NowText());
  s.Exec("UPDATE users SET password_hash = :hash, updated_at = :now WHERE id = :id", p);
}

void InsertInvitation(db::Session& s, const Invitation& i, const std::string& token_hash) {
  db::Params p;
  p.Set("id", i.id)
      .Set("hash", token_hash)
      .Set("email", NormalizeEmail(i.email))
      .Set("name", i.name)
      .Set("org", i.organization_id)
      .Set("alliance", i.alliance_id)
      .Set("role", i.alliance_role)
      .Set("by", i.invited_by)
      .Set("now", i.created_at)
      .Set("exp", i.expires_at);
  s.Exec(
      "INSERT INTO invitations (id, token_hash, email, name, organization_id, alliance_id,"
      " alliance_role, invited_by, created_at, expires_at) VALUES (:id, :hash, :email, :name,"
      " :org, :alliance, :role, :by, :now, :exp)",
      p);
}

std::optional<InvitationRow> FindInvitation(db::Session& s, const std::string& id) {
  db::Params p;
  p.Set("id", id);
  auto row = s.QueryOne(
      std::string("SELECT ") + kInvitationColumns + kInvitationFrom + " WHERE i.id = :id", p);
  if (!row) return std::nullopt;
  return InvitationFromRow(*row);
}

std::optional<InvitationRow> FindInvitationByTokenHash(db::Session& s, const std::string& hash) {
  db::Params p;
  p.Set("hash", hash);
  auto row = s.QueryOne(
      std::string("SELECT ") + kInvitationColumns + kInvitationFrom + " WHERE i.token_hash = :hash",
      p);
  if (!row) return std::nullopt;
  return InvitationFromRow(*row);
}

std::vector<InvitationRow> ListInvitations(db::Session& s, const std::string& organization_id,
                                           const std::optional<std::string>& after_id, int limit) {
  // Invitations the organisation sent: invited by one of its people.
  std::string sql = std::string("SELECT ") + kInvitationColumns + kInvitationFrom +
                    " JOIN users inviter ON inviter.id = i.invited_by"
                    " WHERE inviter.organization_id = :org";
  db::Params p;
  p.Set("org", organization_id);
  if (after_id) {
    sql += " AND i.id < :after";
    p.Set("after", *after_id);
  }
  sql += " ORDER BY i.id DESC LIMIT " + std::to_string(limit);
  std::vector<InvitationRow> out;
  for (const auto& r : s.Query(sql, p)) out.push_back(InvitationFromRow(r));
  return out;
}

bool MarkInvitationAccepted(db::Session& s, const std::string& id, const std::string& user_id) {
  db::Params p;
  p.Set("id", id).Set("user", user_id).Set("now", NowText());
  return s.Exec(
             "UPDATE invitations SET accepted_at = :now, accepted_user_id = :user"
             " WHERE id = :id AND accepted_at IS NULL AND revoked_at IS NULL",
             p) == 1;
}

bool MarkInvitationRevoked(db::Session& s, const std::string& id) {
  db::Params p;
  p.Set("id", id).Set("now", NowText());
  return s.Exec(
             "UPDATE invitations SET revoked_at = :now"
             " WHERE id = :id AND accepted_at IS NULL AND revoked_at IS NULL",
             p) == 1;
}

std::vector<TokenRow> ListTokens(db::Session& s, const std::string& user_id_or_empty,
                                 const std::string& organization_id) {
  std::string sql =
      std::string("SELECT ") + kTokenColumns +
      " FROM api_tokens t JOIN users u ON u.id = t.user_id WHERE u.organization_id = :org";
  db::Params p;
  p.Set("org", organization_id);
  if (!user_id_or_empty.empty()) {
    sql += " AND t.user_id = :user";
    p.Set("user", user_id_or_empty);
  }
  sql += " ORDER BY t.created_at DESC, t.id DESC LIMIT 500";
  std::vector<TokenRow> out;
  for (const auto& r : s.Query(sql, p)) out.push_back(TokenFromRow(r));
  return out;
}

std::optional<TokenRow> FindToken(db::Session& s, const std::string& id) {
  db::Params p;
  p.Set("id", id);
  auto row =
      s.QueryOne(std::string("SELECT ") + kTokenColumns + " FROM api_tokens t WHERE t.id = :id", p);
  if (!row) return std::nullopt;
  return TokenFromRow(*row);
}

bool RevokeToken(db::Session& s, const std::string& id) {
  db::Params p;
  p.Set("id", id).Set("now", NowText());
  return s.Exec("UPDATE api_tokens SET revoked_at = :now WHERE id = :id AND revoked_at IS NULL",
                p) == 1;
}

}  // namespace northstar::accounts::store
