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

// What a record type adds to the kit's create and update, beside its table's description. Only
// `apply` is required; the steps take a bare `apply` as RulesOf(apply). The other steps are added
// by name — RulesOf(ApplyMilestone).After(RecordForecast).Answer(ViewOne) — which every compiler
// and clang-tidy read (designated initializers would need aggregate deduction, Clang 17 and up).
//   apply(session, context, input, record, current): applies what the input holds beyond the
//     described fields of the same names (merged in before, MergeInput) and checks the record;
//     `current` is null for a creation.
//   start(context, current, version): decides who may make an update and checks the version, in
//     place of StartChange (an action item's owner may report its progress).
//   after(session, context, input, record, current) -> json::object: writes what goes beside the
//     record once its row is written (a milestone's forecast history, approvals an edit voids);
//     what it returns joins the audit event's changes.
//   answer(session, context, record): what the change answers when not the record itself (a
//     milestone with what the plan derives from it), read in the same transaction.
template <typename A, typename S = std::nullptr_t, typename F = std::nullptr_t,
          typename W = std::nullptr_t>
struct Rules {
  A apply;
  S start = nullptr;
  F after = nullptr;
  W answer = nullptr;

  template <typename T>
  Rules<A, T, F, W> Start(T s) const {
    return {apply, std::move(s), after, answer};
  }
  template <typename T>
  Rules<A, S, T, W> After(T f) const {
    return {apply, start, std::move(f), answer};
  }
  template <typename T>
  Rules<A, S, F, T> Answer(T w) const {
    return {apply, start, after, std::move(w)};
  }
};

template <typename A>
Rules<A> RulesOf(A apply) {
  return {std::move(apply)};
}

namespace internal {

template <typename R>
struct IsRules : std::false_type {};
template <typename A, typename S, typename F, typename W>
struct IsRules<Rules<A, S, F, W>> : std::true_type {};

template <typename R>
auto AsRules(R r) {
  if constexpr (IsRules<R>::value) {
    return r;
  } else {
    return RulesOf(std::move(r));
  }
}

template <typename T, typename Answer>
using AnswerOf = typename std::conditional_t<
    std::is_same_v<Answer, std::nullptr_t>, std::type_identity<T>,
    std::invoke_result<Answer, db::Session&, const RecordContext&, T>>::type;

template <typename T, typename R>
using ChangeAnswer = AnswerOf<T, decltype(AsRules(std::declval<R>()).answer)>;

template <typename T, typename Answer>
AnswerOf<T, Answer> Answered(db::Session& s, const RecordContext& c, T r, const Answer& answer) {
  if constexpr (std::is_same_v<Answer, std::nullptr_t>) {
    return r;
  } else {
    return answer(s, c, std::move(r));
  }
}

template <typename After, typename Input, typename T>
json::object RunAfter(const After& after, db::Session& s, const RecordContext& c,
                      const Input& input, const T& r, const T* current) {
  if constexpr (std::is_same_v<After, std::nullptr_t>) {
    return {};
  } else {
    return after(s, c, input, r, current);
  }
}

}  // namespace internal

// `prepare(session, context)`, when given, adds what the type's answer needs to the context
// (LoadPeople: the names of the alliance's members). `answer(session, context, records)`, when
// given, is what the read answers instead of the records themselves (each milestone with what the
// plan derives from it; Each(answer) answers record by record).
template <typename T, typename Prepare = std::nullptr_t, typename Answer = std::nullptr_t>
Result<WithContext<internal::AnswerOf<std::vector<T>, Answer>>> ListOf(
    db::Database& db, const auth::Principal& actor, const std::string& alliance_id,
    const records::Table<T>& t, Prepare prepare = nullptr, Answer answer = nullptr) {
  db::Session s(db);
  db::ReadSnapshot snapshot(s);
  NS_ASSIGN_OR_RETURN(RecordContext c, EnterAlliance(s, actor, alliance_id));
  if constexpr (!std::is_same_v<Prepare, std::nullptr_t>) prepare(s, c);
  auto list = internal::Answered(s, c, records::List(s, t, alliance_id, {c.membership}), answer);
  return Within(std::move(c), std::move(list));
}

