// For modules whose records live in an alliance (plans, governance, agreements, ...): the
// caller's standing and the alliance's parties for one use case, and the steps every record
// change shares — the policy's decision, the checks of party, visibility and readers, the audit
// event. Each step runs in the caller's session and transaction.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "modules/alliances/model.hpp"
#include "platform/access/policy.hpp"
#include "platform/audit/audit.hpp"
#include "platform/auth/principal.hpp"
#include "platform/common/error.hpp"
#include "platform/db/database.hpp"
#include "platform/records/fields.hpp"
#include "platform/records/record.hpp"

namespace northstar::alliances {

// The caller's membership, the alliance's parties and today, for one use case.
struct RecordContext {
  access::Membership membership;
  std::vector<Party> parties;
  std::string today;
  std::map<std::string, std::string> people;  // user id -> name of alliance members, when needed
  std::map<std::string, std::string> people_parties;  // user id -> their party, with `people`
};

template <typename T>
struct WithContext {
  T record;
  RecordContext context;
};

// NotFound unless the caller is a member of the alliance.
Result<RecordContext> EnterAlliance(db::Session& s, const auth::Principal& actor,
                                    const std::string& alliance_id);
// Fills `people` and `people_parties` from the alliance's members.
void LoadPeople(db::Session& s, RecordContext& c);
bool IsParty(const RecordContext& c, const std::string& organization_id);
std::string PartyName(const RecordContext& c, const std::string& organization_id);
Status RequireParty(const RecordContext& c, const std::string& organization_id,
                    const std::string& field);
// A responsible person (when given) must be an alliance member of `party_id`.
Status RequireMemberOf(db::Session& s, const RecordContext& c,
                       const std::optional<std::string>& user, const std::string& party_id,
                       const std::string& field);

// Fills what every new record has and asks the policy whether the caller may create it.
Status StartRecord(db::Session& s, const RecordContext& c, const auth::Principal& actor,
                   const records::CommonInput& in, records::RecordBase& r);
// The policy's decision on changing `current`, then the version check (412).
Status StartChange(const RecordContext& c, const records::RecordBase& current, int64_t version);
// Applies the common fields of a change and checks them.
Status ApplyCommon(db::Session& s, const RecordContext& c, const records::CommonInput& in,
                   records::RecordBase& next);

// Writes the audit event of a change to `r`, readable by `scope`.
void AuditRecord(db::Session& s, const std::string& actor_id, const records::RecordBase& r,
                 const std::string& type, const std::string& action, json::object changes,
                 const access::RecordScope& scope);

// A record's audit view: the module's `AuditOf(const T&)` beside T's namespace where its view
// needs more than the described fields (fields.hpp), else the base and the described fields.
template <typename T>
json::object AuditView(const T& r) {
  if constexpr (requires { AuditOf(r); }) {
    return AuditOf(r);
  } else {
    return records::Audit(r);
  }
}

// An update's event holds the record before and after: only those who could read both may
// read it, so neither a widening nor a narrowing reveals content to someone new.
template <typename T>
void AuditUpdate(db::Session& s, const auth::Principal& actor, const T& before, const T& after,
                 const std::string& type, json::object extra = {}) {
  const json::object after_view = AuditView(after);
  json::object changes = audit::Diff(AuditView(before), after_view);
  for (auto& entry : extra) changes[entry.key()] = std::move(entry.value());
  // The trail names the record it speaks of: an unchanged title travels too, before = after.
  for (const char* key : {"title", "name"}) {
    if (changes.contains(key) || !after_view.contains(key)) continue;
    changes[key] = {{"before", after_view.at(key)}, {"after", after_view.at(key)}};
    break;
  }
  AuditRecord(s, actor.user_id, after, type, "update", std::move(changes),
              access::Intersect(records::ScopeOf(before), records::ScopeOf(after)));
}

// `extra`: what the creation wrote beside the record, in the event's changes.
template <typename T>
void AuditCreate(db::Session& s, const auth::Principal& actor, const T& r, const std::string& type,
                 json::object extra = {}) {
  json::object changes = audit::Created(AuditView(r));
  for (auto& entry : extra) changes[entry.key()] = std::move(entry.value());
  AuditRecord(s, actor.user_id, r, type, "create", std::move(changes), records::ScopeOf(r));
}

// A record that refers to another (a meeting to its committee, an obligation to its agreement)
// must not show it to anyone who may not read it: 422 on `field` unless `referenced` exists, the
// caller can read it, and everyone who may read `referring` may read it too.
template <typename T>
Status RequireCovered(const RecordContext& c, const std::optional<T>& referenced,
                      const records::RecordBase& referring, const std::string& field,
                      const std::string& what) {
  if (!referenced || !access::CanRead(c.membership, records::ScopeOf(*referenced))) {
    return Invalid(field, "is not " + what + " of this alliance");
  }
  if (!access::Covers(records::ScopeOf(*referenced), records::ScopeOf(referring))) {
    return Invalid(field, "is " + what +
                              " that not everyone who may read this record can see;"
                              " narrow this record's visibility or widen the other's");
  }
  return OkStatus();
}

// The record, or NotFound when it does not exist or the caller may not read it.
template <typename T>
Result<T> Visible(const RecordContext& c, std::optional<T> record) {
  if (!record) return NotFound();
  NS_TRY(access::AuthorizeRead(c.membership, records::ScopeOf(*record)));
  return std::move(*record);
}

}  // namespace northstar::alliances
