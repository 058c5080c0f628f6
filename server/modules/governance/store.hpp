// SQL for governance records. No access decisions here: the service asks the policy first, and
// list queries take the policy's SQL condition through records::Audience.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "modules/governance/model.hpp"
#include "platform/db/database.hpp"
#include "platform/records/table.hpp"

namespace northstar::governance::store {

using records::Audience;
using records::Table;

// Each record table, described once for the record kit (platform/records/table.hpp). What hangs
// off a record (seats; agenda, attendance and reviews; votes) is read and deleted with it.
const Table<Committee>& Committees();
const Table<DecisionRight>& DecisionRights();
const Table<Issue>& Issues();
const Table<Meeting>& Meetings();  // by start
const Table<Brief>& Briefs();
const Table<Decision>& Decisions();  // newest proposal first
const Table<ActionItem>& Actions();  // by due date
const Table<Stakeholder>& Stakeholders();

// ---- committees and seats ----
void TouchCommittee(db::Session& s, const std::string& id, const std::string& now);
void InsertSeat(db::Session& s, const CommitteeMember& m, const std::string& now);
void EndSeat(db::Session& s, const std::string& seat_id, const std::string& left_on);
// What refers to a committee: sub-committees, meetings, decisions and decision rights.
struct Reference {
  std::string type, id, title;
  access::RecordScope scope;
};
std::vector<Reference> ReferencesTo(db::Session& s, const std::string& committee_id);
// Sub-committees lose their parent and stakeholders their committee (each a change: the
// version moves on).
void DetachChildren(db::Session& s, const std::string& committee_id, const std::string& now);
// The meetings of a committee that started before `instant` and were not cancelled, each with
// the scope it is read under (the service decides which take a chair turn).
struct HeldMeeting {
  std::string id;
  access::RecordScope scope;
};
std::vector<HeldMeeting> MeetingsHeld(db::Session& s, const std::string& committee_id,
                                      const std::string& instant);

// ---- decision rights ----

// ---- issues ----
void InsertLevelEntry(db::Session& s, const std::string& issue_id, const IssueLevelEntry& e);
std::vector<IssueLevelEntry> ListLevelEntries(db::Session& s, const std::string& issue_id);
// Open issues of every alliance whose level's limit passed before `today` (for the job).
// Meetings still scheduled that began before `instant`: (alliance id, meeting id).
std::vector<std::pair<std::string, std::string>> ScheduledMeetingsBefore(
    db::Session& s, const std::string& instant);
std::vector<std::pair<std::string, std::string>> OverdueIssues(db::Session& s,
                                                               const std::string& today);

// ---- meetings ----
void TouchMeeting(db::Session& s, const std::string& id, const std::string& now);
void InsertAgendaItem(db::Session& s, const AgendaItem& a);
bool UpdateAgendaItem(db::Session& s, const AgendaItem& a, int64_t expected_version);
// Another item took this one's place: it moves to `position` (a change: its version moves on).
void MoveAgendaItem(db::Session& s, const std::string& id, int64_t position,
                    const std::string& now);
void DeleteAgendaItem(db::Session& s, const std::string& id);
void ReplaceAttendance(db::Session& s, const std::string& meeting_id,
                       const std::vector<AttendanceEntry>& entries);
void SaveReview(db::Session& s, const std::string& meeting_id, int64_t revision,
                const MinutesReview& r);
void ClearReviews(db::Session& s, const std::string& meeting_id, int64_t revision);
void InsertRevision(db::Session& s, const std::string& meeting_id, const MinutesRevision& r);
void SetRevisionReason(db::Session& s, const std::string& meeting_id, int64_t revision,
                       const std::string& reason);
std::vector<MinutesRevision> ListRevisions(db::Session& s, const std::string& meeting_id);
// Meetings of every alliance `user_id` belongs to, with the member's standing (for the feed).
struct FeedMeeting {
  Meeting meeting;
  access::Membership membership;
  std::string alliance_name;
};
std::vector<FeedMeeting> MeetingsForUser(db::Session& s, const std::string& user_id,
                                         const std::string& since);

// ---- briefs ----
std::vector<Brief> ListBriefs(db::Session& s, const std::string& alliance_id,
                              const std::string& meeting_id, const Audience& audience);

// ---- decisions ----
void SaveVote(db::Session& s, const std::string& decision_id, const CastVote& v);

// ---- action items ----
struct OwnedAction {
  ActionItem action;
  access::Membership membership;
};
std::vector<OwnedAction> ActionsOwnedBy(db::Session& s, const std::string& user_id);

using records::LockAlliance;

}  // namespace northstar::governance::store
