// The records of alliance governance as the server holds them. Committees, decision rights,
// issues, meetings, briefs, decisions, action items and stakeholders are alliance records with
// the standard access columns (records::RecordBase); seats, agenda items, attendance, reviews,
// votes and level history belong to their record and are read with it.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "modules/governance/model.hpp"
#include "platform/records/fields.hpp"
#include "platform/records/record.hpp"

namespace northstar::governance {

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
  std::string owner_user_id, owner_name, due_on, status = "open";
  std::optional<std::string> done_on;
  std::string alliance_name;  // for "my actions"
};
// The owner is stored as the responsible person (store.cpp).
BOOST_DESCRIBE_STRUCT(ActionItem, (RecordBase),
                      (title, description, meeting_id, decision_id, due_on, status, done_on))

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
