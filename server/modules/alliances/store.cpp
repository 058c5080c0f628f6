#include "modules/alliances/store.hpp"

#include <algorithm>
#include <map>

#include "platform/common/json.hpp"
#include "platform/common/time.hpp"

namespace northstar::alliances::store {
namespace {

constexpr char kAllianceColumns[] =
    "a.id, a.name, a.type, a.therapeutic_areas, a.territory, a.description, a.stage,"
    " a.archived, a.north_star_statement, a.north_star_beneficiaries, a.created_by, a.version,"
    " a.created_at, a.updated_at";
constexpr char kPartiesOf[] =
    "SELECT p.alliance_id, p.organization_id, o.name AS organization_name,"
    " o.type AS organization_type, p.role, p.contribution, p.expected_value,"
    " CASE WHEN EXISTS (SELECT 1 FROM alliance_members pm WHERE pm.alliance_id = p.alliance_id"
    " AND pm.organization_id = p.organization_id AND pm.role = 'manager') THEN 1 ELSE 0 END"
    " AS has_manager"
    " FROM alliance_parties p JOIN organizations o ON o.id = p.organization_id";
// The caller's party's own tier and note, and how many proposals wait: added to an alliance
// select that has the caller's party as `:viewer_org_expr` (see ViewerColumns).
constexpr char kOpenProposals[] =
    ", (SELECT COUNT(*) FROM alliance_proposals ap WHERE ap.alliance_id = a.id"
    " AND ap.status = 'open') AS open_proposals, pr.tier AS my_tier, pr.note AS my_note";
constexpr char kInsertAlliance[] =
    "INSERT INTO alliances (id, name, type, therapeutic_areas, territory, description, stage,"
    " archived, north_star_statement, north_star_beneficiaries, created_by, version, created_at,"
    " updated_at) VALUES (:id, :name, :type, :areas, :territory, :description, :stage,"
    " :archived, :statement, :beneficiaries, :by, 1, :now, :now)";
constexpr char kUpdateAlliance[] =
    "UPDATE alliances SET name = :name, type = :type, therapeutic_areas = :areas,"
    " territory = :territory, description = :description, stage = :stage,"
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
          r.Str("contribution"),      r.Str("expected_value"),
          r.Int("has_manager") != 0};
}

