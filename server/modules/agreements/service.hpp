// Agreements, obligations and restrictions: the use cases. Every call enters the alliance as the
// caller, asks the one policy (server/platform/access) for each record, writes and audits in one
// transaction. Obligations expand into occurrences lazily (model.hpp); what people record on an
// occurrence is kept per (obligation, due date). The reminders job, the conflict check on a move
// to negotiation and the calendar feed's events are here too.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "modules/agreements/model.hpp"
#include "modules/alliances/records.hpp"
#include "modules/plans/service.hpp"
#include "platform/auth/principal.hpp"
#include "platform/common/error.hpp"
#include "platform/common/ical.hpp"
#include "platform/db/database.hpp"

namespace northstar::agreements {

using alliances::RecordContext;
using alliances::WithContext;
using records::CommonInput;
using records::Nullable;

// ---- inputs (all optional on update; required ones are checked by the routes on create) ----

struct AgreementInput : CommonInput {
  std::optional<std::string> title, kind, relation, status, governing_law, field, territory,
      exclusivity, summary;
  Nullable<std::string> parent_id, signed_on, effective_on, expiry_on;
  Nullable<int64_t> notice_period_days;
  std::optional<std::vector<std::string>> party_ids;
  std::optional<std::vector<int64_t>> reminder_days;
  std::optional<TermChanges> term_changes;
  std::optional<std::vector<ObligationChange>> obligation_changes;
};
BOOST_DESCRIBE_STRUCT(AgreementInput, (CommonInput),
                      (title, kind, relation, status, governing_law, field, territory, exclusivity,
                       summary, parent_id, signed_on, effective_on, expiry_on, notice_period_days,
                       party_ids, reminder_days))

struct NoteInput : CommonInput {
  std::optional<std::string> body;
};
BOOST_DESCRIBE_STRUCT(NoteInput, (CommonInput), (body))

struct ObligationInput : CommonInput {
  std::optional<std::string> agreement_id, clause_ref, title, description, category, direction,
      schedule;
  Nullable<std::string> owed_by, owed_to, responsible_user_id, due_on, starts_on, rrule,
      milestone_id;
  std::optional<int64_t> offset_days;
  std::optional<std::vector<int64_t>> reminder_days;
};
BOOST_DESCRIBE_STRUCT(ObligationInput, (CommonInput),
                      (agreement_id, clause_ref, title, description, category, direction, schedule,
                       owed_by, owed_to, responsible_user_id, due_on, starts_on, rrule,
                       milestone_id, offset_days, reminder_days))

struct OccurrenceInput {
  std::string status;  // fulfilled | waived | in_dispute | open
  std::optional<std::string> fulfilled_on, evidence, reason;
};

struct RestrictionInput : CommonInput {
  std::optional<std::string> agreement_id, kind, clause_ref, description;
  Nullable<std::string> restricted_party_id, starts_on, ends_on;
  std::optional<std::vector<std::string>> therapeutic_areas, modalities, territories,
      counterparties;
};
BOOST_DESCRIBE_STRUCT(RestrictionInput, (CommonInput),
                      (agreement_id, kind, clause_ref, description, restricted_party_id, starts_on,
                       ends_on, therapeutic_areas, modalities, territories, counterparties))

struct IpAssetInput : CommonInput {
  std::optional<std::string> title, kind, description, patent_family;
  Nullable<std::string> agreement_id, owner_party_id, filing_on, expiry_on;
  std::optional<std::vector<Share>> shares;
  std::optional<std::vector<Licence>> licences;
};
BOOST_DESCRIBE_STRUCT(IpAssetInput, (CommonInput),
                      (title, kind, description, patent_family, agreement_id, owner_party_id,
                       filing_on, expiry_on))

struct DatasetInput : CommonInput {
  std::optional<std::string> name, description, provider_id, recipient_id, privacy_basis,
      security_requirements;
  Nullable<std::string> agreement_id, shared_on, retention_until, destruction_due_on;
  std::optional<std::vector<std::string>> purposes;
};
BOOST_DESCRIBE_STRUCT(DatasetInput, (CommonInput),
                      (name, description, provider_id, recipient_id, privacy_basis,
                       security_requirements, agreement_id, shared_on, retention_until,
                       destruction_due_on, purposes))

// ---- views --------------------------------------------------------------------------------

struct AmendmentEntry {
  std::string id, title, status;
  std::optional<std::string> effective_on;
  TermChanges term_changes;
  std::vector<ObligationChange> obligation_changes;
  bool in_force = false;
};

struct AgreementView {
  Agreement agreement;
  Terms as_amended;
  std::vector<AmendmentEntry> amendments;  // oldest first, only those the caller may read
  int64_t document_count = 0, obligation_count = 0;
};

struct AmendedBy {
  std::string agreement_id, title, change;
};

struct ObligationView {
  Obligation obligation;
  std::optional<std::pair<std::string, std::string>> next_due;  // due_on, status
  std::vector<AmendedBy> amended_by;
  AmendmentSignal signal;
  std::string alliance_name;  // in lists across alliances
};

struct Occurrence {
  size_t obligation = 0;  // index into the list's obligations
  std::string due_on, status;
  std::optional<Recorded> recorded;
};

struct OccurrenceList {
  std::vector<ObligationView> obligations;
  std::vector<Occurrence> items;  // by due date
  std::string today;
};

struct ComplianceRow {
  std::string key, name;
  Tally tally;
};

struct QuarterRow {
  std::string quarter;
  std::optional<std::string> organization_id;  // nullopt: joint obligations
  std::string name;
  Tally tally;
};

struct SignalRow {
  size_t obligation = 0;
  AmendmentSignal signal;
};

struct Compliance {
  std::string from, to, today;
  OccurrenceList occurrences;  // everything in the views below points into it
  std::vector<ComplianceRow> by_party, by_category;
  std::vector<QuarterRow> by_quarter;
  std::vector<size_t> overdue, d30, d60, d90;  // indices into occurrences.items
  std::vector<SignalRow> signals;
};

struct DocumentContent {
  Document document;
  std::string bytes;
};

struct ProposalInput {
  Proposal proposal;
  std::optional<std::string> exclude_alliance_id;
};

struct ConflictHit {
  Restriction restriction;
  std::string alliance_id, alliance_name;
  std::vector<std::string> matched;
};

struct ConflictCheck {
  std::string checked_on, organization_id, organization_name;
  Proposal proposal;
  std::vector<ConflictHit> hits;
};

struct DatasetView {
  Dataset dataset;
  std::string destruction_status;
};

class AgreementsService {
 public:
  AgreementsService(db::Database& database, plans::PlansService& plans, uint64_t upload_limit)
      : db_(database), plans_(plans), upload_limit_(upload_limit) {}

