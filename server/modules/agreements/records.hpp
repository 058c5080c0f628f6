// The records of agreements as the server holds them. Agreements, notes, obligations,
// restrictions, IP assets and datasets are alliance records with the standard access columns
// (records::RecordBase); documents and recorded occurrences belong to their record.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "modules/agreements/model.hpp"
#include "platform/common/json.hpp"
#include "platform/records/fields.hpp"
#include "platform/records/record.hpp"

namespace northstar::agreements {

using records::RecordBase;
using records::ScopeOf;

struct ObligationChange {
  std::string obligation_id, change;
};

struct Agreement : RecordBase {
  std::string title, kind, relation;
  std::optional<std::string> parent_id;
  std::vector<std::string> party_ids;
  std::string status = "draft";
  std::optional<std::string> signed_on, effective_on, expiry_on;
  std::optional<int64_t> notice_period_days;
  std::string governing_law, field, territory, exclusivity = "none", summary;
  std::vector<int64_t> reminder_days = {90, 30};
  TermChanges term_changes;
  std::vector<ObligationChange> obligation_changes;
};
BOOST_DESCRIBE_STRUCT(Agreement, (RecordBase),
                      (title, kind, relation, parent_id, party_ids, status, signed_on,
                       effective_on, expiry_on, notice_period_days, governing_law, field,
                       territory, exclusivity, summary, reminder_days))

struct Document {
  std::string id, agreement_id, name;
  int64_t version = 1;
  std::string content_type;
  int64_t size_bytes = 0;
  std::string sha256, uploaded_by, uploaded_by_name, uploaded_at;
  bool latest = false;
};

struct Note : RecordBase {
  std::string agreement_id, body;
};
BOOST_DESCRIBE_STRUCT(Note, (RecordBase), (agreement_id, body))

struct Obligation : RecordBase {
  std::string agreement_id, agreement_title, clause_ref, title, description, category, direction;
  std::optional<std::string> owed_by, owed_to, responsible_user_id;
  std::string owed_by_name, owed_to_name, responsible_name;
  std::string schedule;
  std::optional<std::string> due_on, starts_on, rrule, milestone_id;
  int64_t offset_days = 0;
  std::vector<int64_t> reminder_days = {14, 3};
  // Read with the obligation: the milestone's title and actual date.
  std::string milestone_title;
  std::optional<std::string> milestone_achieved_on;
};
BOOST_DESCRIBE_STRUCT(Obligation, (RecordBase),
                      (agreement_id, clause_ref, title, description, category, direction, owed_by,
                       owed_to, responsible_user_id, schedule, due_on, starts_on, rrule,
                       milestone_id, offset_days, reminder_days))

// What someone recorded on one occurrence.
struct Recorded {
  std::string obligation_id, due_on, status;
  std::optional<std::string> fulfilled_on, evidence, reason, approver_id, approver_name;
  std::string recorded_by, recorded_by_name;
  int64_t version = 0;
  std::string updated_at;
};

struct Restriction : RecordBase {
  std::string agreement_id, agreement_title, kind, clause_ref, description;
  std::optional<std::string> restricted_party_id;
  std::vector<std::string> therapeutic_areas, modalities, territories, counterparties;
  std::optional<std::string> starts_on, ends_on;
};
BOOST_DESCRIBE_STRUCT(Restriction, (RecordBase),
                      (agreement_id, kind, clause_ref, description, restricted_party_id,
                       therapeutic_areas, modalities, territories, counterparties, starts_on,
                       ends_on))

struct Share {
  std::string organization_id;
  double percent = 0;
};
struct Licence {
  std::string licensee_id, field, territory;
  bool exclusive = false;
};

struct IpAsset : RecordBase {
  std::string title, kind, description;
  std::optional<std::string> agreement_id, owner_party_id;
  std::vector<Share> shares;
  std::vector<Licence> licences;
  std::string patent_family;
  std::optional<std::string> filing_on, expiry_on;
};
BOOST_DESCRIBE_STRUCT(IpAsset, (RecordBase),
                      (title, kind, description, agreement_id, owner_party_id, patent_family,
                       filing_on, expiry_on))

struct Dataset : RecordBase {
  std::string name, description;
  std::optional<std::string> agreement_id;
  std::string provider_id, recipient_id;
  std::vector<std::string> purposes;
  std::string privacy_basis, security_requirements;
  std::optional<std::string> shared_on, retention_until, destruction_due_on, destroyed_on,
      destruction_evidence, destruction_confirmed_by;
  std::string destruction_confirmed_by_name;
};
BOOST_DESCRIBE_STRUCT(Dataset, (RecordBase),
                      (name, description, agreement_id, provider_id, recipient_id, purposes,
                       privacy_basis, security_requirements, shared_on, retention_until,
                       destruction_due_on, destroyed_on, destruction_evidence,
                       destruction_confirmed_by))

// The string under `key` of a stored JSON object, if there is one.
std::optional<std::string> StringField(const json::object& o, const char* key);

// An amendment's changes as JSON (stored and answered the same way), and back.
json::object TermChangesJson(const TermChanges& t);
TermChanges TermChangesFromJson(const json::value& v);
json::array ObligationChangesJson(const std::vector<ObligationChange>& changes);
std::vector<ObligationChange> ObligationChangesFromJson(const json::value& v);

}  // namespace northstar::agreements