// A party that never set its own tier reads the default.
Priority PriorityFromRow(const db::Row& r) {
  Priority p;
  if (!r.IsNull("my_tier")) p.tier = r.Int("my_tier");
  if (!r.IsNull("my_note")) p.note = r.Str("my_note");
  return p;
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

// The health scores of these alliances (HealthScore): their alliance-wide waves closed by today,
// latest first, two per alliance. Waves are closed on the day a manager closed them or after
// their last open day.
void LoadHealth(db::Session& s, const std::vector<Alliance*>& alliances) {
  if (alliances.empty()) return;
  std::map<std::string, Alliance*> by_id;
  std::string in;
  db::Params p;
  p.Set("today", TodayText());
  for (size_t i = 0; i < alliances.size(); ++i) {
    in += (i ? ", :a" : ":a") + std::to_string(i);
    p.Set("a" + std::to_string(i), alliances[i]->id);
    by_id[alliances[i]->id] = alliances[i];
  }
  std::map<std::string, int64_t> seen;  // rows read per alliance
  const auto score = [](const db::Row& r) -> std::optional<double> {
    if (r.IsNull("overall_score")) return std::nullopt;
    return static_cast<double>(r.Int("overall_score")) / 100.0;
  };
  for (const auto& r :
       s.Query("SELECT alliance_id, id, title, COALESCE(closed_on, closes_on) AS closed_day,"
               " overall_score FROM health_waves WHERE alliance_id IN (" +
                   in +
                   ") AND visibility = 'alliance' AND (closed_on <= :today OR closes_on < :today)"
                   " ORDER BY alliance_id, closed_day DESC, id DESC",
               p)) {
    Alliance& a = *by_id.at(r.Str("alliance_id"));
    const int64_t n = seen[a.id]++;
    if (n == 0)
      a.health = HealthScore{r.Str("id"), r.Str("title"), r.Str("closed_day"), score(r), {}};
    if (n == 1) a.health->previous_score = score(r);
  }
}

std::optional<Alliance> FindAlliance(db::Session& s, const std::string& id) {
  db::Params p;
  p.Set("id", id);
  auto row = s.QueryOne(
      std::string("SELECT ") + kAllianceColumns + " FROM alliances a WHERE a.id = :id", p);
  if (!row) return std::nullopt;
  Alliance a = AllianceFromRow(*row);
  a.parties = LoadParties(s, id);
  LoadHealth(s, {&a});
  return a;
}

std::optional<AllianceWithMembership> FindAllianceForMember(db::Session& s, const std::string& id,
                                                            const std::string& user_id) {
  db::Params p;
  p.Set("id", id).Set("acc_member_user", user_id);
  auto row = s.QueryOne(std::string("SELECT ") + kAllianceColumns + access::kMembershipColumns +
                            kOpenProposals + " FROM alliances a" + access::kMembershipJoin +
                            " LEFT JOIN party_priorities pr ON pr.alliance_id = a.id"
                            " AND pr.organization_id = acc_m.organization_id WHERE a.id = :id",
                        p);
  if (!row) return std::nullopt;
  AllianceWithMembership out{AllianceFromRow(*row), access::ReadJoinedMembership(*row),
                             PriorityFromRow(*row), row->Int("open_proposals")};
  out.alliance.parties = LoadParties(s, id);
  LoadHealth(s, {&out.alliance});
  return out;
}

// Sorting by health: the latest closed alliance-wide wave's score in hundredths (as LoadHealth
// finds it), those without one last in either direction.
std::string HealthSortKey(bool descending) {
  return std::string(
             "COALESCE((SELECT hw.overall_score FROM health_waves hw WHERE hw.alliance_id = a.id"
             " AND hw.visibility = 'alliance' AND (hw.closed_on <= :today OR hw.closes_on < "
             ":today) ORDER BY COALESCE(hw.closed_on, hw.closes_on) DESC, hw.id DESC LIMIT 1), ") +
         (descending ? "-1" : "1000000") + ")";
}

std::vector<ListedAlliance> ListAlliances(db::Session& s, const std::string& user_id,
                                          const AllianceFilter& f, int limit) {
  std::string sql = std::string("SELECT ") + kAllianceColumns + kOpenProposals +
                    ", m.role AS my_role, m.organization_id AS my_org FROM alliances a"
                    " JOIN alliance_members m ON m.alliance_id = a.id AND m.user_id = :user"
                    " LEFT JOIN party_priorities pr ON pr.alliance_id = a.id"
                    " AND pr.organization_id = m.organization_id"
                    " WHERE 1 = 1";
  db::Params p;
  p.Set("user", user_id);
  if (f.archived == "false") sql += " AND a.archived = 0";
  if (f.archived == "true") sql += " AND a.archived = 1";
  if (f.stage) sql += " AND a.stage = :stage", p.Set("stage", *f.stage);
  if (f.type) sql += " AND a.type = :type", p.Set("type", *f.type);
  if (f.tier) {
    sql += " AND COALESCE(pr.tier, " + std::to_string(kDefaultTier) + ") = :tier";
    p.Set("tier", *f.tier);
  }
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
  const bool by_health = f.sort == "health" || f.sort == "-health";
  const bool descending = !f.sort.empty() && f.sort.front() == '-';
  const std::string column = by_name     ? "a.name"
                             : by_health ? HealthSortKey(descending)
                                         : "a.updated_at";
  const std::string cmp = descending ? "<" : ">";
  if (f.after_value && f.after_id) {
    sql += " AND (" + column + " " + cmp + " :after_v OR (" + column + " = :after_v AND a.id " +
           cmp + " :after_id))";
    if (by_health) {
      p.Set("after_v", static_cast<int64_t>(std::stoll(*f.after_value)));
    } else {
      p.Set("after_v", *f.after_value);
    }
    p.Set("after_id", *f.after_id);
  }
  if (by_health) p.Set("today", TodayText());
  const std::string dir = descending ? " DESC" : " ASC";
  sql += " ORDER BY " + column + dir + ", a.id" + dir + " LIMIT " + std::to_string(limit);
  std::vector<ListedAlliance> out;
  for (const auto& r : s.Query(sql, p)) {
    out.push_back({AllianceFromRow(r), r.Str("my_role"), r.Str("my_org"), PriorityFromRow(r),
                   r.Int("open_proposals")});
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
  std::vector<Alliance*> page;
  for (auto& l : out) {
    l.alliance.parties = std::move(parties[l.alliance.id]);
    page.push_back(&l.alliance);
  }
  LoadHealth(s, page);
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

std::optional<std::string> OrganizationName(db::Session& s, const std::string& id) {
  db::Params p;
  p.Set("id", id);
  auto row = s.QueryOne("SELECT name FROM organizations WHERE id = :id", p);
  if (!row) return std::nullopt;
  return row->Str("name");
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

Priority FindPriority(db::Session& s, const std::string& alliance_id,
                      const std::string& organization_id) {
  db::Params p;
  p.Set("a", alliance_id).Set("o", organization_id);
  auto row = s.QueryOne(
      "SELECT tier AS my_tier, note AS my_note FROM party_priorities"
      " WHERE alliance_id = :a AND organization_id = :o",
      p);
  return row ? PriorityFromRow(*row) : Priority{};
}

void SavePriority(db::Session& s, const std::string& alliance_id,
                  const std::string& organization_id, const Priority& priority,
                  const std::string& user_id, const std::string& now) {
  db::Params p;
  p.Set("a", alliance_id)
      .Set("o", organization_id)
      .Set("tier", priority.tier)
      .Set("note", priority.note)
      .Set("by", user_id)
      .Set("now", now);
  s.Exec(
      "INSERT INTO party_priorities (alliance_id, organization_id, tier, note, updated_by,"
      " updated_at) VALUES (:a, :o, :tier, :note, :by, :now)"
      " ON CONFLICT (alliance_id, organization_id) DO UPDATE SET tier = excluded.tier,"
      " note = excluded.note, updated_by = excluded.updated_by, updated_at = excluded.updated_at",
      p);
}

int64_t CountOpenProposals(db::Session& s, const std::string& alliance_id) {
  db::Params p;
  p.Set("a", alliance_id);
  return s
      .QueryOne(
          "SELECT COUNT(*) AS n FROM alliance_proposals WHERE alliance_id = :a"
          " AND status = 'open'",
          p)
      ->Int("n");
}

namespace {

constexpr char kProposalColumns[] =
    "SELECT ap.id, ap.alliance_id, ap.organization_id, o.name AS organization_name,"
    " ap.proposed_by, u.name AS proposed_by_name, ap.reason, ap.before_fields, ap.after_fields,"
    " ap.status, ap.version, ap.created_at, ap.closed_at FROM alliance_proposals ap"
    " JOIN organizations o ON o.id = ap.organization_id JOIN users u ON u.id = ap.proposed_by";
constexpr char kDecisionColumns[] =
    "SELECT d.proposal_id, d.organization_id, o.name AS organization_name, d.decision, d.reason,"
    " d.decided_by, u.name AS decided_by_name, d.decided_at"
    " FROM alliance_proposal_decisions d JOIN organizations o ON o.id = d.organization_id"
    " JOIN users u ON u.id = d.decided_by";

SharedFields SharedFieldsFromText(const std::string& text) {
  auto parsed = ParseJsonObject(text);
  return parsed.ok() ? SharedFieldsFromJson(parsed.value()) : SharedFields{};
}

Proposal ProposalFromRow(const db::Row& r) {
  Proposal p;
  p.id = r.Str("id");
  p.alliance_id = r.Str("alliance_id");
  p.organization_id = r.Str("organization_id");
  p.organization_name = r.Str("organization_name");
  p.proposed_by = r.Str("proposed_by");
  p.proposed_by_name = r.Str("proposed_by_name");
  p.reason = r.Str("reason");
  p.before = SharedFieldsFromText(r.Str("before_fields"));
  p.after = SharedFieldsFromText(r.Str("after_fields"));
  p.status = r.Str("status");
  p.version = r.Int("version");
  p.created_at = r.Str("created_at");
  if (!r.IsNull("closed_at")) p.closed_at = r.Str("closed_at");
  return p;
}

ProposalDecision DecisionFromRow(const db::Row& r) {
  ProposalDecision d;
  d.organization_id = r.Str("organization_id");
  d.organization_name = r.Str("organization_name");
  d.decision = r.Str("decision");
  if (!r.IsNull("reason")) d.reason = r.Str("reason");
  d.decided_by = r.Str("decided_by");
  d.decided_by_name = r.Str("decided_by_name");
  d.decided_at = r.Str("decided_at");
  return d;
}

// One query for the decisions of a page of proposals.
void LoadDecisions(db::Session& s, std::vector<Proposal>& proposals) {
  if (proposals.empty()) return;
  std::string in;
  db::Params p;
  std::map<std::string, Proposal*> by_id;
  for (size_t i = 0; i < proposals.size(); ++i) {
    in += (i ? ", :p" : ":p") + std::to_string(i);
    p.Set("p" + std::to_string(i), proposals[i].id);
    by_id[proposals[i].id] = &proposals[i];
  }
  for (const auto& r : s.Query(std::string(kDecisionColumns) + " WHERE d.proposal_id IN (" + in +
                                   ") ORDER BY d.decided_at, d.organization_id",
                               p)) {
    by_id[r.Str("proposal_id")]->decisions.push_back(DecisionFromRow(r));
  }
}

}  // namespace

void InsertProposal(db::Session& s, const Proposal& proposal) {
  db::Params p;
  p.Set("id", proposal.id)
      .Set("a", proposal.alliance_id)
      .Set("o", proposal.organization_id)
      .Set("by", proposal.proposed_by)
      .Set("reason", proposal.reason)
      .Set("before", json::serialize(SharedFieldsJson(proposal.before)))
      .Set("after", json::serialize(SharedFieldsJson(proposal.after)))
      .Set("status", proposal.status)
      .Set("now", proposal.created_at)
      .Set("closed", proposal.closed_at);
  s.Exec(
      "INSERT INTO alliance_proposals (id, alliance_id, organization_id, proposed_by, reason,"
      " before_fields, after_fields, status, version, created_at, closed_at) VALUES (:id, :a, :o,"
      " :by, :reason, :before, :after, :status, 1, :now, :closed)",
      p);
}

std::optional<Proposal> FindProposal(db::Session& s, const std::string& alliance_id,
                                     const std::string& id) {
  db::Params p;
  p.Set("a", alliance_id).Set("id", id);
  auto row =
      s.QueryOne(std::string(kProposalColumns) + " WHERE ap.alliance_id = :a AND ap.id = :id", p);
  if (!row) return std::nullopt;
  std::vector<Proposal> one{ProposalFromRow(*row)};
  LoadDecisions(s, one);
  return std::move(one.front());
}

std::vector<Proposal> ListProposals(db::Session& s, const std::string& alliance_id,
                                    const std::string& status,
                                    const std::optional<std::pair<std::string, std::string>>& after,
                                    int limit) {
  db::Params p;
  p.Set("a", alliance_id);
  std::string sql = std::string(kProposalColumns) + " WHERE ap.alliance_id = :a";
  if (status == "open") sql += " AND ap.status = 'open'";
  if (status == "closed") sql += " AND ap.status <> 'open'";
  if (after) {
    sql += " AND (ap.created_at < :after_at OR (ap.created_at = :after_at AND ap.id < :after_id))";
    p.Set("after_at", after->first).Set("after_id", after->second);
  }
  sql += " ORDER BY ap.created_at DESC, ap.id DESC LIMIT " + std::to_string(limit);
  std::vector<Proposal> out;
  for (const auto& r : s.Query(sql, p)) out.push_back(ProposalFromRow(r));
  LoadDecisions(s, out);
  return out;
}

bool UpdateProposal(db::Session& s, const Proposal& proposal, int64_t expected_version) {
  db::Params p;
  p.Set("id", proposal.id)
      .Set("status", proposal.status)
      .Set("closed", proposal.closed_at)
      .Set("v", expected_version);
  return s.Exec(
             "UPDATE alliance_proposals SET status = :status, closed_at = :closed,"
             " version = version + 1 WHERE id = :id AND version = :v",
             p) == 1;
}

void InsertProposalDecision(db::Session& s, const std::string& proposal_id,
                            const ProposalDecision& d) {
  db::Params p;
  p.Set("p", proposal_id)
      .Set("o", d.organization_id)
      .Set("decision", d.decision)
      .Set("reason", d.reason)
      .Set("by", d.decided_by)
      .Set("at", d.decided_at);
  s.Exec(
      "INSERT INTO alliance_proposal_decisions (proposal_id, organization_id, decision, reason,"
      " decided_by, decided_at) VALUES (:p, :o, :decision, :reason, :by, :at)",
      p);
}

}  // namespace northstar::alliances::store