  uint64_t upload_limit() const { return upload_limit_; }

  // Agreements.
  Result<WithContext<std::vector<AgreementView>>> ListAgreements(const auth::Principal& actor,
                                                                 const std::string& alliance_id);
  Result<WithContext<AgreementView>> GetAgreement(const auth::Principal& actor,
                                                  const std::string& alliance_id,
                                                  const std::string& id);
  Result<WithContext<AgreementView>> CreateAgreement(const auth::Principal& actor,
                                                     const std::string& alliance_id,
                                                     const AgreementInput& input);
  Result<WithContext<AgreementView>> UpdateAgreement(const auth::Principal& actor,
                                                     const std::string& alliance_id,
                                                     const std::string& id, int64_t version,
                                                     const AgreementInput& input);
  Status DeleteAgreement(const auth::Principal& actor, const std::string& alliance_id,
                         const std::string& id);

  // Documents.
  Result<std::vector<Document>> ListDocuments(const auth::Principal& actor,
                                              const std::string& alliance_id,
                                              const std::string& agreement_id);
  Result<Document> UploadDocument(const auth::Principal& actor, const std::string& alliance_id,
                                  const std::string& agreement_id, const std::string& name,
                                  const std::string& declared_type, const std::string& bytes);
  Result<DocumentContent> DownloadDocument(const auth::Principal& actor,
                                           const std::string& alliance_id,
                                           const std::string& agreement_id,
                                           const std::string& document_id);

  // Internal notes on an agreement.
  Result<WithContext<std::vector<Note>>> ListNotes(const auth::Principal& actor,
                                                   const std::string& alliance_id,
                                                   const std::string& agreement_id);
  Result<WithContext<Note>> CreateNote(const auth::Principal& actor, const std::string& alliance_id,
                                       const std::string& agreement_id, const NoteInput& input);
  Result<WithContext<Note>> UpdateNote(const auth::Principal& actor, const std::string& alliance_id,
                                       const std::string& agreement_id, const std::string& id,
                                       int64_t version, const NoteInput& input);
  Status DeleteNote(const auth::Principal& actor, const std::string& alliance_id,
                    const std::string& agreement_id, const std::string& id);

