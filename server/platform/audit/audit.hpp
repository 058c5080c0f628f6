// The audit trail: every change, by whom, when, before and after. Events are append-only and
// hash-chained: each event's hash covers its content and the previous event's hash, so changing
// or deleting any row breaks the chain from there on, which Verify() reports.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "platform/access/policy.hpp"
#include "platform/common/json.hpp"
#include "platform/db/database.hpp"

namespace northstar::audit {

struct Event {
  std::string actor_id;         // empty for the system (CLI, jobs)
  std::string alliance_id;      // empty for records outside any alliance
  std::string organization_id;  // the organisation the record belongs to, if any
  std::string record_type;      // "alliance", "note", "member", ...
  std::string record_id;
  std::string action;         // "create", "update", "delete", "stage", "archive", ...
  json::object changes;       // {"field": {"before": x, "after": y}}
  access::RecordScope scope;  // who may read the event (the record's own visibility)
};

// Field-by-field difference of two JSON objects: {field: {before, after}} for changed fields.
json::object Diff(const json::object& before, const json::object& after);
// All fields of a new record as changes from null.
json::object Created(const json::object& after);
json::object Deleted(const json::object& before);

// Appends an event. Requires: inside a db::Transaction of `session`, the same one that makes the
// change, so the change and its audit event commit or roll back together.
void Record(db::Session& session, const Event& event);

struct VerifyReport {
  bool intact = true;
  int64_t events_checked = 0;
  std::optional<int64_t> first_broken_seq;
  std::string message;
};
VerifyReport Verify(db::Session& session);

struct ListedEvent {
  int64_t seq;
  std::string id, at, actor_id, actor_name, record_type, record_id, action;
  json::value changes;
};
// Events of one alliance the member may read, newest first, keyset-paginated by seq.
std::vector<ListedEvent> ListForAlliance(db::Session& session, const access::Membership& member,
                                         std::optional<int64_t> before_seq, int limit);

}  // namespace northstar::audit
