// The rules of agreements and obligations, as pure functions: the RFC 5545 recurrence subset and
// its expansion into due dates, each occurrence's derived status, compliance tallies and the
// "consider an amendment" signal, reminder thresholds, an agreement's terms as amended on a day,
// the conflict check's "may touch" rule, and what an uploaded file really is. No database, no
// HTTP: unit-tested in model_test.cpp. Dates are ISO `YYYY-MM-DD` text. Then the records of
// agreements as the server holds them (the record kit reads their descriptions).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "platform/common/json.hpp"
#include "platform/records/fields.hpp"
#include "platform/records/record.hpp"

namespace northstar::agreements {

inline const std::vector<std::string_view> kKinds = {"cda",
                                                     "term_sheet",
                                                     "collaboration",
                                                     "license",
                                                     "co_development",
                                                     "co_commercialisation",
                                                     "data_sharing",
                                                     "material_transfer",
                                                     "statement_of_work",
                                                     "supply",
                                                     "other"};
inline const std::vector<std::string_view> kRelations = {"master", "sub_agreement", "amendment"};
inline const std::vector<std::string_view> kStatuses = {"draft",  "in_negotiation", "signed",
                                                        "active", "expired",        "terminated"};
inline const std::vector<std::string_view> kExclusivities = {"exclusive", "non_exclusive", "sole",
                                                             "none"};
inline const std::vector<std::string_view> kCategories = {
    "reporting", "payment",         "diligence", "regulatory", "supply",
    "ip",        "data_protection", "audit",     "governance", "other"};
inline const std::vector<std::string_view> kDirections = {"owed", "joint"};
inline const std::vector<std::string_view> kSchedules = {"once", "recurring", "milestone"};
// What a person records on an occurrence; "open" clears it.
inline const std::vector<std::string_view> kRecordedStatuses = {"fulfilled", "waived", "in_dispute",
                                                                "open"};
inline const std::vector<std::string_view> kOccurrenceStatuses = {
    "upcoming", "due", "overdue", "fulfilled", "waived", "in_dispute"};
inline const std::vector<std::string_view> kRestrictionKinds = {
    "exclusivity", "non_compete", "field_limit", "territory_limit", "change_of_control"};
inline const std::vector<std::string_view> kIpKinds = {"background", "foreground"};
inline const std::vector<std::string_view> kPrivacyBases = {"consent", "de_identified",
                                                            "anonymised", "contract"};

// An agreement in force binds: signed or active.
bool IsInForce(std::string_view status);

// ---- recurrence (RFC 5545 subset) ------------------------------------------------------------

struct ByDay {
  int weekday = 0;  // 0 = Monday … 6 = Sunday
  int ordinal = 0;  // 0 = every such weekday; 1 = first, -1 = last (MONTHLY only)
};

struct RecurrenceRule {
  std::string freq;  // DAILY | WEEKLY | MONTHLY | YEARLY
  int64_t interval = 1;
  std::vector<int> by_month_day;     // ±1..31, MONTHLY only
  std::vector<ByDay> by_day;         // DAILY, WEEKLY, MONTHLY
  std::optional<int64_t> count;      // 1..1000
  std::optional<std::string> until;  // YYYY-MM-DD, inclusive
};

struct ParsedRule {
  std::optional<RecurrenceRule> rule;
  std::string
      error;  // when !rule: names the offending part, e.g. "BYMONTHDAY=0 is not 1..31 or -31..-1"
};

// Parses e.g. "FREQ=MONTHLY;INTERVAL=3;BYMONTHDAY=-1;COUNT=8" (an optional "RRULE:" prefix is
// accepted; parts in any order, names case-insensitive). Unknown parts, repeated parts, COUNT with
// UNTIL, BYMONTHDAY outside MONTHLY, ordinals outside MONTHLY, and BYDAY with YEARLY are errors.
ParsedRule ParseRule(std::string_view text);
// The canonical text of a rule: FREQ first, then INTERVAL (when not 1), BYMONTHDAY, BYDAY, COUNT,
// UNTIL (as YYYYMMDD).
std::string FormatRule(const RecurrenceRule& rule);

// The rule's occurrences on or after `start` (DTSTART, itself an occurrence only when it matches
// the rule's BYxxx parts, as RFC 5545 counts it) that fall in [from, to], ascending, at most
// `limit`. COUNT counts from `start`, not from `from`. Dates that do not exist (31 April, 29
// February in a common year) are skipped. Deterministic and bounded: it stops after `to`, after
// COUNT or UNTIL, or after 100 years of periods.
std::vector<std::string> Expand(const RecurrenceRule& rule, std::string_view start,
                                std::string_view from, std::string_view to, size_t limit = 1000);

// ---- schedules and occurrences ---------------------------------------------------------------

struct Schedule {
  std::string kind;                                  // once | recurring | milestone
  std::optional<std::string> due_on;                 // once
  std::optional<std::string> starts_on;              // recurring
  std::optional<RecurrenceRule> rule;                // recurring
  std::optional<std::string> milestone_achieved_on;  // milestone: its actual date, if achieved
  int64_t offset_days = 0;                           // milestone
};

// The due dates of a schedule in [from, to], ascending, at most `limit`.
std::vector<std::string> DueDates(const Schedule& schedule, std::string_view from,
                                  std::string_view to, size_t limit = 1000);
// Whether `day` is one of the schedule's due dates.
bool IsDueDate(const Schedule& schedule, std::string_view day);

// Days before the due date in which an occurrence counts as "due" rather than "upcoming".
inline constexpr int64_t kDueWindowDays = 7;

// `recorded` (fulfilled | waived | in_dispute) wins; otherwise overdue when due_on < today, due
// when today ≤ due_on ≤ today + kDueWindowDays, else upcoming.
std::string DeriveStatus(const std::optional<std::string>& recorded, std::string_view due_on,
                         std::string_view today);

// ---- compliance ------------------------------------------------------------------------------

struct OccurrenceFact {
  std::string due_on;
  std::string status;                       // derived, as DeriveStatus gives it
  std::optional<std::string> fulfilled_on;  // with fulfilled
};

// on_time | late | overdue | waived | in_dispute | pending (not yet due, or due today and open).
std::string Outcome(const OccurrenceFact& fact);

struct Tally {
  int64_t due = 0, on_time = 0, late = 0, overdue = 0, waived = 0, in_dispute = 0;
  void Add(const OccurrenceFact& fact);  // counts only facts whose Outcome is not pending
  // on_time / (on_time + late + overdue); nullopt when that is 0.
  std::optional<double> Rate() const;
};

// "2026-Q3" for a date in July–September 2026.
std::string QuarterOf(std::string_view date);

inline constexpr int64_t kSignalWindow = 4;     // the last occurrences looked at
inline constexpr int64_t kSignalThreshold = 2;  // late or waived among them to raise the signal

struct AmendmentSignal {
  bool consider_amendment = false;
  int64_t late = 0, waived = 0, considered = 0;
  std::string
      reason;  // e.g. "3 of the last 4 occurrences were late or waived"; empty when not raised
};
// Over an obligation's occurrences (any order): the last kSignalWindow with due_on ≤ today and an
// outcome other than pending; raised when late + overdue + waived among them ≥ kSignalThreshold.
AmendmentSignal SignalFor(std::vector<OccurrenceFact> occurrences, std::string_view today);

// ---- reminders -------------------------------------------------------------------------------

// The most recent threshold reached: the smallest d in `days` with due − d ≤ today ≤ due.
std::optional<int64_t> ReminderThreshold(const std::vector<int64_t>& days, std::string_view due,
                                         std::string_view today);

// ---- agreement terms -------------------------------------------------------------------------

struct TermChanges {
  std::optional<std::string> expiry_on;
  std::optional<int64_t> notice_period_days;
  std::optional<std::string> governing_law, field, territory, exclusivity;
  bool Empty() const;
};

struct Terms {
  std::optional<std::string> expiry_on;
  std::optional<int64_t> notice_period_days;
  std::string governing_law, field, territory, exclusivity;
  std::optional<std::string> notice_deadline;  // filled by AsAmended
  std::vector<std::string> applied_amendment_ids;
};

struct Amendment {
  std::string id, status, created_at;
  std::optional<std::string> effective_on, signed_on;
  TermChanges changes;
};

// expiry − notice days; nullopt without both.
std::optional<std::string> NoticeDeadline(const std::optional<std::string>& expiry_on,
                                          const std::optional<int64_t>& notice_period_days);
// Signed or active, and its effective date (or, without one, its signing date) on or before today.
bool AmendmentInForce(const Amendment& amendment, std::string_view today);
// `base` with the changes of every amendment in force applied in order of that date (then
// created_at), and the notice deadline computed from the result.
Terms AsAmended(Terms base, std::vector<Amendment> amendments, std::string_view today);

// ---- conflict check --------------------------------------------------------------------------

struct Proposal {
  std::vector<std::string> therapeutic_areas, modalities, territories;
  std::string counterparty;
  std::optional<std::string> starts_on, ends_on;  // starts today when not given
};

struct RestrictionScope {
  std::vector<std::string> therapeutic_areas, modalities, territories, counterparties;
  std::optional<std::string> starts_on, ends_on;  // already falling back to the agreement's dates
};

// nullopt when the proposal cannot touch the restriction; otherwise what matched, e.g.
// {"therapeutic area: Heart failure", "territory: EU"} (a dimension left open on either side
// matches without naming a value: "modality: any").
std::optional<std::vector<std::string>> MayTouch(const RestrictionScope& restriction,
                                                 const Proposal& proposal, std::string_view today);

// ---- uploads ---------------------------------------------------------------------------------

struct UploadCheck {
  bool ok = false;
  std::string content_type;  // detected, when ok
  std::string error;         // when !ok: "executable files are not accepted", …
  std::string kind;          // when !ok: executable | mismatch | unsupported | empty
};
// What `bytes` named `name` really is, against its extension and the declared Content-Type
// (empty or application/octet-stream = not declared). See docs/design/agreements-api.md.
UploadCheck CheckUpload(std::string_view name, std::string_view declared_type,
                        std::string_view bytes);

// ---- data register ---------------------------------------------------------------------------

// not_scheduled | scheduled | due (within 30 days) | overdue | confirmed
std::string DestructionStatus(const std::optional<std::string>& destruction_due_on,
                              const std::optional<std::string>& destroyed_on,
                              std::string_view today);

// ---- the records --------------------------------------------------------------------------------
//
// The records of agreements as the server holds them. Agreements, notes, obligations,
// restrictions, IP assets and datasets are alliance records with the standard access columns
// (records::RecordBase); documents and recorded occurrences belong to their record.

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
                      (title, kind, relation, parent_id, party_ids, status, signed_on, effective_on,
                       expiry_on, notice_period_days, governing_law, field, territory, exclusivity,
                       summary, reminder_days))

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