  // Obligations and their occurrences.
  Result<WithContext<std::vector<ObligationView>>> ListObligations(const auth::Principal& actor,
                                                                   const std::string& alliance_id);
  Result<WithContext<ObligationView>> GetObligation(const auth::Principal& actor,
                                                    const std::string& alliance_id,
                                                    const std::string& id);
  Result<WithContext<ObligationView>> CreateObligation(const auth::Principal& actor,
                                                       const std::string& alliance_id,
                                                       const ObligationInput& input);
  Result<WithContext<ObligationView>> UpdateObligation(const auth::Principal& actor,
                                                       const std::string& alliance_id,
                                                       const std::string& id, int64_t version,
                                                       const ObligationInput& input);
  Status DeleteObligation(const auth::Principal& actor, const std::string& alliance_id,
                          const std::string& id);
  // The occurrences in [from, to] of one obligation (`obligation_id`) or of all.
  Result<WithContext<OccurrenceList>> Occurrences(const auth::Principal& actor,
                                                  const std::string& alliance_id,
                                                  const std::optional<std::string>& obligation_id,
                                                  const std::string& from, const std::string& to);
  Result<WithContext<OccurrenceList>> RecordOccurrence(const auth::Principal& actor,
                                                       const std::string& alliance_id,
                                                       const std::string& obligation_id,
                                                       const std::string& due_on, int64_t version,
                                                       const OccurrenceInput& input);
  Result<OccurrenceList> MyObligations(const auth::Principal& actor, const std::string& from,
                                       const std::string& to);
  Result<WithContext<Compliance>> GetCompliance(const auth::Principal& actor,
                                                const std::string& alliance_id,
                                                const std::string& from, const std::string& to);

  // Restrictions and the conflict check.
  Result<WithContext<std::vector<Restriction>>> ListRestrictions(const auth::Principal& actor,
                                                                 const std::string& alliance_id);
  Result<WithContext<Restriction>> GetRestriction(const auth::Principal& actor,
                                                  const std::string& alliance_id,
                                                  const std::string& id);
  Result<WithContext<Restriction>> CreateRestriction(const auth::Principal& actor,
                                                     const std::string& alliance_id,
                                                     const RestrictionInput& input);
  Result<WithContext<Restriction>> UpdateRestriction(const auth::Principal& actor,
                                                     const std::string& alliance_id,
                                                     const std::string& id, int64_t version,
                                                     const RestrictionInput& input);
  Status DeleteRestriction(const auth::Principal& actor, const std::string& alliance_id,
                           const std::string& id);
  Result<ConflictCheck> CheckConflicts(const auth::Principal& actor, const ProposalInput& input);
  Result<ConflictCheck> CheckAlliance(const auth::Principal& actor, const std::string& alliance_id);
  // Runs the check for every manager of every party of an alliance that has just moved to
  // negotiation, notifying those with hits (in the caller's transaction).
  static void OnNegotiation(db::Session& s, const std::string& alliance_id,
                            const std::string& transition_id);

  // The IP register.
  Result<WithContext<std::vector<IpAsset>>> ListIpAssets(const auth::Principal& actor,
                                                         const std::string& alliance_id);
  Result<WithContext<IpAsset>> GetIpAsset(const auth::Principal& actor,
                                          const std::string& alliance_id, const std::string& id);
  Result<WithContext<IpAsset>> CreateIpAsset(const auth::Principal& actor,
                                             const std::string& alliance_id,
                                             const IpAssetInput& input);
  Result<WithContext<IpAsset>> UpdateIpAsset(const auth::Principal& actor,
                                             const std::string& alliance_id, const std::string& id,
                                             int64_t version, const IpAssetInput& input);
  Status DeleteIpAsset(const auth::Principal& actor, const std::string& alliance_id,
                       const std::string& id);

  // The data register.
  Result<WithContext<std::vector<DatasetView>>> ListDatasets(const auth::Principal& actor,
                                                             const std::string& alliance_id);
  Result<WithContext<DatasetView>> GetDataset(const auth::Principal& actor,
                                              const std::string& alliance_id,
                                              const std::string& id);
  Result<WithContext<DatasetView>> CreateDataset(const auth::Principal& actor,
                                                 const std::string& alliance_id,
                                                 const DatasetInput& input);
  Result<WithContext<DatasetView>> UpdateDataset(const auth::Principal& actor,
                                                 const std::string& alliance_id,
                                                 const std::string& id, int64_t version,
                                                 const DatasetInput& input);
  Result<WithContext<DatasetView>> ConfirmDestruction(const auth::Principal& actor,
                                                      const std::string& alliance_id,
                                                      const std::string& id, int64_t version,
                                                      const std::string& destroyed_on,
                                                      const std::string& evidence);
  Status DeleteDataset(const auth::Principal& actor, const std::string& alliance_id,
                       const std::string& id);

  // The reminders job: delivers every reminder due on `today`; returns how many it stored.
  int64_t RunReminders(const std::string& today);
  // The calendar feed's events for one person: obligation occurrences, expiry and notice dates.
  std::vector<ical::Event> CalendarEvents(const std::string& user_id);

 private:
  db::Database& db_;
  plans::PlansService& plans_;
  uint64_t upload_limit_;
};

}  // namespace northstar::agreements
