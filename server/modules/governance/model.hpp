// The rules of alliance governance, as pure functions: who sits on a committee on a day, whose
// turn it is to chair, the quorum of a meeting from its attendance, each party's consent to a
// decision, the review state of minutes, automatic escalation of an issue through its levels,
// the meetings a cadence template proposes, and the stakeholder map's quadrants. No database,
// no HTTP: unit-tested in model_test.cpp. Then governance's records as the server holds them (the
// record kit reads their descriptions).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "platform/records/fields.hpp"
#include "platform/records/record.hpp"

namespace northstar::governance {

inline const std::vector<std::string_view> kCommitteeKinds = {"joint_steering",
                                                              "joint_development",
                                                              "joint_commercial",
                                                              "joint_finance",
                                                              "ip",
                                                              "joint_project_team",
                                                              "custom"};
inline const std::vector<std::string_view> kCommitteeRoles = {"chair", "co_chair", "voting_member",
                                                              "non_voting_member", "secretary"};
inline const std::vector<std::string_view> kCadences = {
    "weekly", "biweekly", "monthly", "bimonthly", "quarterly", "semiannual", "annual", "ad_hoc"};
inline const std::vector<std::string_view> kQuorumRules = {"every_party_voting", "majority_voting",
                                                           "all_voting"};
inline const std::vector<std::string_view> kChairRotations = {"none", "yearly", "per_meeting"};
inline const std::vector<std::string_view> kTemplates = {"classic", "lean"};
inline const std::vector<std::string_view> kSeverities = {"low", "medium", "high", "critical"};
inline const std::vector<std::string_view> kIssueStatuses = {"open", "resolved"};
inline const std::vector<std::string_view> kMeetingStatuses = {"scheduled", "held", "cancelled"};
inline const std::vector<std::string_view> kAttendanceStatuses = {"present", "absent", "delegate"};
inline const std::vector<std::string_view> kDecisionStates = {"proposed", "approved", "rejected",
                                                              "deferred", "escalated"};
inline const std::vector<std::string_view> kVotes = {"approve", "reject", "abstain"};
inline const std::vector<std::string_view> kActionStatuses = {"open", "in_progress", "done",
                                                              "cancelled"};
inline const std::vector<std::string_view> kAttitudes = {"champion", "supporter", "neutral",
                                                         "sceptic", "opponent"};

// Chair, co-chair and voting members vote; non-voting members and secretaries do not.
bool IsVotingRole(std::string_view role);
// Chair, co-chair and secretary review minutes for their party.
bool IsReviewerRole(std::string_view role);

// A seat on a committee, from `joined_on` until the day before `left_on`.
struct Seat {
  std::string user_id, organization_id, role, joined_on;
  std::optional<std::string> left_on;
};
bool SitsOn(const Seat& seat, std::string_view day);

// The party whose turn it is to chair on `day`: none without rotation; `yearly` moves to the
// next party (in `party_ids` order) on each anniversary of `rotation_start`; `per_meeting`
// after each meeting in `meetings_held` (their ids).
// Requires: `meetings_held` holds only the meetings that take a turn — held (started, not
// cancelled) and readable by everyone who may read the committee, so that every reader sees
// the same chair and a party's own meetings never move it. The service decides which qualify.
std::optional<std::string> ChairParty(std::string_view rotation, std::string_view rotation_start,
                                      const std::vector<std::string>& party_ids,
                                      std::string_view day,
                                      const std::vector<std::string>& meetings_held);

// ---- quorum -------------------------------------------------------------------------------

struct Attendee {
  std::string user_id, status;  // present | absent | delegate
};
struct PartyPresence {
  std::string organization_id;
  int64_t present = 0;         // voting members present or represented by a delegate
  int64_t voting_members = 0;  // voting members sitting on the committee
};
struct Quorum {
  bool met = false;
  std::string detail;
  std::vector<PartyPresence> by_party;
};
// `seats`: the seats on the committee on the meeting's day; `parties`: id and name of each party
// with a seat, in display order. Absent from `attendance` means not present.
Quorum CheckQuorum(std::string_view rule, const std::vector<Seat>& seats,
                   const std::vector<Attendee>& attendance,
                   const std::vector<std::pair<std::string, std::string>>& parties);

// ---- consent ------------------------------------------------------------------------------

struct Vote {
  std::string user_id, organization_id, vote;  // approve | reject | abstain
};
struct PartyPosition {
  std::string organization_id;
  std::string position;  // approved | rejected | pending
};
// One position per party in `voting_parties`: rejected if one of its voters rejects, approved
// if one approves and none rejects, else pending.
std::vector<PartyPosition> PartyPositions(const std::vector<std::string>& voting_parties,
                                          const std::vector<Vote>& votes);
// approved when every party approved (and there is at least one), rejected when any party
// rejected, else proposed.
std::string ConsentOutcome(const std::vector<PartyPosition>& positions);

// ---- minutes ------------------------------------------------------------------------------

// Final when every required party has approved (and at least one party is required).
bool MinutesApproved(const std::vector<std::string>& required_parties,
                     const std::vector<std::string>& approving_parties);

// ---- escalation ---------------------------------------------------------------------------

struct EscalationLevel {
  std::string name;
  std::optional<std::string> committee_id;
  int64_t days = 0;
};
struct EscalationStep {
  int64_t level = 0;
  std::string entered_on, due_on;
};
// The moves an open issue at `current_level`, due on `due_on`, owes on `today`: one level at a
// time while its due date is before today and a higher level exists. A level is entered the
// day after the previous one's limit passed; its due date is that limit plus its own days.
std::vector<EscalationStep> DueEscalations(const std::vector<EscalationLevel>& levels,
                                           int64_t current_level, std::string_view due_on,
                                           std::string_view today);

// ---- cadence templates --------------------------------------------------------------------

struct CommitteeRef {
  std::string id, name, kind;
};
struct ProposedMeeting {
  std::string committee_id, committee_name, title, starts_at;
  int64_t duration_minutes = 0;
};
// The meetings a template proposes for `months` months from `from` (see the API guide):
// classic — joint steering quarterly (180 min), others monthly (90 min); lean — joint steering
// every two months (60 min), others every two weeks (30 min). At 15:00 UTC on weekdays.
std::vector<ProposedMeeting> ProposeMeetings(std::string_view template_name,
                                             const std::vector<CommitteeRef>& committees,
                                             std::string_view from, int64_t months);

// ---- actions, stakeholders, input shapes --------------------------------------------------

bool IsOverdue(std::string_view status, std::string_view due_on, std::string_view today);
// manage_closely | keep_satisfied | keep_informed | monitor (high = 3 and above, on 1..5).
std::string Quadrant(int64_t influence, int64_t interest);
// "UTC" or an IANA-style name such as "Europe/Berlin" or "America/Argentina/Buenos_Aires".
bool IsTimeZoneName(std::string_view text);
// "YYYY-MM-DDTHH:MM:SSZ": UTC only, whole seconds, no offsets, years 1900..2199.
bool IsUtcInstant(std::string_view text);
// An http or https URL without spaces.
bool IsWebLink(std::string_view text);

// ---- the records --------------------------------------------------------------------------------
//
// The records of alliance governance as the server holds them. Committees, decision rights,
// issues, meetings, briefs, decisions, action items and stakeholders are alliance records with
// the standard access columns (records::RecordBase); seats, agenda items, attendance, reviews,
// votes and level history belong to their record and are read with it.

using records::RecordBase;
using records::ScopeOf;

struct CommitteeMember {
  std::string id, committee_id, user_id, name, organization_id, organization_name, role;
  std::string joined_on;
  std::optional<std::string> left_on;
};

struct Committee : RecordBase {
  std::string name, kind, purpose, decision_scope;
  std::optional<std::string> parent_id;
  std::string cadence = "quarterly";
  int64_t meeting_minutes = 90;
  std::string quorum_rule = "every_party_voting", chair_rotation = "none", rotation_start;
  std::vector<CommitteeMember> members;  // every seat, current and past
  // For the per-meeting chair rotation: the ids of the meetings held so far that take a turn
  // (the service fills it with those everyone who may read the committee may read).
  std::vector<std::string> meetings_held;
};
BOOST_DESCRIBE_STRUCT(Committee, (RecordBase),
                      (name, kind, purpose, decision_scope, parent_id, cadence, meeting_minutes,
                       quorum_rule, chair_rotation, rotation_start))

struct DecisionRight : RecordBase {
  std::string decision_type, description, committee_id, committee_name;
  std::vector<EscalationLevel> levels;
};
BOOST_DESCRIBE_STRUCT(DecisionRight, (RecordBase), (decision_type, description, committee_id))

struct Resolution {
  std::string outcome;
  std::vector<std::string> agreed_by;
  std::string resolved_on, resolved_by;
};

struct Issue : RecordBase {
  std::string title, description, severity;
  std::vector<std::string> party_ids;
  std::optional<std::string> decision_right_id;
  std::vector<EscalationLevel> levels;
  int64_t current_level = 0;
  std::string level_due_on, status = "open", raised_by, raised_by_name, raised_on;
  std::optional<Resolution> resolution;
};
// Besides these: the levels (JSON text), who raised it (joined) and the resolution (store.cpp).
BOOST_DESCRIBE_STRUCT(Issue, (RecordBase),
                      (title, description, severity, party_ids, decision_right_id, current_level,
                       level_due_on, status, raised_by, raised_on))

struct IssueLevelEntry {
  int64_t level = 0;
  std::string level_name, entered_on;
  std::optional<std::string> due_on;
  std::string reason, note;
  std::optional<std::string> by, by_name;
};

struct PreRead {
  std::string title, url;
};
struct AgendaItem {
  std::string id, meeting_id;
  int64_t position = 0;
  std::string title;
  std::optional<std::string> owner_user_id, owner_name;
  int64_t time_box_minutes = 15;
  std::vector<PreRead> pre_reads;
  std::string decision_sought, minutes;
  int64_t version = 1;
  std::string created_at, updated_at;
};

struct AttendanceEntry {
  std::string user_id, name, organization_id, status;
  std::optional<std::string> delegate_name;
};

struct MinutesReview {
  std::string organization_id, decision;
  std::optional<std::string> comment;
  std::string user_id, by_name, at;
};

struct Meeting : RecordBase {
  std::string committee_id, committee_name, title, starts_at;
  int64_t duration_minutes = 90;
  std::string time_zone = "UTC", location, link, status = "scheduled";
  int64_t minutes_revision = 1;
  std::optional<std::string> minutes_final_at;
  std::vector<AgendaItem> agenda;
  std::vector<AttendanceEntry> attendance;
  std::vector<MinutesReview> reviews;  // of the current revision
};
BOOST_DESCRIBE_STRUCT(Meeting, (RecordBase),
                      (committee_id, title, starts_at, duration_minutes, time_zone, location, link,
                       status, minutes_revision, minutes_final_at))

struct MinutesRevision {
  int64_t revision = 0;
  std::string final_at;
  std::optional<std::string> reason;
  std::string content;  // JSON: [{title, minutes}]
};

struct Brief : RecordBase {
  std::string meeting_id, title, body;
};
BOOST_DESCRIBE_STRUCT(Brief, (RecordBase), (meeting_id, title, body))

struct CastVote {
  std::string user_id, name, organization_id, vote, comment, at;
};

struct Decision : RecordBase {
  std::string committee_id, committee_name;
  std::optional<std::string> meeting_id, agenda_item_id;
  std::string title, description, decision_type, rationale, state = "proposed", proposed_on;
  std::optional<std::string> decided_on;
  std::vector<CastVote> votes;
};
BOOST_DESCRIBE_STRUCT(Decision, (RecordBase),
                      (committee_id, meeting_id, agenda_item_id, title, description, decision_type,
                       rationale, state, proposed_on, decided_on))

struct ActionItem : RecordBase {
  std::string title, description;
  std::optional<std::string> meeting_id, decision_id;
  std::optional<std::string> committee_id;  // the committee that follows it up
  std::string owner_user_id, owner_name, due_on, status = "open";
  std::optional<std::string> done_on;
  // An action plan made from a health assessment's result: the wave and the dimension (and item)
  // it answers. Set by the health module when it makes the action, never changed afterwards.
  std::optional<std::string> health_wave_id, health_dimension_key, health_item_key;
  std::string alliance_name;  // for "my actions"
};
// The owner is stored as the responsible person (store.cpp).
BOOST_DESCRIBE_STRUCT(ActionItem, (RecordBase),
                      (title, description, meeting_id, decision_id, committee_id, due_on, status,
                       done_on, health_wave_id, health_dimension_key, health_item_key))

struct Stakeholder : RecordBase {
  std::string name, title;
  std::optional<std::string> user_id, user_name;
  int64_t influence = 3, interest = 3;
  std::string attitude = "neutral";
  std::optional<std::string> committee_id, workstream_id;
  std::string notes;
};
BOOST_DESCRIBE_STRUCT(Stakeholder, (RecordBase),
                      (name, title, user_id, influence, interest, attitude, committee_id,
                       workstream_id, notes))

// Levels and pre-reads as stored (JSON text) and back.
std::string LevelsToJson(const std::vector<EscalationLevel>& levels);
std::vector<EscalationLevel> LevelsFromJson(const std::string& text);
std::string PreReadsToJson(const std::vector<PreRead>& pre_reads);
std::vector<PreRead> PreReadsFromJson(const std::string& text);

}  // namespace northstar::governance
