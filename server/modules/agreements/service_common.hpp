// What the agreements use cases share (internal to the module): the audit view of each record,
// the generic list/get/create/update/delete of a record table, and the checks that a referenced
// record is visible to everyone who may read the referring one.
#pragma once

#include <string>
#include <type_traits>
#include <vector>

#include "modules/agreements/service.hpp"
#include "modules/agreements/store.hpp"
#include "platform/audit/audit.hpp"

namespace northstar::agreements {

// The audit view of each record (found by alliances::AuditCreate and AuditUpdate).
json::object AuditOf(const Agreement& a);
json::object AuditOf(const Note& n);
json::object AuditOf(const Obligation& o);
json::object AuditOf(const Restriction& r);
json::object AuditOf(const IpAsset& i);
json::object AuditOf(const Dataset& d);

namespace internal {

using alliances::EnterAlliance;

template <typename T>
WithContext<T> Within(RecordContext c, T value) {
  return WithContext<T>{std::move(value), std::move(c)};
}

// Whether the caller writes records (managers and members) or commits the party (managers).
bool IsWriter(const access::Membership& m);
bool IsManager(const access::Membership& m);

using alliances::RequireCovered;

template <typename T>
void Assign(T& field, const std::optional<T>& value) {
  if (value) field = *value;
}

// 422 on `later` when both dates are given and `later` is before `earlier`.
Status RequireOrder(const std::optional<std::string>& earlier, const std::string& earlier_field,
                    const std::optional<std::string>& later, const std::string& later_field);

template <typename T>
Result<WithContext<std::vector<T>>> ListOf(db::Database& db, const auth::Principal& actor,
                                           const std::string& alliance_id,
                                           const store::Table<T>& t) {
  db::Session s(db);
  db::ReadSnapshot snapshot(s);
  NS_ASSIGN_OR_RETURN(RecordContext c, EnterAlliance(s, actor, alliance_id));
  auto list = store::List(s, t, alliance_id, {c.membership});
  return Within(std::move(c), std::move(list));
}

template <typename T>
Result<WithContext<T>> GetOf(db::Database& db, const auth::Principal& actor,
                             const std::string& alliance_id, const store::Table<T>& t,
                             const std::string& id) {
  db::Session s(db);
  db::ReadSnapshot snapshot(s);
  NS_ASSIGN_OR_RETURN(RecordContext c, EnterAlliance(s, actor, alliance_id));
  NS_ASSIGN_OR_RETURN(T r, alliances::Visible(c, store::Find(s, t, alliance_id, id)));
  return Within(std::move(c), std::move(r));
}

// `apply(session, context, input, record, current)` sets the record's own fields from the input
// (defaults when `current` is null: a creation) and checks them.
template <typename T, typename Input, typename Apply>
Result<WithContext<T>> CreateOf(db::Database& db, const auth::Principal& actor,
                                const std::string& alliance_id, const store::Table<T>& t,
                                const char* type, const Input& input, Apply apply) {
  db::Session s(db);
  db::Transaction tx(s);
  records::LockAlliance(s, alliance_id);
  NS_ASSIGN_OR_RETURN(RecordContext c, EnterAlliance(s, actor, alliance_id));
  T r;
  NS_TRY(alliances::StartRecord(s, c, actor, input, r));
  NS_TRY(apply(s, c, input, r, static_cast<const T*>(nullptr)));
  store::Insert(s, t, r);
  alliances::AuditCreate(s, actor, r, type);
  auto created = store::Find(s, t, alliance_id, r.id);
  tx.Commit();
  return Within(std::move(c), std::move(*created));
}

template <typename T, typename Input, typename Apply>
Result<WithContext<T>> UpdateOf(db::Database& db, const auth::Principal& actor,
                                const std::string& alliance_id, const store::Table<T>& t,
                                const char* type, const std::string& id, int64_t version,
                                const Input& input, Apply apply) {
  db::Session s(db);
  db::Transaction tx(s);
  records::LockAlliance(s, alliance_id);
  NS_ASSIGN_OR_RETURN(RecordContext c, EnterAlliance(s, actor, alliance_id));
  NS_ASSIGN_OR_RETURN(T current, alliances::Visible(c, store::Find(s, t, alliance_id, id)));
  NS_TRY(alliances::StartChange(c, current, version));
  T next = current;
  NS_TRY(alliances::ApplyCommon(s, c, input, next));
  NS_TRY(apply(s, c, input, next, &current));
  if (!store::Update(s, t, next, version)) return Stale();
  alliances::AuditUpdate(s, actor, current, next, type);
  auto updated = store::Find(s, t, alliance_id, id);
  tx.Commit();
  return Within(std::move(c), std::move(*updated));
}

// Deletes a record: the policy, `check` (may refuse it, in the same transaction), the row and
// the audit event.
template <typename T, typename Check = std::nullptr_t>
Status DeleteOf(db::Database& db, const auth::Principal& actor, const std::string& alliance_id,
                const store::Table<T>& t, const char* type, const std::string& id,
                Check check = nullptr) {
  db::Session s(db);
  db::Transaction tx(s);
  records::LockAlliance(s, alliance_id);
  NS_ASSIGN_OR_RETURN(RecordContext c, EnterAlliance(s, actor, alliance_id));
  NS_ASSIGN_OR_RETURN(T current, alliances::Visible(c, store::Find(s, t, alliance_id, id)));
  NS_TRY(access::AuthorizeRecordChange(c.membership, ScopeOf(current)));
  if constexpr (!std::is_same_v<Check, std::nullptr_t>) NS_TRY(check(s, current));
  store::Delete(s, t.name, id);
  alliances::AuditRecord(s, actor.user_id, current, type, "delete",
                         audit::Deleted(AuditOf(current)), ScopeOf(current));
  tx.Commit();
  return OkStatus();
}

// The amendments of `a` among `all` (as the model reads them), and `a`'s terms as amended on
// `today` (the notice deadline included).
std::vector<Amendment> AmendmentsOf(const Agreement& a, const std::vector<Agreement>& all);
Terms TermsOn(const Agreement& a, const std::vector<Agreement>& all, const std::string& today);

// ---- obligations (service_obligations.cpp), used by agreements and the job ----------------

// Views of `obligations` with what was recorded on them and their occurrences in [from, to]
// (sorted by date), for `today`. `milestones`: the alliance's milestone dates. `viewer`: whose
// view it is — the amendments that changed an obligation are named only when the viewer may
// read them (none without a viewer, as for the reminders job).
OccurrenceList Expand(db::Session& s, std::vector<Obligation> obligations,
                      const std::map<std::string, plans::MilestoneDate>& milestones,
                      const std::string& from, const std::string& to, const std::string& today,
                      const std::optional<access::Membership>& viewer);
Schedule ScheduleOf(const Obligation& o,
                    const std::map<std::string, plans::MilestoneDate>& milestones);

}  // namespace internal
}  // namespace northstar::agreements
