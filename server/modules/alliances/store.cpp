#include "modules/alliances/store.hpp"

#include <algorithm>
#include <map>

#include "platform/common/json.hpp"
#include "platform/common/time.hpp"

namespace northstar::alliances::store {
namespace {

constexpr char kAllianceColumns[] =
    "a.id, a.name, a.type, a.therapeutic_areas, a.territory, a.tier, a.description, a.stage,"
    " a.archived, a.north_star_statement, a.north_star_beneficiaries, a.created_by, a.version,"
    " a.created_at, a.updated_at";
constexpr char kPartiesOf[] =
    "SELECT p.alliance_id, p.organization_id, o.name AS organization_name,"
    " o.type AS organization_type, p.role, p.contribution, p.expected_value"
    " FROM alliance_parties p JOIN organizations o ON o.id = p.organization_id";
constexpr char kInsertAlliance[] =
    "INSERT INTO alliances (id, name, type, therapeutic_areas, territory, tier, description, stage,"
    " archived, north_star_statement, north_star_beneficiaries, created_by, version, created_at,"
    " updated_at) VALUES (:id, :name, :type, :areas, :territory, :tier, :description, :stage,"
    " :archived, :statement, :beneficiaries, :by, 1, :now, :now)";
constexpr char kUpdateAlliance[] =
    "UPDATE alliances SET name = :name, type = :type, therapeutic_areas = :areas,"
    " territory = :territory, tier = :tier, description = :description, stage = :stage,"
    " archived = :archived, north_star_statement = :statement,"
    " north_star_beneficiaries = :beneficiaries, version = version + 1, updated_at = :now"
    " WHERE id = :id AND version = :v";
constexpr char kInsertParty[] =
    "INSERT INTO alliance_parties (alliance_id, organization_id, role, contribution,"
    " expected_value, position) VALUES (:a, :o, :role, :contribution, :value, :pos)";
constexpr char kMemberColumns[] =
    "SELECT m.user_id, u.name, u.email, m.organization_id, m.role, m.version, m.added_at"
    " FROM alliance_members m JOIN users u ON u.id = m.user_id";
constexpr char kNoteColumns[] =
    "SELECT n.id, n.alliance_id, n.title, n.body, n.entry_date, n.visibility,"
    " n.owner_organization_id, o.name AS owner_organization_name, n.owner_user_id,"
    " u.name AS author_name, n.readers, n.version, n.created_at, n.updated_at"
    " FROM notes n JOIN organizations o ON o.id = n.owner_organization_id"
    " JOIN users u ON u.id = n.owner_user_id";

Alliance AllianceFromRow(const db::Row& r) {
  Alliance a;
  a.id = r.Str("id");
  a.name = r.Str("name");
  a.type = r.Str("type");
  a.therapeutic_areas = StringsFromJsonText(r.Str("therapeutic_areas"));
  a.territory = r.Str("territory");
  a.tier = r.Int("tier");
  a.description = r.Str("description");
  a.stage = r.Str("stage");
  a.archived = r.Bool("archived");
  a.north_star_statement = r.Str("north_star_statement");
  a.north_star_beneficiaries = r.Str("north_star_beneficiaries");
  a.created_by = r.Str("created_by");
  a.version = r.Int("version");
  a.created_at = r.Str("created_at");
  a.updated_at = r.Str("updated_at");
  return a;
}

Party PartyFromRow(const db::Row& r) {
  return {r.Str("organization_id"),   r.Str("organization_name"),
          r.Str("organization_type"), r.Str("role"),
          r.Str("contribution"),      r.Str("expected_value")};
}

Member MemberFromRow(const db::Row& r) {
  return {r.Str("user_id"), r.Str("name"),    r.Str("email"),   r.Str("organization_id"),
          r.Str("role"),    r.Int("version"), r.Str("added_at")};
}

Note NoteFromRow(const db::Row& r) {
  Note n;
  n.id = r.Str("id");
  n.alliance_id = r.Str("alliance_id");
  n.title = r.Str("title");
  n.body = r.Str("body");
  n.entry_date = r.Str("entry_date");
  n.visibility = r.Str("visibility");
  n.owner_organization_id = r.Str("owner_organization_id");
  n.owner_organization_name = r.Str("owner_organization_name");
  n.owner_user_id = r.Str("owner_user_id");
  n.author_name = r.Str("author_name");
  n.readers = access::ReadersFromJson(r.Str("readers"));
  n.version = r.Int("version");
  n.created_at = r.Str("created_at");
  n.updated_at = r.Str("updated_at");
  return n;
}

void BindAlliance(db::Params& p, const Alliance& a) {
  p.Set("id", a.id)
      .Set("name", a.name)
      .Set("type", a.type)
      .Set("areas", json::serialize(ToJsonArray(a.therapeutic_areas)))
      .Set("territory", a.territory)
      .Set("tier", a.tier)
      .Set("description", a.description)
      .Set("stage", a.stage)
      .Set("archived", a.archived)
      .Set("statement", a.north_star_statement)
      .Set("beneficiaries", a.north_star_beneficiaries);
}

void InsertParties(db::Session& s, const Alliance& a) {
  for (size_t i = 0; i < a.parties.size(); ++i) {
    const Party& party = a.parties[i];
    db::Params p;
    p.Set("a", a.id)
        .Set("o", party.organization_id)
        .Set("role", party.role)
        .Set("contribution", party.contribution)
        .Set("value", party.expected_value)
        .Set("pos", static_cast<int64_t>(i));
    s.Exec(kInsertParty, p);
  }
}

}  // namespace

std::string LikePattern(const std::string& text) {
  std::string out = "%";
  for (char c : text) {
    if (c == '%' || c == '_' || c == '\\') out.push_back('\\');
    out.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
  }
  return out + "%";
}

std::vector<Party> LoadParties(db::Session& s, const std::string& alliance_id) {
  db::Params p;
  p.Set("a", alliance_id);
  std::vector<Party> out;
  for (const auto& r :
       s.Query(std::string(kPartiesOf) + " WHERE p.alliance_id = :a ORDER BY p.position", p)) {
    out.push_back(PartyFromRow(r));
  }
  return out;
}

std::optional<Alliance> FindAlliance(db::Session& s, const std::string& id) {
  db::Params p;
  p.Set("id", id);
  auto row = s.QueryOne(
      std::string("SELECT ") + kAllianceColumns + " FROM alliances a WHERE a.id = :id", p);
  if (!row) return std::nullopt;
  Alliance a = AllianceFromRow(*row);
  a.parties = LoadParties(s, id);
  return a;
}

std::optional<AllianceWithMembership> FindAllianceForMember(db::Session& s, const std::string& id,
                                                            const std::string& user_id) {
  db::Params p;
  p.Set("id", id).Set("acc_member_user", user_id);
  auto row = s.QueryOne(std::string("SELECT ") + kAllianceColumns + access::kMembershipColumns +
                            " FROM alliances a" + access::kMembershipJoin + " WHERE a.id = :id",
                        p);
  if (!row) return std::nullopt;
  AllianceWithMembership out{AllianceFromRow(*row), access::ReadJoinedMembership(*row)};
  out.alliance.parties = LoadParties(s, id);
  return out;
}

std::vector<ListedAlliance> ListAlliances(db::Session& s, const std::string& user_id,
                                          const AllianceFilter& f, int limit) {
  std::string sql = std::string("SELECT ") + kAllianceColumns +
                    ", m.role AS my_role, m.organization_id AS my_org FROM alliances a"
                    " JOIN alliance_members m ON m.alliance_id = a.id AND m.user_id = :user"
                    " WHERE 1 = 1";
  db::Params p;
  p.Set("user", user_id);
  if (f.archived == "false") sql += " AND a.archived = 0";
  if (f.archived == "true") sql += " AND a.archived = 1";
  if (f.stage) sql += " AND a.stage = :stage", p.Set("stage", *f.stage);
  if (f.type) sql += " AND a.type = :type", p.Set("type", *f.type);
  if (f.tier) sql += " AND a.tier = :tier", p.Set("tier", *f.tier);
  if (f.party) {
    sql +=
        " AND EXISTS (SELECT 1 FROM alliance_parties fp WHERE fp.alliance_id = a.id"
        " AND fp.organization_id = :party)";
    p.Set("party", *f.party);
  }
  if (f.query && !f.query->empty()) {
    sql +=
        " AND (LOWER(a.name) LIKE :q ESCAPE '\\' OR LOWER(a.description) LIKE :q ESCAPE '\\'"
        " OR LOWER(a.therapeutic_areas) LIKE :q ESCAPE '\\' OR LOWER(a.territory) LIKE :q ESCAPE "
        "'\\'"
        " OR EXISTS (SELECT 1 FROM alliance_parties qp JOIN organizations qo"
        " ON qo.id = qp.organization_id WHERE qp.alliance_id = a.id AND qo.name_key LIKE :q ESCAPE "
        "'\\'))";
    p.Set("q", LikePattern(*f.query));
  }
  const bool by_name = f.sort == "name" || f.sort == "-name";
  const bool descending = !f.sort.empty() && f.sort.front() == '-';
  const std::string column = by_name ? "a.name" : "a.updated_at";
  const std::string cmp = descending ? "<" : ">";
  if (f.after_value && f.after_id) {
    sql += " AND (" + column + " " + cmp + " :after_v OR (" + column + " = :after_v AND a.id " +
           cmp + " :after_id))";
    p.Set("after_v", *f.after_value).Set("after_id", *f.after_id);
  }
  const std::string dir = descending ? " DESC" : " ASC";
  sql += " ORDER BY " + column + dir + ", a.id" + dir + " LIMIT " + std::to_string(limit);
  std::vector<ListedAlliance> out;
  for (const auto& r : s.Query(sql, p)) {
    out.push_back({AllianceFromRow(r), r.Str("my_role"), r.Str("my_org")});
  }
  if (out.empty()) return out;
  // One query for the parties of the whole page.
  std::string in;
  db::Params pp;
  for (size_t i = 0; i < out.size(); ++i) {
    in += (i ? ", :a" : ":a") + std::to_string(i);
    pp.Set("a" + std::to_string(i), out[i].alliance.id);
  }
  std::map<std::string, std::vector<Party>> parties;
  for (const auto& r : s.Query(std::string(kPartiesOf) + " WHERE p.alliance_id IN (" + in +
                                   ") ORDER BY p.alliance_id, p.position",
                               pp)) {
    parties[r.Str("alliance_id")].push_back(PartyFromRow(r));
  }
  for (auto& l : out) l.alliance.parties = std::move(parties[l.alliance.id]);
  return out;
}

void InsertAlliance(db::Session& s, const Alliance& a) {
  db::Params p;
  BindAlliance(p, a);
  p.Set("by", a.created_by).Set("now", a.created_at);
  s.Exec(kInsertAlliance, p);
  InsertParties(s, a);
}

bool UpdateAlliance(db::Session& s, const Alliance& a, int64_t expected_version) {
  db::Params p;
  BindAlliance(p, a);
  p.Set("now", a.updated_at).Set("v", expected_version);
  if (s.Exec(kUpdateAlliance, p) != 1) return false;
  db::Params d;
  d.Set("a", a.id);
  s.Exec("DELETE FROM alliance_parties WHERE alliance_id = :a", d);
  InsertParties(s, a);
  return true;
}

bool OrganizationExists(db::Session& s, const std::string& id) {
  db::Params p;
  p.Set("id", id);
  return s.QueryOne("SELECT id FROM organizations WHERE id = :id", p).has_value();
}

int64_t CountMembersOfParty(db::Session& s, const std::string& alliance_id,
                            const std::string& organization_id) {
  db::Params p;
  p.Set("a", alliance_id).Set("o", organization_id);
  return s
      .QueryOne(
          "SELECT COUNT(*) AS n FROM alliance_members WHERE alliance_id = :a"
          " AND organization_id = :o",
          p)
      ->Int("n");
}

void InsertTransition(db::Session& s, const std::string& alliance_id, const StageTransition& t) {
  db::Params p;
  p.Set("id", t.id)
      .Set("a", alliance_id)
      .Set("from", t.from)
      .Set("to", t.to)
      .Set("reason", t.reason)
      .Set("actor", t.actor_id)
      .Set("at", t.at);
  s.Exec(
      "INSERT INTO stage_transitions (id, alliance_id, from_stage, to_stage, reason, actor_id,"
      " at) VALUES (:id, :a, :from, :to, :reason, :actor, :at)",
      p);
}

std::vector<StageTransition> ListTransitions(db::Session& s, const std::string& alliance_id) {
  db::Params p;
  p.Set("a", alliance_id);
  std::vector<StageTransition> out;
  for (const auto& r : s.Query("SELECT t.id, t.from_stage, t.to_stage, t.reason, t.actor_id,"
                               " u.name AS actor_name, t.at FROM stage_transitions t"
                               " JOIN users u ON u.id = t.actor_id WHERE t.alliance_id = :a"
                               " ORDER BY t.at, t.id",
                               p)) {
    out.push_back({r.Str("id"), r.OptStr("from_stage"), r.Str("to_stage"), r.Str("reason"),
                   r.Str("actor_id"), r.Str("actor_name"), r.Str("at")});
  }
  return out;
}

std::vector<Member> ListMembers(db::Session& s, const std::string& alliance_id) {
  db::Params p;
  p.Set("a", alliance_id);
  std::vector<Member> out;
  for (const auto& r : s.Query(std::string(kMemberColumns) +
                                   " WHERE m.alliance_id = :a ORDER BY m.organization_id, u.name",
                               p)) {
    out.push_back(MemberFromRow(r));
  }
  return out;
}

std::optional<Member> FindMember(db::Session& s, const std::string& alliance_id,
                                 const std::string& user_id) {
  db::Params p;
  p.Set("a", alliance_id).Set("u", user_id);
  auto row =
      s.QueryOne(std::string(kMemberColumns) + " WHERE m.alliance_id = :a AND m.user_id = :u", p);
  if (!row) return std::nullopt;
  return MemberFromRow(*row);
}

void InsertMember(db::Session& s, const std::string& alliance_id, const Member& m,
                  const std::string& added_by) {
  db::Params p;
  p.Set("a", alliance_id)
      .Set("u", m.user_id)
      .Set("o", m.organization_id)
      .Set("role", m.role)
      .Set("by", added_by.empty() ? std::nullopt : std::optional(added_by))
      .Set("at", m.added_at);
  s.Exec(
      "INSERT INTO alliance_members (alliance_id, user_id, organization_id, role, version,"
      " added_by, added_at) VALUES (:a, :u, :o, :role, 1, :by, :at)",
      p);
}

bool UpdateMemberRole(db::Session& s, const std::string& alliance_id, const std::string& user_id,
                      const std::string& role, int64_t expected_version) {
  db::Params p;
  p.Set("a", alliance_id).Set("u", user_id).Set("role", role).Set("v", expected_version);
  return s.Exec(
             "UPDATE alliance_members SET role = :role, version = version + 1"
             " WHERE alliance_id = :a AND user_id = :u AND version = :v",
             p) == 1;
}

void DeleteMember(db::Session& s, const std::string& alliance_id, const std::string& user_id) {
  db::Params p;
  p.Set("a", alliance_id).Set("u", user_id);
  s.Exec("DELETE FROM alliance_members WHERE alliance_id = :a AND user_id = :u", p);
}

int64_t CountManagersOfParty(db::Session& s, const std::string& alliance_id,
                             const std::string& organization_id) {
  db::Params p;
  p.Set("a", alliance_id).Set("o", organization_id);
  return s
      .QueryOne(
          "SELECT COUNT(*) AS n FROM alliance_members WHERE alliance_id = :a"
          " AND organization_id = :o AND role = 'manager'",
          p)
      ->Int("n");
}

std::optional<UserSummary> FindUser(db::Session& s, const std::string& id) {
  db::Params p;
  p.Set("id", id);
  auto r =
      s.QueryOne("SELECT id, organization_id, name, email, active FROM users WHERE id = :id", p);
  if (!r) return std::nullopt;
  return UserSummary{r->Str("id"), r->Str("organization_id"), r->Str("name"), r->Str("email"),
                     r->Bool("active")};
}

std::optional<Note> FindNote(db::Session& s, const std::string& alliance_id,
                             const std::string& id) {
  db::Params p;
  p.Set("a", alliance_id).Set("id", id);
  auto row = s.QueryOne(std::string(kNoteColumns) + " WHERE n.alliance_id = :a AND n.id = :id", p);
  if (!row) return std::nullopt;
  return NoteFromRow(*row);
}

std::vector<Note> ListNotes(db::Session& s, const access::Membership& member,
                            const std::optional<std::string>& visibility,
                            const std::optional<std::pair<std::string, std::string>>& after,
                            int limit) {
  std::string sql =
      std::string(kNoteColumns) + " WHERE n.alliance_id = :a AND " + access::VisibleRecordsSql("n");
  db::Params p;
  p.Set("a", member.alliance_id);
  access::BindVisibility(p, member);
  if (visibility) sql += " AND n.visibility = :vis", p.Set("vis", *visibility);
  if (after) {
    sql += " AND (n.entry_date < :after_d OR (n.entry_date = :after_d AND n.id < :after_id))";
    p.Set("after_d", after->first).Set("after_id", after->second);
  }
  sql += " ORDER BY n.entry_date DESC, n.id DESC LIMIT " + std::to_string(limit);
  std::vector<Note> out;
  for (const auto& r : s.Query(sql, p)) out.push_back(NoteFromRow(r));
  return out;
}

void InsertNote(db::Session& s, const Note& n) {
  db::Params p;
  p.Set("id", n.id)
      .Set("a", n.alliance_id)
      .Set("title", n.title)
      .Set("body", n.body)
      .Set("date", n.entry_date)
      .Set("vis", n.visibility)
      .Set("org", n.owner_organization_id)
      .Set("user", n.owner_user_id)
      .Set("readers", access::ReadersToJson(n.readers))
      .Set("now", n.created_at);
  s.Exec(
      "INSERT INTO notes (id, alliance_id, title, body, entry_date, visibility,"
      " owner_organization_id, owner_user_id, readers, version, created_at, updated_at)"
      " VALUES (:id, :a, :title, :body, :date, :vis, :org, :user, :readers, 1, :now, :now)",
      p);
}

bool UpdateNote(db::Session& s, const Note& n, int64_t expected_version) {
  db::Params p;
  p.Set("id", n.id)
      .Set("title", n.title)
      .Set("body", n.body)
      .Set("date", n.entry_date)
      .Set("vis", n.visibility)
      .Set("readers", access::ReadersToJson(n.readers))
      .Set("now", NowText())
      .Set("v", expected_version);
  return s.Exec(
             "UPDATE notes SET title = :title, body = :body, entry_date = :date,"
             " visibility = :vis, readers = :readers, version = version + 1,"
             " updated_at = :now WHERE id = :id AND version = :v",
             p) == 1;
}

void DeleteNote(db::Session& s, const std::string& id) {
  db::Params p;
  p.Set("id", id);
  s.Exec("DELETE FROM notes WHERE id = :id", p);
}

}  // namespace northstar::alliances::store
