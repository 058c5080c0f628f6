// The use cases every alliance record type shares, from its table's description: list what the
// caller may see, read one, create, change at a version and delete — each with the policy, in
// one transaction, with its audit event and the version check. A module passes its table and the
// function that holds its own rules (`apply` sets and checks the record's own fields; a delete's
// `check` may refuse it). The audit view of a record is AuditView's (records.hpp).
#pragma once

#include <optional>
#include <string>
#include <type_traits>
#include <utility>
#include <vector>

#include "modules/alliances/records.hpp"
#include "platform/records/table.hpp"

namespace northstar::alliances {

// How a collection (http::Collection) answers a record found with its context: the module's
// `kJson(context, record)` (or `kJson(record)` when the JSON needs no context), and
// `kVersion(record)` for its ETag.
template <typename T, auto kJson>
json::object AnswerJson(const WithContext<T>& found) {
  if constexpr (std::is_invocable_v<decltype(kJson), const RecordContext&, const T&>) {
    return kJson(found.context, found.record);
  } else {
    return kJson(found.record);
  }
}
template <typename T, auto kVersion>
int64_t AnswerVersion(const WithContext<T>& found) {
  return kVersion(found.record);
}

// Sets the record's described fields from the input's fields of the same names (fields.hpp),
// when the input type is described.
template <typename Input, typename T>
void MergeInput(const Input& input, T& r) {
  if constexpr (boost::describe::has_describe_members<Input>::value) records::Merge(input, r);
}

template <typename T>
WithContext<T> Within(RecordContext c, T value) {
  return WithContext<T>{std::move(value), std::move(c)};
}

// Sets `field` when the input gives a value.
template <typename T>
void Assign(T& field, const std::optional<T>& value) {
  if (value) field = *value;
}

// `prepare(session, context)`, when given, adds what the type's answer needs to the context
// (LoadPeople: the names of the alliance's members).
template <typename T, typename Prepare = std::nullptr_t>
Result<WithContext<std::vector<T>>> ListOf(db::Database& db, const auth::Principal& actor,
                                           const std::string& alliance_id,
                                           const records::Table<T>& t, Prepare prepare = nullptr) {
  db::Session s(db);
  db::ReadSnapshot snapshot(s);
  NS_ASSIGN_OR_RETURN(RecordContext c, EnterAlliance(s, actor, alliance_id));
  if constexpr (!std::is_same_v<Prepare, std::nullptr_t>) prepare(s, c);
  auto list = records::List(s, t, alliance_id, {c.membership});
  return Within(std::move(c), std::move(list));
}

template <typename T, typename Prepare = std::nullptr_t>
Result<WithContext<T>> GetOf(db::Database& db, const auth::Principal& actor,
                             const std::string& alliance_id, const records::Table<T>& t,
                             const std::string& id, Prepare prepare = nullptr) {
  db::Session s(db);
  db::ReadSnapshot snapshot(s);
  NS_ASSIGN_OR_RETURN(RecordContext c, EnterAlliance(s, actor, alliance_id));
  if constexpr (!std::is_same_v<Prepare, std::nullptr_t>) prepare(s, c);
  NS_ASSIGN_OR_RETURN(T r, Visible(c, records::Find(s, t, alliance_id, id)));
  return Within(std::move(c), std::move(r));
}

// The input's fields of the record's described names are merged in first (MergeInput); then
// `apply(session, context, input, record, current)` applies the rest of the input (`current` is
// null for a creation) and checks the record; it may add to the context what
// the answer needs (as `prepare` does for a read).
template <typename T, typename Input, typename Apply>
Result<WithContext<T>> CreateOf(db::Database& db, const auth::Principal& actor,
                                const std::string& alliance_id, const records::Table<T>& t,
                                const char* type, const Input& input, Apply apply) {
  db::Session s(db);
  db::Transaction tx(s);
  records::LockAlliance(s, alliance_id);
  NS_ASSIGN_OR_RETURN(RecordContext c, EnterAlliance(s, actor, alliance_id));
  T r;
  NS_TRY(StartRecord(s, c, actor, input, r));
  MergeInput(input, r);
  NS_TRY(apply(s, c, input, r, static_cast<const T*>(nullptr)));
  records::Insert(s, t, r);
  AuditCreate(s, actor, r, type);
  auto created = records::Find(s, t, alliance_id, r.id);
  tx.Commit();
  return Within(std::move(c), std::move(*created));
}

// `start(context, current, version)`, when given, decides who may make this change and checks
// the version, in place of StartChange (an action item's owner may report its progress).
template <typename T, typename Input, typename Apply, typename Start = std::nullptr_t>
Result<WithContext<T>> UpdateOf(db::Database& db, const auth::Principal& actor,
                                const std::string& alliance_id, const records::Table<T>& t,
                                const char* type, const std::string& id, int64_t version,
                                const Input& input, Apply apply, Start start = nullptr) {
  db::Session s(db);
  db::Transaction tx(s);
  records::LockAlliance(s, alliance_id);
  NS_ASSIGN_OR_RETURN(RecordContext c, EnterAlliance(s, actor, alliance_id));
  NS_ASSIGN_OR_RETURN(T current, Visible(c, records::Find(s, t, alliance_id, id)));
  if constexpr (std::is_same_v<Start, std::nullptr_t>) {
    NS_TRY(StartChange(c, current, version));
  } else {
    NS_TRY(start(c, current, version));
  }
  T next = current;
  NS_TRY(ApplyCommon(s, c, input, next));
  MergeInput(input, next);
  NS_TRY(apply(s, c, input, next, &current));
  if (!records::Update(s, t, next, version)) return Stale();
  AuditUpdate(s, actor, current, next, type);
  auto updated = records::Find(s, t, alliance_id, id);
  tx.Commit();
  return Within(std::move(c), std::move(*updated));
}

// Deletes a record: the policy, `check` (may refuse it, in the same transaction), the row and
// the audit event.
template <typename T, typename Check = std::nullptr_t>
Status DeleteOf(db::Database& db, const auth::Principal& actor, const std::string& alliance_id,
                const records::Table<T>& t, const char* type, const std::string& id,
                Check check = nullptr) {
  db::Session s(db);
  db::Transaction tx(s);
  records::LockAlliance(s, alliance_id);
  NS_ASSIGN_OR_RETURN(RecordContext c, EnterAlliance(s, actor, alliance_id));
  NS_ASSIGN_OR_RETURN(T current, Visible(c, records::Find(s, t, alliance_id, id)));
  NS_TRY(access::AuthorizeRecordChange(c.membership, ScopeOf(current)));
  if constexpr (!std::is_same_v<Check, std::nullptr_t>) NS_TRY(check(s, current));
  records::Delete(s, t, id);
  AuditRecord(s, actor.user_id, current, type, "delete",
                         audit::Deleted(AuditView(current)), ScopeOf(current));
  tx.Commit();
  return OkStatus();
}

}  // namespace northstar::alliances
