// What the governance use cases share (internal to the module): entering an alliance, the audit
// views of each record, the checks that a referenced record is visible to everyone who may
// read the referring one, and the derived views.
#pragma once

#include <string>
#include <type_traits>
#include <vector>

#include "modules/governance/service.hpp"
#include "modules/alliances/record_steps.hpp"
#include "modules/governance/store.hpp"
#include "platform/audit/audit.hpp"

namespace northstar::governance {

// The audit view of each governance record (found by alliances::AuditCreate and AuditUpdate).
json::object AuditOf(const Committee& c);
json::object AuditOf(const DecisionRight& d);
json::object AuditOf(const Issue& i);
json::object AuditOf(const Meeting& m);
json::object AuditOf(const Brief& b);
json::object AuditOf(const Decision& d);
json::object AuditOf(const ActionItem& a);
json::object AuditOf(const Stakeholder& k);

namespace internal {

using alliances::Assign;
using alliances::CreateOf;
using alliances::EnterAlliance;
using alliances::GetOf;
using alliances::ListOf;
using alliances::UpdateOf;
using alliances::Within;

using alliances::AuditCreate;
using alliances::AuditUpdate;

// An event about `r` with only `changes` (a vote, a review, a move), readable as the record.
void AuditEvent(db::Session& s, const std::string& actor_id, const RecordBase& r,
                const std::string& type, const std::string& action, json::object changes);

using alliances::RequireCovered;

// The seats on a committee on `day`.
std::vector<Seat> SeatsOn(const Committee& c, const std::string& day);
CommitteeView ViewOf(const RecordContext& c, Committee committee);
// `committee` may be missing when the caller cannot read it: the view then has no quorum.
MeetingView ViewOf(const RecordContext& c, Meeting meeting,
                   const std::optional<Committee>& committee);
DecisionView ViewOf(const RecordContext& c, Decision decision,
                    const std::optional<Committee>& committee);

// Deletes a record nothing else needs: the policy, the rows and the audit event. `check`, when
// given, may refuse the record (in the same transaction, before the policy's decision).
template <typename T, typename Check = std::nullptr_t>
Status DeleteRecordOf(db::Database& db, const auth::Principal& actor,
                      const std::string& alliance_id, const std::string& id,
                      const records::Table<T>& table, const char* type, Check check = nullptr) {
  db::Session s(db);
  db::Transaction tx(s);
  store::LockAlliance(s, alliance_id);
  NS_ASSIGN_OR_RETURN(RecordContext c, EnterAlliance(s, actor, alliance_id));
  NS_ASSIGN_OR_RETURN(T current, alliances::Visible(c, records::Find(s, table, alliance_id, id)));
  if constexpr (!std::is_same_v<Check, std::nullptr_t>) NS_TRY(check(current));
  NS_TRY(access::AuthorizeRecordChange(c.membership, ScopeOf(current)));
  records::Delete(s, table, id);
  alliances::AuditRecord(s, actor.user_id, current, type, "delete",
                         audit::Deleted(alliances::AuditView(current)), ScopeOf(current));
  tx.Commit();
  return OkStatus();
}

}  // namespace internal
}  // namespace northstar::governance
