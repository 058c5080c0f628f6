#include "modules/governance/store.hpp"

#include <map>

#include "platform/common/ids.hpp"
#include "platform/common/json.hpp"
#include "platform/common/time.hpp"

namespace northstar::governance::store {
namespace {

// Children of several records, read in one query and handed to each record by its id.
template <typename T>
std::map<std::string, std::vector<T>> GroupBy(db::Session& s, const std::string& sql,
                                              const db::Params& p, const std::string& key,
                                              T (*from_row)(const db::Row&)) {
  std::map<std::string, std::vector<T>> out;
  for (const auto& r : s.Query(sql, p)) out[r.Str(key)].push_back(from_row(r));
  return out;
}

// ---- committees ----

constexpr char kSeatSelect[] =
    "SELECT cm.*, u.name AS name, o.name AS organization_name FROM committee_members cm"
    " JOIN users u ON u.id = cm.user_id JOIN organizations o ON o.id = cm.organization_id";

CommitteeMember SeatFromRow(const db::Row& r) {
  return CommitteeMember{r.Str("id"),   r.Str("committee_id"),    r.Str("user_id"),
                         r.Str("name"), r.Str("organization_id"), r.Str("organization_name"),
                         r.Str("role"), r.Str("joined_on"),       r.OptStr("left_on")};
}

// The seats of the committees `scope` selects (SQL of their ids, binding what `p` holds).
void LoadSeats(db::Session& s, const std::string& scope, const db::Params& p,
               std::vector<Committee>& list) {
  auto seats = GroupBy<CommitteeMember>(s,
                                        std::string(kSeatSelect) + " WHERE cm.committee_id IN (" +
                                            scope + ") ORDER BY cm.joined_on, cm.created_at, cm.id",
                                        p, "committee_id", SeatFromRow);
  for (auto& c : list) c.members = std::move(seats[c.id]);
}

const std::string& CommitteeSelect() {
  static const std::string sql = records::SelectRecords("committees");
  return sql;
}

// ---- decision rights ----

// Escalation levels are stored as JSON text.
void ReadDecisionRight(const db::Row& r, DecisionRight& d) {
  d.committee_name = r.Str("committee_name");
  d.levels = LevelsFromJson(r.Str("levels"));
}
void BindLevels(db::Params& p, const DecisionRight& d) { p.Set("levels", LevelsToJson(d.levels)); }

const std::string& DecisionRightSelect() {
  static const std::string sql = [] {
    std::string q = records::SelectRecords("decision_rights");
    q.replace(q.find(" FROM "), 0, ", cc.name AS committee_name");
    return q + " JOIN committees cc ON cc.id = r.committee_id";
  }();
  return sql;
}

// ---- issues ----

// The levels (JSON text), who raised it (joined) and the resolution (four columns).
void ReadIssue(const db::Row& r, Issue& i) {
  i.levels = LevelsFromJson(r.Str("levels"));
  i.raised_by_name = r.Str("raised_by_name");
  if (auto outcome = r.OptStr("outcome")) {
    i.resolution = Resolution{*outcome, StringsFromJsonText(r.Str("agreed_by")),
                              r.Str("resolved_on"), r.Str("resolved_by")};
  }
}

constexpr char kIssueColumns[] = "levels, outcome, agreed_by, resolved_on, resolved_by";
void BindIssue(db::Params& p, const Issue& i) {
  p.Set("levels", LevelsToJson(i.levels))
      .Set("outcome", i.resolution ? std::optional(i.resolution->outcome) : std::nullopt)
      .Set("agreed_by", i.resolution
                            ? std::optional(Serialize(ToJsonArray(i.resolution->agreed_by)))
                            : std::nullopt)
      .Set("resolved_on", i.resolution ? std::optional(i.resolution->resolved_on) : std::nullopt)
      .Set("resolved_by", i.resolution ? std::optional(i.resolution->resolved_by) : std::nullopt);
}

const std::string& IssueSelect() {
  static const std::string sql = [] {
    std::string q = records::SelectRecords("governance_issues");
    q.replace(q.find(" FROM "), 0, ", rb.name AS raised_by_name");
    return q + " JOIN users rb ON rb.id = r.raised_by";
  }();
  return sql;
}

// ---- meetings ----

// The committee's name, joined (meetings, decisions, decision rights).
template <typename T>
void ReadCommitteeName(const db::Row& r, T& x) {
  x.committee_name = r.Str("committee_name");
}

const std::string& MeetingSelect() {
  static const std::string sql = [] {
    std::string q = records::SelectRecords("meetings");
    q.replace(q.find(" FROM "), 0, ", cc.name AS committee_name");
    return q + " JOIN committees cc ON cc.id = r.committee_id";
  }();
  return sql;
}

AgendaItem AgendaFromRow(const db::Row& r) {
  AgendaItem a;
  a.id = r.Str("id");
  a.meeting_id = r.Str("meeting_id");
  a.position = r.Int("position");
  a.title = r.Str("title");
  a.owner_user_id = r.OptStr("owner_user_id");
  a.owner_name = r.OptStr("owner_name");
  a.time_box_minutes = r.Int("time_box_minutes");
  a.pre_reads = PreReadsFromJson(r.Str("pre_reads"));
  a.decision_sought = r.Str("decision_sought");
  a.minutes = r.Str("minutes");
  a.version = r.Int("version");
  a.created_at = r.Str("created_at");
  a.updated_at = r.Str("updated_at");
  return a;
}

AttendanceEntry AttendanceFromRow(const db::Row& r) {
  return AttendanceEntry{r.Str("user_id"), r.Str("name"), r.Str("organization_id"), r.Str("status"),
                         r.OptStr("delegate_name")};
}

MinutesReview ReviewFromRow(const db::Row& r) {
  return MinutesReview{r.Str("organization_id"), r.Str("decision"), r.OptStr("comment"),
                       r.Str("user_id"),         r.Str("by_name"),  r.Str("at")};
}

// Agenda, attendance and the current revision's reviews of the meetings, in three queries.
// `scope` is the SQL that selects the meetings' ids (binding :a and what else it needs).
void LoadMeetingParts(db::Session& s, const std::string& scope, const db::Params& p,
                      std::vector<Meeting>& list) {
  if (list.empty()) return;
  auto agenda =
      GroupBy<AgendaItem>(s,
                          "SELECT ai.*, u.name AS owner_name FROM agenda_items ai"
                          " LEFT JOIN users u ON u.id = ai.owner_user_id WHERE ai.meeting_id IN (" +
                              scope + ") ORDER BY ai.position, ai.created_at, ai.id",
                          p, "meeting_id", AgendaFromRow);
  auto attendance = GroupBy<AttendanceEntry>(
      s,
      "SELECT ma.*, u.name AS name FROM meeting_attendance ma JOIN users u ON u.id = ma.user_id"
      " WHERE ma.meeting_id IN (" +
          scope + ") ORDER BY u.name, ma.user_id",
      p, "meeting_id", AttendanceFromRow);
  auto reviews = GroupBy<MinutesReview>(
      s,
      "SELECT mr.*, u.name AS by_name FROM minutes_reviews mr JOIN users u ON u.id = mr.user_id"
      " JOIN meetings m ON m.id = mr.meeting_id AND m.minutes_revision = mr.revision"
      " WHERE mr.meeting_id IN (" +
          scope + ") ORDER BY mr.organization_id",
      p, "meeting_id", ReviewFromRow);
  for (auto& m : list) {
    m.agenda = std::move(agenda[m.id]);
    m.attendance = std::move(attendance[m.id]);
    m.reviews = std::move(reviews[m.id]);
  }
}

// ---- briefs, decisions, actions, stakeholders ----

const std::string& DecisionSelect() {
  static const std::string sql = [] {
    std::string q = records::SelectRecords("decisions");
    q.replace(q.find(" FROM "), 0, ", cc.name AS committee_name");
    return q + " JOIN committees cc ON cc.id = r.committee_id";
  }();
  return sql;
}

CastVote VoteFromRow(const db::Row& r) {
  return CastVote{r.Str("user_id"), r.Str("name"),    r.Str("organization_id"),
                  r.Str("vote"),    r.Str("comment"), r.Str("at")};
}

// The votes on the decisions `scope` selects (SQL of their ids, binding what `p` holds).
void LoadVotes(db::Session& s, const std::string& scope, const db::Params& p,
               std::vector<Decision>& list) {
  auto votes = GroupBy<CastVote>(
      s,
      "SELECT v.*, u.name AS name FROM decision_votes v JOIN users u ON u.id = v.user_id"
      " WHERE v.decision_id IN (" +
          scope + ") ORDER BY v.at, v.user_id",
      p, "decision_id", VoteFromRow);
  for (auto& d : list) d.votes = std::move(votes[d.id]);
}

// An action's owner is its responsible person.
void ReadOwner(const db::Row& r, ActionItem& a) {
  a.owner_user_id = r.Str("responsible_user_id");
  a.owner_name = r.Str("responsible_user_name");
}
void BindOwner(db::Params& p, const ActionItem& a) {
  p.Set("responsible_user_id", a.owner_user_id);
}

const std::string& ActionSelect() {
  static const std::string sql = records::SelectRecords("action_items", "responsible_user_id");
  return sql;
}

void ReadUserName(const db::Row& r, Stakeholder& k) {
  k.user_name = r.OptStr("responsible_user_name");
}

const std::string& StakeholderSelect() {
  static const std::string sql = records::SelectRecords("stakeholders", "user_id");
  return sql;
}

// The ids the children of `list` are read for: the one record's, or every record of the
// alliance (one query whatever the list's length).
template <typename T>
std::pair<std::string, db::Params> ChildScope(const char* table, const std::string& alliance_id,
                                              const std::vector<T>& list) {
  db::Params p;
  if (list.size() == 1) {
    p.Set("id", list.front().id);
    return {std::string("SELECT id FROM ") + table + " WHERE id = :id", p};
  }
  p.Set("a", alliance_id);
  return {std::string("SELECT id FROM ") + table + " WHERE alliance_id = :a", p};
}

void LoadCommitteeSeats(db::Session& s, const std::string& alliance_id,
                        std::vector<Committee>& list) {
  auto [scope, p] = ChildScope("committees", alliance_id, list);
  LoadSeats(s, scope, p, list);
}
void LoadMeetings(db::Session& s, const std::string& alliance_id, std::vector<Meeting>& list) {
  auto [scope, p] = ChildScope("meetings", alliance_id, list);
  LoadMeetingParts(s, scope, p, list);
}
void LoadDecisionVotes(db::Session& s, const std::string& alliance_id,
                       std::vector<Decision>& list) {
  auto [scope, p] = ChildScope("decisions", alliance_id, list);
  LoadVotes(s, scope, p, list);
}

// What belongs to a record goes with it; what only refers to it lets go.
void RemoveCommitteeRows(db::Session& s, const std::string& id) {
  db::Params p;
  p.Set("id", id);
  s.Exec("DELETE FROM committee_members WHERE committee_id = :id", p);
}
void RemoveIssueRows(db::Session& s, const std::string& id) {
  db::Params p;
  p.Set("id", id);
  s.Exec("DELETE FROM issue_levels WHERE issue_id = :id", p);
}
void RemoveMeetingRows(db::Session& s, const std::string& id) {
  db::Params p;
  p.Set("id", id);
  s.Exec("UPDATE decisions SET meeting_id = NULL, agenda_item_id = NULL WHERE meeting_id = :id", p);
  s.Exec("UPDATE action_items SET meeting_id = NULL WHERE meeting_id = :id", p);
  for (const char* child : {"agenda_items", "meeting_attendance", "minutes_reviews",
                            "minutes_revisions", "meeting_briefs"}) {
    s.Exec(std::string("DELETE FROM ") + child + " WHERE meeting_id = :id", p);
  }
}
void RemoveDecisionRows(db::Session& s, const std::string& id) {
  db::Params p;
  p.Set("id", id);
  s.Exec("UPDATE action_items SET decision_id = NULL WHERE decision_id = :id", p);
  s.Exec("DELETE FROM decision_votes WHERE decision_id = :id", p);
}

constexpr char kByCreation[] = "r.created_at, r.id";

}  // namespace

const Table<Committee>& Committees() {
  static const Table<Committee> t{.name = "committees",
                                  .select = CommitteeSelect(),
                                  .order = kByCreation,
                                  .load = LoadCommitteeSeats,
                                  .remove = RemoveCommitteeRows};
  return t;
}

const Table<DecisionRight>& DecisionRights() {
  static const Table<DecisionRight> t{.name = "decision_rights",
                                      .select = DecisionRightSelect(),
                                      .order = kByCreation,
                                      .read = ReadDecisionRight,
                                      .extra_columns = "levels",
                                      .bind = BindLevels};
  return t;
}

// Who raised an issue, when and under which decision right never change: written again as they
// are.
const Table<Issue>& Issues() {
  static const Table<Issue> t{.name = "governance_issues",
                              .select = IssueSelect(),
                              .order = kByCreation,
                              .read = ReadIssue,
                              .extra_columns = kIssueColumns,
                              .bind = BindIssue,
                              .remove = RemoveIssueRows};
  return t;
}

const Table<Meeting>& Meetings() {
  static const Table<Meeting> t{.name = "meetings",
                                .select = MeetingSelect(),
                                .order = "r.starts_at, r.id",
                                .read = ReadCommitteeName<Meeting>,
                                .load = LoadMeetings,
                                .remove = RemoveMeetingRows};
  return t;
}

// A brief stays with its meeting: written again as it is.
const Table<Brief>& Briefs() {
  static const Table<Brief> t{.name = "meeting_briefs",
                              .select = records::SelectRecords("meeting_briefs"),
                              .order = kByCreation};
  return t;
}

const Table<Decision>& Decisions() {
  static const Table<Decision> t{.name = "decisions",
                                 .select = DecisionSelect(),
                                 .order = "r.proposed_on DESC, r.created_at DESC, r.id",
                                 .read = ReadCommitteeName<Decision>,
                                 .load = LoadDecisionVotes,
                                 .remove = RemoveDecisionRows};
  return t;
}

const Table<ActionItem>& Actions() {
  static const Table<ActionItem> t{.name = "action_items",
                                   .select = ActionSelect(),
                                   .order = "r.due_on, r.id",
                                   .read = ReadOwner,
                                   .extra_columns = "responsible_user_id",
                                   .bind = BindOwner};
  return t;
}

const Table<Stakeholder>& Stakeholders() {
  static const Table<Stakeholder> t{.name = "stakeholders",
                                    .select = StakeholderSelect(),
                                    .order = kByCreation,
                                    .read = ReadUserName};
  return t;
}

// ---- committees ---------------------------------------------------------------------------

void TouchCommittee(db::Session& s, const std::string& id, const std::string& now) {
  records::TouchRecord(s, "committees", id, now);
}

void InsertSeat(db::Session& s, const CommitteeMember& m, const std::string& now) {
  db::Params p;
  p.Set("id", m.id)
      .Set("c", m.committee_id)
      .Set("user", m.user_id)
      .Set("org", m.organization_id)
      .Set("role", m.role)
      .Set("joined", m.joined_on)
      .Set("left", m.left_on)
      .Set("now", now);
  s.Exec(
      "INSERT INTO committee_members (id, committee_id, user_id, organization_id, role,"
      " joined_on, left_on, created_at) VALUES (:id, :c, :user, :org, :role, :joined, :left,"
      " :now)",
      p);
}

void EndSeat(db::Session& s, const std::string& seat_id, const std::string& left_on) {
  db::Params p;
  p.Set("id", seat_id).Set("left", left_on);
  s.Exec("UPDATE committee_members SET left_on = :left WHERE id = :id", p);
}

std::vector<Reference> ReferencesTo(db::Session& s, const std::string& committee_id) {
  db::Params p;
  p.Set("c", committee_id);
  std::vector<Reference> out;
  struct Kind {
    const char *type, *table, *title, *column;
  };
  const Kind kinds[] = {{"sub-committee", "committees", "name", "parent_id"},
                        {"meeting", "meetings", "title", "committee_id"},
                        {"decision", "decisions", "title", "committee_id"},
                        {"decision right", "decision_rights", "decision_type", "committee_id"}};
  // A decision right whose escalation path passes through the committee refers to it too.
  db::Params in_levels;
  in_levels.Set("c", committee_id).Set("quoted", "%\"" + committee_id + "\"%");
  for (const auto& r : s.Query(
           "SELECT id, decision_type AS title, visibility, owner_organization_id, owner_user_id,"
           " readers FROM decision_rights WHERE levels LIKE :quoted AND committee_id <> :c"
           " ORDER BY created_at, id",
           in_levels)) {
    out.push_back({"decision right", r.Str("id"), r.Str("title"), records::ScopeOfRow(r)});
  }
  for (const auto& [type, table, title, column] : kinds) {
    for (const auto& r : s.Query(std::string("SELECT id, ") + title +
                                     " AS title, visibility, owner_organization_id,"
                                     " owner_user_id, readers FROM " +
                                     table + " WHERE " + column + " = :c ORDER BY created_at, id",
                                 p)) {
      out.push_back({type, r.Str("id"), r.Str("title"), records::ScopeOfRow(r)});
    }
  }
  return out;
}

void DetachChildren(db::Session& s, const std::string& committee_id, const std::string& now) {
  db::Params p;
  p.Set("c", committee_id).Set("now", now);
  s.Exec(
      "UPDATE committees SET parent_id = NULL, version = version + 1, updated_at = :now"
      " WHERE parent_id = :c",
      p);
  s.Exec(
      "UPDATE stakeholders SET committee_id = NULL, version = version + 1, updated_at = :now"
      " WHERE committee_id = :c",
      p);
}

std::vector<HeldMeeting> MeetingsHeld(db::Session& s, const std::string& committee_id,
                                      const std::string& instant) {
  db::Params p;
  p.Set("c", committee_id).Set("t", instant);
  std::vector<HeldMeeting> out;
  for (const auto& r :
       s.Query("SELECT id, visibility, owner_organization_id, owner_user_id, readers FROM meetings"
               " WHERE committee_id = :c AND starts_at < :t AND status <> 'cancelled'"
               " ORDER BY starts_at, id",
               p)) {
    out.push_back({r.Str("id"), records::ScopeOfRow(r)});
  }
  return out;
}

// ---- issues -------------------------------------------------------------------------------

void InsertLevelEntry(db::Session& s, const std::string& issue_id, const IssueLevelEntry& e) {
  db::Params p;
  p.Set("id", NewId())
      .Set("issue", issue_id)
      .Set("level", e.level)
      .Set("name", e.level_name)
      .Set("entered", e.entered_on)
      .Set("due", e.due_on)
      .Set("reason", e.reason)
      .Set("note", e.note)
      .Set("by", e.by)
      .Set("now", NowText());
  s.Exec(
      "INSERT INTO issue_levels (id, issue_id, level, level_name, entered_on, due_on, reason,"
      " note, by_user_id, created_at) VALUES (:id, :issue, :level, :name, :entered, :due,"
      " :reason, :note, :by, :now)",
      p);
}

std::vector<IssueLevelEntry> ListLevelEntries(db::Session& s, const std::string& issue_id) {
  db::Params p;
  p.Set("issue", issue_id);
  std::vector<IssueLevelEntry> out;
  for (const auto& r : s.Query(
           "SELECT l.*, u.name AS by_name FROM issue_levels l"
           " LEFT JOIN users u ON u.id = l.by_user_id WHERE l.issue_id = :issue"
           // Levels only go up and the resolution comes last; moves made in one run share a time.
           " ORDER BY l.level, CASE WHEN l.reason = 'resolved' THEN 1 ELSE 0 END, l.created_at,"
           " l.id",
           p)) {
    out.push_back(IssueLevelEntry{r.Int("level"), r.Str("level_name"), r.Str("entered_on"),
                                  r.OptStr("due_on"), r.Str("reason"), r.Str("note"),
                                  r.OptStr("by_user_id"), r.OptStr("by_name")});
  }
  return out;
}

std::vector<std::pair<std::string, std::string>> ScheduledMeetingsBefore(
    db::Session& s, const std::string& instant) {
  db::Params p;
  p.Set("before", instant);
  std::vector<std::pair<std::string, std::string>> out;
  for (const auto& r : s.Query("SELECT alliance_id, id FROM meetings WHERE status = 'scheduled'"
                               " AND starts_at < :before ORDER BY starts_at, id",
                               p)) {
    out.emplace_back(r.Str("alliance_id"), r.Str("id"));
  }
  return out;
}

std::vector<std::pair<std::string, std::string>> OverdueIssues(db::Session& s,
                                                               const std::string& today) {
  db::Params p;
  p.Set("today", today);
  std::vector<std::pair<std::string, std::string>> out;
  for (const auto& r : s.Query("SELECT alliance_id, id FROM governance_issues WHERE status = 'open'"
                               " AND level_due_on < :today ORDER BY level_due_on, id",
                               p)) {
    out.emplace_back(r.Str("alliance_id"), r.Str("id"));
  }
  return out;
}

// ---- meetings -----------------------------------------------------------------------------

void TouchMeeting(db::Session& s, const std::string& id, const std::string& now) {
  records::TouchRecord(s, "meetings", id, now);
}

void InsertAgendaItem(db::Session& s, const AgendaItem& a) {
  db::Params p;
  p.Set("id", a.id)
      .Set("meeting", a.meeting_id)
      .Set("position", a.position)
      .Set("title", a.title)
      .Set("owner", a.owner_user_id)
      .Set("time_box", a.time_box_minutes)
      .Set("pre_reads", PreReadsToJson(a.pre_reads))
      .Set("decision_sought", a.decision_sought)
      .Set("minutes", a.minutes)
      .Set("created", a.created_at)
      .Set("updated", a.updated_at);
  s.Exec(
      "INSERT INTO agenda_items (id, meeting_id, position, title, owner_user_id,"
      " time_box_minutes, pre_reads, decision_sought, minutes, version, created_at, updated_at)"
      " VALUES (:id, :meeting, :position, :title, :owner, :time_box, :pre_reads,"
      " :decision_sought, :minutes, 1, :created, :updated)",
      p);
}

bool UpdateAgendaItem(db::Session& s, const AgendaItem& a, int64_t expected_version) {
  db::Params p;
  p.Set("id", a.id)
      .Set("position", a.position)
      .Set("title", a.title)
      .Set("owner", a.owner_user_id)
      .Set("time_box", a.time_box_minutes)
      .Set("pre_reads", PreReadsToJson(a.pre_reads))
      .Set("decision_sought", a.decision_sought)
      .Set("minutes", a.minutes)
      .Set("updated", a.updated_at)
      .Set("expected", expected_version);
  return s.Exec(
             "UPDATE agenda_items SET position = :position, title = :title,"
             " owner_user_id = :owner, time_box_minutes = :time_box, pre_reads = :pre_reads,"
             " decision_sought = :decision_sought, minutes = :minutes, version = version + 1,"
             " updated_at = :updated WHERE id = :id AND version = :expected",
             p) == 1;
}

void MoveAgendaItem(db::Session& s, const std::string& id, int64_t position,
                    const std::string& now) {
  db::Params p;
  p.Set("id", id).Set("position", position).Set("now", now);
  s.Exec(
      "UPDATE agenda_items SET position = :position, version = version + 1, updated_at = :now"
      " WHERE id = :id",
      p);
}

void DeleteAgendaItem(db::Session& s, const std::string& id) {
  db::Params p;
  p.Set("id", id);
  s.Exec("UPDATE decisions SET agenda_item_id = NULL WHERE agenda_item_id = :id", p);
  s.Exec("DELETE FROM agenda_items WHERE id = :id", p);
}

void ReplaceAttendance(db::Session& s, const std::string& meeting_id,
                       const std::vector<AttendanceEntry>& entries) {
  db::Params p;
  p.Set("m", meeting_id);
  s.Exec("DELETE FROM meeting_attendance WHERE meeting_id = :m", p);
  for (const auto& e : entries) {
    db::Params q;
    q.Set("m", meeting_id)
        .Set("user", e.user_id)
        .Set("org", e.organization_id)
        .Set("status", e.status)
        .Set("delegate", e.delegate_name);
    s.Exec(
        "INSERT INTO meeting_attendance (meeting_id, user_id, organization_id, status,"
        " delegate_name) VALUES (:m, :user, :org, :status, :delegate)",
        q);
  }
}

void SaveReview(db::Session& s, const std::string& meeting_id, int64_t revision,
                const MinutesReview& r) {
  db::Params p;
  p.Set("m", meeting_id).Set("rev", revision).Set("org", r.organization_id);
  s.Exec(
      "DELETE FROM minutes_reviews WHERE meeting_id = :m AND revision = :rev"
      " AND organization_id = :org",
      p);
  p.Set("decision", r.decision).Set("comment", r.comment).Set("user", r.user_id).Set("at", r.at);
  s.Exec(
      "INSERT INTO minutes_reviews (meeting_id, revision, organization_id, decision, comment,"
      " user_id, at) VALUES (:m, :rev, :org, :decision, :comment, :user, :at)",
      p);
}

void ClearReviews(db::Session& s, const std::string& meeting_id, int64_t revision) {
  db::Params p;
  p.Set("m", meeting_id).Set("rev", revision);
  s.Exec("DELETE FROM minutes_reviews WHERE meeting_id = :m AND revision = :rev", p);
}

void InsertRevision(db::Session& s, const std::string& meeting_id, const MinutesRevision& r) {
  db::Params p;
  p.Set("m", meeting_id)
      .Set("rev", r.revision)
      .Set("final_at", r.final_at)
      .Set("content", r.content);
  s.Exec(
      "INSERT INTO minutes_revisions (meeting_id, revision, final_at, reason, content)"
      " VALUES (:m, :rev, :final_at, NULL, :content)",
      p);
}

void SetRevisionReason(db::Session& s, const std::string& meeting_id, int64_t revision,
                       const std::string& reason) {
  db::Params p;
  p.Set("m", meeting_id).Set("rev", revision).Set("reason", reason);
  s.Exec("UPDATE minutes_revisions SET reason = :reason WHERE meeting_id = :m AND revision = :rev",
         p);
}

std::vector<MinutesRevision> ListRevisions(db::Session& s, const std::string& meeting_id) {
  db::Params p;
  p.Set("m", meeting_id);
  std::vector<MinutesRevision> out;
  for (const auto& r :
       s.Query("SELECT * FROM minutes_revisions WHERE meeting_id = :m ORDER BY revision", p)) {
    out.push_back(MinutesRevision{r.Int("revision"), r.Str("final_at"), r.OptStr("reason"),
                                  r.Str("content")});
  }
  return out;
}

std::vector<FeedMeeting> MeetingsForUser(db::Session& s, const std::string& user_id,
                                         const std::string& since) {
  db::Params p;
  p.Set("user", user_id).Set("since", since);
  std::string sql = MeetingSelect();
  sql.replace(sql.find(" FROM "), 0,
              ", am.organization_id AS member_org, am.role AS member_role,"
              " al.name AS alliance_name");
  sql +=
      " JOIN alliance_members am ON am.alliance_id = r.alliance_id AND am.user_id = :user"
      " JOIN alliances al ON al.id = r.alliance_id"
      " WHERE r.starts_at >= :since ORDER BY r.starts_at, r.id";
  std::vector<FeedMeeting> out;
  for (const auto& r : s.Query(sql, p)) {
    auto role = access::ParseAllianceRole(r.Str("member_role"));
    if (!role) continue;
    out.push_back({records::FromRow(Meetings(), r),
                   access::Membership{r.Str("alliance_id"), user_id, r.Str("member_org"), *role},
                   r.Str("alliance_name")});
  }
  return out;
}

// ---- briefs -------------------------------------------------------------------------------

std::vector<Brief> ListBriefs(db::Session& s, const std::string& alliance_id,
                              const std::string& meeting_id, const Audience& audience) {
  db::Params p;
  const std::string where = records::WhereVisible(p, alliance_id, audience);
  p.Set("m", meeting_id);
  std::vector<Brief> out;
  for (const auto& r : s.Query(records::SelectRecords("meeting_briefs") + where +
                                   " AND r.meeting_id = :m ORDER BY r.created_at, r.id",
                               p)) {
    out.push_back(records::FromRow(Briefs(), r));
  }
  return out;
}

// ---- decisions ----------------------------------------------------------------------------

void SaveVote(db::Session& s, const std::string& decision_id, const CastVote& v) {
  db::Params p;
  p.Set("d", decision_id).Set("user", v.user_id);
  s.Exec("DELETE FROM decision_votes WHERE decision_id = :d AND user_id = :user", p);
  p.Set("org", v.organization_id).Set("vote", v.vote).Set("comment", v.comment).Set("at", v.at);
  s.Exec(
      "INSERT INTO decision_votes (decision_id, user_id, organization_id, vote, comment, at)"
      " VALUES (:d, :user, :org, :vote, :comment, :at)",
      p);
}

// ---- action items -------------------------------------------------------------------------

std::vector<OwnedAction> ActionsOwnedBy(db::Session& s, const std::string& user_id) {
  db::Params p;
  p.Set("user", user_id);
  std::string sql = ActionSelect();
  sql.replace(sql.find(" FROM "), 0,
              ", am.organization_id AS member_org, am.role AS member_role,"
              " al.name AS alliance_name");
  sql +=
      " JOIN alliance_members am ON am.alliance_id = r.alliance_id AND am.user_id = :user"
      " JOIN alliances al ON al.id = r.alliance_id"
      " WHERE r.responsible_user_id = :user ORDER BY r.due_on, r.id";
  std::vector<OwnedAction> out;
  for (const auto& r : s.Query(sql, p)) {
    auto role = access::ParseAllianceRole(r.Str("member_role"));
    if (!role) continue;
    ActionItem a = records::FromRow(Actions(), r);
    a.alliance_name = r.Str("alliance_name");
    out.push_back({std::move(a),
                   access::Membership{r.Str("alliance_id"), user_id, r.Str("member_org"), *role}});
  }
  return out;
}

}  // namespace northstar::governance::store