template <typename T, typename Prepare = std::nullptr_t, typename Answer = std::nullptr_t>
Result<WithContext<internal::AnswerOf<T, Answer>>> GetOf(
    db::Database& db, const auth::Principal& actor, const std::string& alliance_id,
    const records::Table<T>& t, const std::string& id, Prepare prepare = nullptr,
    Answer answer = nullptr) {
  db::Session s(db);
  db::ReadSnapshot snapshot(s);
  NS_ASSIGN_OR_RETURN(RecordContext c, EnterAlliance(s, actor, alliance_id));
  if constexpr (!std::is_same_v<Prepare, std::nullptr_t>) prepare(s, c);
  NS_ASSIGN_OR_RETURN(T r, Visible(c, records::Find(s, t, alliance_id, id)));
  auto found = internal::Answered(s, c, std::move(r), answer);
  return Within(std::move(c), std::move(found));
}

// A list's answer from a record's: `answer(session, context, record)` for each record.
template <typename Answer>
auto Each(Answer answer) {
  return [answer](db::Session& s, const RecordContext& c, auto list) {
    std::vector<std::invoke_result_t<Answer, db::Session&, const RecordContext&,
                                     typename decltype(list)::value_type>>
        out;
    out.reserve(list.size());
    for (auto& r : list) out.push_back(answer(s, c, std::move(r)));
    return out;
  };
}

template <typename T, typename Input, typename R>
Result<WithContext<internal::ChangeAnswer<T, R>>> CreateOf(
    db::Database& db, const auth::Principal& actor, const std::string& alliance_id,
    const records::Table<T>& t, const char* type, const Input& input, R rules_in) {
  const auto rules = internal::AsRules(std::move(rules_in));
  db::Session s(db);
  db::Transaction tx(s);
  records::LockAlliance(s, alliance_id);
  NS_ASSIGN_OR_RETURN(RecordContext c, EnterAlliance(s, actor, alliance_id));
  T r;
  NS_TRY(StartRecord(s, c, actor, input, r));
  MergeInput(input, r);
  NS_TRY(rules.apply(s, c, input, r, static_cast<const T*>(nullptr)));
  records::Insert(s, t, r);
  AuditCreate(s, actor, r, type,
              internal::RunAfter(rules.after, s, c, input, r, static_cast<const T*>(nullptr)));
  auto created =
      internal::Answered(s, c, std::move(*records::Find(s, t, alliance_id, r.id)), rules.answer);
  tx.Commit();
  return Within(std::move(c), std::move(created));
}

template <typename T, typename Input, typename R>
Result<WithContext<internal::ChangeAnswer<T, R>>> UpdateOf(
    db::Database& db, const auth::Principal& actor, const std::string& alliance_id,
    const records::Table<T>& t, const char* type, const std::string& id, int64_t version,
    const Input& input, R rules_in) {
  const auto rules = internal::AsRules(std::move(rules_in));
  db::Session s(db);
  db::Transaction tx(s);
  records::LockAlliance(s, alliance_id);
  NS_ASSIGN_OR_RETURN(RecordContext c, EnterAlliance(s, actor, alliance_id));
  NS_ASSIGN_OR_RETURN(T current, Visible(c, records::Find(s, t, alliance_id, id)));
  if constexpr (std::is_same_v<std::remove_cvref_t<decltype(rules.start)>, std::nullptr_t>) {
    NS_TRY(StartChange(c, current, version));
  } else {
    NS_TRY(rules.start(c, current, version));
  }
  T next = current;
  NS_TRY(ApplyCommon(s, c, input, next));
  MergeInput(input, next);
  NS_TRY(rules.apply(s, c, input, next, &current));
  if (!records::Update(s, t, next, version)) return Stale();
  AuditUpdate(s, actor, current, next, type,
              internal::RunAfter(rules.after, s, c, input, next, &current));
  auto updated =
      internal::Answered(s, c, std::move(*records::Find(s, t, alliance_id, id)), rules.answer);
  tx.Commit();
  return Within(std::move(c), std::move(updated));
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
  AuditRecord(s, actor.user_id, current, type, "delete", audit::Deleted(AuditView(current)),
              ScopeOf(current));
  tx.Commit();
  return OkStatus();
}

}  // namespace northstar::alliances
