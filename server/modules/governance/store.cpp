#include "modules/governance/store.hpp"

#include <map>

#include "platform/common/ids.hpp"
#include "platform/common/json.hpp"
#include "platform/common/time.hpp"

namespace northstar::governance::store {
namespace {

using records::ReadRecordBase;

// Children of several records, read in one query and handed to each record by its id.
template <typename T>
std::map<std::string, std::vector<T>> GroupBy(db::Session& s, const std::string& sql,
                                              const db::Params& p, const std::string& key,
                                              T (*from_row)(const db::Row&)) {
  std::map<std::string, std::vector<T>> out;
  for (const auto& r : s.Query(sql, p)) out[r.Str(key)].push_back(from_row(r));
  return out;
}

// The access columns of a row, for records read without their full type.
access::RecordScope ScopeOfRow(const db::Row& r) {
  return access::RecordScope{
      access::ParseVisibility(r.Str("visibility")).value_or(access::Visibility::kRestricted),
      r.Str("owner_organization_id"), r.Str("owner_user_id"),
      access::ReadersFromJson(r.Str("readers"))};
}

// ---- committees ----

constexpr char kSeatSelect[] =
    "SELECT cm.*, u.name AS name, o.name AS organization_name FROM committee_members cm"
    " JOIN users u ON u.id = cm.user_id JOIN organizations o ON o.id = cm.organization_id";

CommitteeMember SeatFromRow(const db::Row& r) {
  return CommitteeMember{r.Str("id"),        r.Str("committee_id"),      r.Str("user_id"),
                         r.Str("name"),      r.Str("organization_id"),   r.Str("organization_name"),
                         r.Str("role"),      r.Str("joined_on"),         r.OptStr("left_on")};
}

Committee CommitteeFromRow(const db::Row& r) {
  Committee c;
  ReadRecordBase(r, c);
  c.name = r.Str("name");
  c.kind = r.Str("kind");
  c.purpose = r.Str("purpose");
  c.decision_scope = r.Str("decision_scope");
  c.parent_id = r.OptStr("parent_id");
  c.cadence = r.Str("cadence");
  c.meeting_minutes = r.Int("meeting_minutes");
  c.quorum_rule = r.Str("quorum_rule");
  c.chair_rotation = r.Str("chair_rotation");
  c.rotation_start = r.Str("rotation_start");
  return c;
}

// The seats of the committees `scope` selects (SQL of their ids, binding what `p` holds).
void LoadSeats(db::Session& s, const std::string& scope, const db::Params& p,
               std::vector<Committee>& list) {
  auto seats = GroupBy<CommitteeMember>(
      s,
      std::string(kSeatSelect) + " WHERE cm.committee_id IN (" + scope +
          ") ORDER BY cm.joined_on, cm.created_at, cm.id",
      p, "committee_id", SeatFromRow);
  for (auto& c : list) c.members = std::move(seats[c.id]);
}

void BindCommittee(db::Params& p, const Committee& c) {
  p.Set("name", c.name)
      .Set("kind", c.kind)
      .Set("purpose", c.purpose)
      .Set("decision_scope", c.decision_scope)
      .Set("parent", c.parent_id)
      .Set("cadence", c.cadence)
      .Set("meeting_minutes", c.meeting_minutes)
      .Set("quorum_rule", c.quorum_rule)
      .Set("chair_rotation", c.chair_rotation)
      .Set("rotation_start", c.rotation_start);
}

const std::string& CommitteeSelect() {
  static const std::string sql = records::SelectRecords("committees");
  return sql;
}

// ---- decision rights ----

DecisionRight DecisionRightFromRow(const db::Row& r) {
  DecisionRight d;
  ReadRecordBase(r, d);
  d.decision_type = r.Str("decision_type");
  d.description = r.Str("description");
  d.committee_id = r.Str("committee_id");
  d.committee_name = r.Str("committee_name");
  d.levels = LevelsFromJson(r.Str("levels"));
  return d;
}

const std::string& DecisionRightSelect() {
  static const std::string sql = [] {
    std::string q = records::SelectRecords("decision_rights");
    q.replace(q.find(" FROM "), 0, ", cc.name AS committee_name");
    return q + " JOIN committees cc ON cc.id = r.committee_id";
  }();
  return sql;
}

void BindDecisionRight(db::Params& p, const DecisionRight& d) {
  p.Set("decision_type", d.decision_type)
      .Set("description", d.description)
      .Set("committee", d.committee_id)
      .Set("levels", LevelsToJson(d.levels));
}

// ---- issues ----

Issue IssueFromRow(const db::Row& r) {
  Issue i;
  ReadRecordBase(r, i);
  i.title = r.Str("title");
  i.description = r.Str("description");
  i.severity = r.Str("severity");
  i.party_ids = StringsFromJsonText(r.Str("party_ids"));
  i.decision_right_id = r.OptStr("decision_right_id");
  i.levels = LevelsFromJson(r.Str("levels"));
  i.current_level = r.Int("current_level");
  i.level_due_on = r.Str("level_due_on");
  i.status = r.Str("status");
  i.raised_by = r.Str("raised_by");
  i.raised_by_name = r.Str("raised_by_name");
  i.raised_on = r.Str("raised_on");
  if (auto outcome = r.OptStr("outcome")) {
    i.resolution = Resolution{*outcome, StringsFromJsonText(r.Str("agreed_by")),
                              r.Str("resolved_on"), r.Str("resolved_by")};
  }
  return i;
}

const std::string& IssueSelect() {
  static const std::string sql = [] {
    std::string q = records::SelectRecords("governance_issues");
    q.replace(q.find(" FROM "), 0, ", rb.name AS raised_by_name");
    return q + " JOIN users rb ON rb.id = r.raised_by";
  }();
  return sql;
}

void BindIssue(db::Params& p, const Issue& i) {
  p.Set("title", i.title)
      .Set("description", i.description)
      .Set("severity", i.severity)
      .Set("party_ids", Serialize(ToJsonArray(i.party_ids)))
      .Set("levels", LevelsToJson(i.levels))
      .Set("current_level", i.current_level)
      .Set("level_due_on", i.level_due_on)
      .Set("status", i.status)
      .Set("outcome", i.resolution ? std::optional(i.resolution->outcome) : std::nullopt)
      .Set("agreed_by", i.resolution ? std::optional(Serialize(ToJsonArray(i.resolution->agreed_by)))
                                     : std::nullopt)
      .Set("resolved_on", i.resolution ? std::optional(i.resolution->resolved_on) : std::nullopt)
      .Set("resolved_by", i.resolution ? std::optional(i.resolution->resolved_by) : std::nullopt)
      .Set("decision_right", i.decision_right_id)
      .Set("raised_by", i.raised_by)
      .Set("raised_on", i.raised_on);
}

// ---- meetings ----

Meeting MeetingFromRow(const db::Row& r) {
  Meeting m;
  ReadRecordBase(r, m);
  m.committee_id = r.Str("committee_id");
  m.committee_name = r.Str("committee_name");
  m.title = r.Str("title");
  m.starts_at = r.Str("starts_at");
  m.duration_minutes = r.Int("duration_minutes");
  m.time_zone = r.Str("time_zone");
  m.location = r.Str("location");
  m.link = r.Str("link");
  m.status = r.Str("status");
  m.minutes_revision = r.Int("minutes_revision");
  m.minutes_final_at = r.OptStr("minutes_final_at");
  return m;
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
  return AttendanceEntry{r.Str("user_id"), r.Str("name"), r.Str("organization_id"),
                         r.Str("status"), r.OptStr("delegate_name")};
}

MinutesReview ReviewFromRow(const db::Row& r) {
  return MinutesReview{r.Str("organization_id"), r.Str("decision"), r.OptStr("comment"),
                       r.Str("user_id"), r.Str("by_name"), r.Str("at")};
}

// Agenda, attendance and the current revision's reviews of the meetings, in three queries.
// `scope` is the SQL that selects the meetings' ids (binding :a and what else it needs).
void LoadMeetingParts(db::Session& s, const std::string& scope, const db::Params& p,
                      std::vector<Meeting>& list) {
  if (list.empty()) return;
  auto agenda = GroupBy<AgendaItem>(
      s,
      "SELECT ai.*, u.name AS owner_name FROM agenda_items ai"
      " LEFT JOIN users u ON u.id = ai.owner_user_id WHERE ai.meeting_id IN (" + scope +
          ") ORDER BY ai.position, ai.created_at, ai.id",
      p, "meeting_id", AgendaFromRow);
  auto attendance = GroupBy<AttendanceEntry>(
      s,
      "SELECT ma.*, u.name AS name FROM meeting_attendance ma JOIN users u ON u.id = ma.user_id"
      " WHERE ma.meeting_id IN (" + scope + ") ORDER BY u.name, ma.user_id",
      p, "meeting_id", AttendanceFromRow);
  auto reviews = GroupBy<MinutesReview>(
      s,
      "SELECT mr.*, u.name AS by_name FROM minutes_reviews mr JOIN users u ON u.id = mr.user_id"
      " JOIN meetings m ON m.id = mr.meeting_id AND m.minutes_revision = mr.revision"
      " WHERE mr.meeting_id IN (" + scope + ") ORDER BY mr.organization_id",
      p, "meeting_id", ReviewFromRow);
  for (auto& m : list) {
    m.agenda = std::move(agenda[m.id]);
    m.attendance = std::move(attendance[m.id]);
    m.reviews = std::move(reviews[m.id]);
  }
}

void BindMeeting(db::Params& p, const Meeting& m) {
  p.Set("committee", m.committee_id)
      .Set("title", m.title)
      .Set("starts_at", m.starts_at)
      .Set("duration", m.duration_minutes)
      .Set("time_zone", m.time_zone)
      .Set("location", m.location)
      .Set("link", m.link)
      .Set("status", m.status)
      .Set("revision", m.minutes_revision)
      .Set("final_at", m.minutes_final_at);
}

// ---- briefs, decisions, actions, stakeholders ----

Brief BriefFromRow(const db::Row& r) {
  Brief b;
  ReadRecordBase(r, b);
  b.meeting_id = r.Str("meeting_id");
  b.title = r.Str("title");
  b.body = r.Str("body");
  return b;
}

Decision DecisionFromRow(const db::Row& r) {
  Decision d;
  ReadRecordBase(r, d);
  d.committee_id = r.Str("committee_id");
  d.committee_name = r.Str("committee_name");
  d.meeting_id = r.OptStr("meeting_id");
  d.agenda_item_id = r.OptStr("agenda_item_id");
  d.title = r.Str("title");
  d.description = r.Str("description");
  d.decision_type = r.Str("decision_type");
  d.rationale = r.Str("rationale");
  d.state = r.Str("state");
  d.proposed_on = r.Str("proposed_on");
  d.decided_on = r.OptStr("decided_on");
  return d;
}

const std::string& DecisionSelect() {
  static const std::string sql = [] {
    std::string q = records::SelectRecords("decisions");
    q.replace(q.find(" FROM "), 0, ", cc.name AS committee_name");
    return q + " JOIN committees cc ON cc.id = r.committee_id";
  }();
  return sql;
}

CastVote VoteFromRow(const db::Row& r) {
  return CastVote{r.Str("user_id"), r.Str("name"), r.Str("organization_id"),
                  r.Str("vote"),    r.Str("comment"), r.Str("at")};
}

// The votes on the decisions `scope` selects (SQL of their ids, binding what `p` holds).
void LoadVotes(db::Session& s, const std::string& scope, const db::Params& p,
               std::vector<Decision>& list) {
  auto votes = GroupBy<CastVote>(
      s,
      "SELECT v.*, u.name AS name FROM decision_votes v JOIN users u ON u.id = v.user_id"
      " WHERE v.decision_id IN (" + scope + ") ORDER BY v.at, v.user_id",
      p, "decision_id", VoteFromRow);
  for (auto& d : list) d.votes = std::move(votes[d.id]);
}

void BindDecision(db::Params& p, const Decision& d) {
  p.Set("committee", d.committee_id)
      .Set("meeting", d.meeting_id)
      .Set("agenda_item", d.agenda_item_id)
      .Set("title", d.title)
      .Set("description", d.description)
      .Set("decision_type", d.decision_type)
      .Set("rationale", d.rationale)
      .Set("state", d.state)
      .Set("proposed_on", d.proposed_on)
      .Set("decided_on", d.decided_on);
}

ActionItem ActionFromRow(const db::Row& r) {
  ActionItem a;
  ReadRecordBase(r, a);
  a.title = r.Str("title");
  a.description = r.Str("description");
  a.meeting_id = r.OptStr("meeting_id");
  a.decision_id = r.OptStr("decision_id");
  a.owner_user_id = r.Str("responsible_user_id");
  a.owner_name = r.Str("responsible_user_name");
  a.due_on = r.Str("due_on");
  a.status = r.Str("status");
  a.done_on = r.OptStr("done_on");
  return a;
}

const std::string& ActionSelect() {
  static const std::string sql = records::SelectRecords("action_items", "responsible_user_id");
  return sql;
}

void BindAction(db::Params& p, const ActionItem& a) {
  p.Set("title", a.title)
      .Set("description", a.description)
      .Set("meeting", a.meeting_id)
      .Set("decision", a.decision_id)
      .Set("owner", a.owner_user_id)
      .Set("due_on", a.due_on)
      .Set("status", a.status)
      .Set("done_on", a.done_on);
}

Stakeholder StakeholderFromRow(const db::Row& r) {
  Stakeholder k;
  ReadRecordBase(r, k);
  k.name = r.Str("name");
  k.title = r.Str("title");
  k.user_id = r.OptStr("user_id");
  k.user_name = r.OptStr("responsible_user_name");
  k.influence = r.Int("influence");
  k.interest = r.Int("interest");
  k.attitude = r.Str("attitude");
  k.committee_id = r.OptStr("committee_id");
  k.workstream_id = r.OptStr("workstream_id");
  k.notes = r.Str("notes");
  return k;
}

const std::string& StakeholderSelect() {
  static const std::string sql = records::SelectRecords("stakeholders", "user_id");
  return sql;
}

void BindStakeholder(db::Params& p, const Stakeholder& k) {
  p.Set("name", k.name)
      .Set("title", k.title)
      .Set("user", k.user_id)
      .Set("influence", k.influence)
      .Set("interest", k.interest)
      .Set("attitude", k.attitude)
      .Set("committee", k.committee_id)
      .Set("workstream", k.workstream_id)
      .Set("notes", k.notes);
}

void BindBrief(db::Params& p, const Brief& b) {
  p.Set("meeting", b.meeting_id).Set("title", b.title).Set("body", b.body);
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
  s.Exec("UPDATE decisions SET meeting_id = NULL, agenda_item_id = NULL WHERE meeting_id = :id",
         p);
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
  static const Table<Committee> t{
      "committees",
      CommitteeSelect(),
      "name, kind, purpose, decision_scope, parent_id, cadence, meeting_minutes, quorum_rule,"
      " chair_rotation, rotation_start",
      ":name, :kind, :purpose, :decision_scope, :parent, :cadence, :meeting_minutes,"
      " :quorum_rule, :chair_rotation, :rotation_start",
      "name = :name, kind = :kind, purpose = :purpose, decision_scope = :decision_scope,"
      " parent_id = :parent, cadence = :cadence, meeting_minutes = :meeting_minutes,"
      " quorum_rule = :quorum_rule, chair_rotation = :chair_rotation,"
      " rotation_start = :rotation_start",
      kByCreation,
      CommitteeFromRow,
      BindCommittee,
      LoadCommitteeSeats,
      nullptr,
      RemoveCommitteeRows};
  return t;
}

const Table<DecisionRight>& DecisionRights() {
  static const Table<DecisionRight> t{
      "decision_rights",
      DecisionRightSelect(),
      "decision_type, description, committee_id, levels",
      ":decision_type, :description, :committee, :levels",
      "decision_type = :decision_type, description = :description, committee_id = :committee,"
      " levels = :levels",
      kByCreation,
      DecisionRightFromRow,
      BindDecisionRight};
  return t;
}

const Table<Issue>& Issues() {
  static const Table<Issue> t{
      "governance_issues",
      IssueSelect(),
      "title, description, severity, party_ids, decision_right_id, levels, current_level,"
      " level_due_on, status, raised_by, raised_on, outcome, agreed_by, resolved_on,"
      " resolved_by",
      ":title, :description, :severity, :party_ids, :decision_right, :levels, :current_level,"
      " :level_due_on, :status, :raised_by, :raised_on, :outcome, :agreed_by, :resolved_on,"
      " :resolved_by",
      // Who raised an issue, when and under which decision right never change: written again
      // as they are.
      "title = :title, description = :description, severity = :severity,"
      " party_ids = :party_ids, decision_right_id = :decision_right, levels = :levels,"
      " current_level = :current_level, level_due_on = :level_due_on, status = :status,"
      " raised_by = :raised_by, raised_on = :raised_on, outcome = :outcome,"
      " agreed_by = :agreed_by, resolved_on = :resolved_on, resolved_by = :resolved_by",
      kByCreation,
      IssueFromRow,
      BindIssue,
      nullptr,
      nullptr,
      RemoveIssueRows};
  return t;
}

const Table<Meeting>& Meetings() {
  static const Table<Meeting> t{
      "meetings",
      MeetingSelect(),
      "committee_id, title, starts_at, duration_minutes, time_zone, location, link, status,"
      " minutes_revision, minutes_final_at",
      ":committee, :title, :starts_at, :duration, :time_zone, :location, :link, :status,"
      " :revision, :final_at",
      "committee_id = :committee, title = :title, starts_at = :starts_at,"
      " duration_minutes = :duration, time_zone = :time_zone, location = :location,"
      " link = :link, status = :status, minutes_revision = :revision,"
      " minutes_final_at = :final_at",
      "r.starts_at, r.id",
      MeetingFromRow,
      BindMeeting,
      LoadMeetings,
      nullptr,
      RemoveMeetingRows};
  return t;
}

const Table<Brief>& Briefs() {
  // A brief stays with its meeting: written again as it is.
  static const Table<Brief> t{"meeting_briefs",
                              records::SelectRecords("meeting_briefs"),
                              "meeting_id, title, body",
                              ":meeting, :title, :body",
                              "meeting_id = :meeting, title = :title, body = :body",
                              kByCreation,
                              BriefFromRow,
                              BindBrief};
  return t;
}

const Table<Decision>& Decisions() {
  static const Table<Decision> t{
      "decisions",
      DecisionSelect(),
      "committee_id, meeting_id, agenda_item_id, title, description, decision_type, rationale,"
      " state, proposed_on, decided_on",
      ":committee, :meeting, :agenda_item, :title, :description, :decision_type, :rationale,"
      " :state, :proposed_on, :decided_on",
      "committee_id = :committee, meeting_id = :meeting, agenda_item_id = :agenda_item,"
      " title = :title, description = :description, decision_type = :decision_type,"
      " rationale = :rationale, state = :state, proposed_on = :proposed_on,"
      " decided_on = :decided_on",
      "r.proposed_on DESC, r.created_at DESC, r.id",
      DecisionFromRow,
      BindDecision,
      LoadDecisionVotes,
      nullptr,
      RemoveDecisionRows};
  return t;
}

const Table<ActionItem>& Actions() {
  static const Table<ActionItem> t{
      "action_items",
      ActionSelect(),
      "title, description, meeting_id, decision_id, responsible_user_id, due_on, status,"
      " done_on",
      ":title, :description, :meeting, :decision, :owner, :due_on, :status, :done_on",
      "title = :title, description = :description, meeting_id = :meeting,"
      " decision_id = :decision, responsible_user_id = :owner, due_on = :due_on,"
      " status = :status, done_on = :done_on",
      "r.due_on, r.id",
      ActionFromRow,
      BindAction};
  return t;
}

const Table<Stakeholder>& Stakeholders() {
  static const Table<Stakeholder> t{
      "stakeholders",
      StakeholderSelect(),
      "name, title, user_id, influence, interest, attitude, committee_id, workstream_id, notes",
      ":name, :title, :user, :influence, :interest, :attitude, :committee, :workstream, :notes",
      "name = :name, title = :title, user_id = :user, influence = :influence,"
      " interest = :interest, attitude = :attitude, committee_id = :committee,"
      " workstream_id = :workstream, notes = :notes",
      kByCreation,
      StakeholderFromRow,
      BindStakeholder};
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
    out.push_back({"decision right", r.Str("id"), r.Str("title"), ScopeOfRow(r)});
  }
  for (const auto& [type, table, title, column] : kinds) {
    for (const auto& r : s.Query(std::string("SELECT id, ") + title +
                                     " AS title, visibility, owner_organization_id,"
                                     " owner_user_id, readers FROM " + table + " WHERE " +
                                     column + " = :c ORDER BY created_at, id",
                                 p)) {
      out.push_back({type, r.Str("id"), r.Str("title"), ScopeOfRow(r)});
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
  s.Exec("UPDATE stakeholders SET committee_id = NULL, version = version + 1, updated_at = :now"
         " WHERE committee_id = :c",
         p);
}

std::vector<HeldMeeting> MeetingsHeld(db::Session& s, const std::string& committee_id,
                                      const std::string& instant) {
  db::Params p;
  p.Set("c", committee_id).Set("t", instant);
  std::vector<HeldMeeting> out;
  for (const auto& r : s.Query(
           "SELECT id, visibility, owner_organization_id, owner_user_id, readers FROM meetings"
           " WHERE committee_id = :c AND starts_at < :t AND status <> 'cancelled'"
           " ORDER BY starts_at, id",
           p)) {
    out.push_back({r.Str("id"), ScopeOfRow(r)});
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
  for (const auto& r : s.Query(
           "SELECT alliance_id, id FROM meetings WHERE status = 'scheduled'"
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
  for (const auto& r : s.Query(
           "SELECT alliance_id, id FROM governance_issues WHERE status = 'open'"
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
  for (const auto& r : s.Query(
           "SELECT * FROM minutes_revisions WHERE meeting_id = :m ORDER BY revision", p)) {
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
    out.push_back({MeetingFromRow(r),
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
    out.push_back(BriefFromRow(r));
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
    ActionItem a = ActionFromRow(r);
    a.alliance_name = r.Str("alliance_name");
    out.push_back({std::move(a), access::Membership{r.Str("alliance_id"), user_id,
                                                    r.Str("member_org"), *role}});
  }
  return out;
}

}  // namespace northstar::governance::store
