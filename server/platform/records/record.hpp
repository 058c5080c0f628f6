// What every alliance record shares — the standard access columns read by the policy, the
// responsible party, version and times — and the SQL and JSON that handle those columns, so a
// module writes only its own fields. Tables that use it have the base columns InsertRecord writes
// and are read as `r`.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "platform/access/policy.hpp"
#include "platform/common/json.hpp"
#include "platform/db/database.hpp"

namespace northstar::records {

struct RecordBase {
  std::string id;
  std::string alliance_id;
  std::string party_id;  // the party responsible for the record
  std::string party_name;
  std::string visibility = "alliance";
  std::string owner_organization_id;  // the party that wrote it
  std::string owner_organization_name;
  std::string owner_user_id;
  std::string author_name;
  std::vector<std::string> readers;
  int64_t version = 1;
  std::string created_at, updated_at;
};

access::RecordScope ScopeOf(const RecordBase& r);

// A record's version, which its ETag carries (as a function: a collection takes it by pointer).
template <typename T>
int64_t VersionOf(const T& r) {
  return r.version;
}

// A field a PATCH may set to null: absent (nullopt), null (an empty inner optional), or a value.
template <typename T>
using Nullable = std::optional<std::optional<T>>;

// What every record accepts besides its own fields.
struct CommonInput {
  std::optional<std::string> party_id, visibility;
  std::optional<std::vector<std::string>> readers;
};
void ReadCommon(InputReader& in, CommonInput& c);

// A field a PATCH may set to null. `read` must be called in every case, so the field counts as
// known to the reader.
template <typename T, typename Read>
Nullable<T> ReadNullable(InputReader& in, std::string_view key, Read read) {
  const bool present = in.Has(key);
  const bool null = in.IsNull(key);
  in.PermitNull(key);
  std::optional<T> value = read();
  if (!present) return std::nullopt;
  if (null) return std::optional<T>{};
  if (!value) return std::nullopt;  // invalid: the reader recorded why
  return value;
}

// An id field a PATCH may set to null.
Nullable<std::string> NullableId(InputReader& in, std::string_view key);
// A date field a PATCH may set to null.
Nullable<std::string> NullableDate(InputReader& in, std::string_view key);

// Reads an array of objects under `key`, each with `read_one` (which records its own errors).
template <typename T, typename ReadOne>
std::optional<std::vector<T>> ReadObjects(InputReader& in, std::string_view key, Presence presence,
                                          size_t max_items, ReadOne read_one) {
  const json::array* list = in.Array(key, presence, max_items);
  if (!list) return std::nullopt;
  std::vector<T> out;
  bool ok = true;
  for (size_t i = 0; i < list->size(); ++i) {
    std::string path(key);  // appended, not concatenated: GCC 12 warns falsely on the latter
    path.append("[").append(std::to_string(i)).append("]");
    if (!(*list)[i].is_object()) {
      in.AddError(path, "must be an object");
      ok = false;
      continue;
    }
    InputReader item((*list)[i].as_object(), path);
    std::optional<T> value = read_one(item);
    auto errors = item.Finish();
    ok = ok && errors.empty() && value;
    in.Merge(std::move(errors));
    if (value) out.push_back(std::move(*value));
  }
  if (!ok) return std::nullopt;
  return out;
}

// ---- SQL ----------------------------------------------------------------------------------

// "SELECT r.*, <names of the owner, author and party> FROM <table> r JOIN …", with the
// responsible person's name (`responsible_column` → responsible_user_name) when given.
std::string SelectRecords(const std::string& table, const std::string& responsible_column = "");
// Whose view a list is for: a member (the policy's condition) or, with no member, every party
// at once (only `alliance` records).
struct Audience {
  std::optional<access::Membership> member;
};
// " WHERE r.alliance_id = :a AND <who may see it>", binding what it needs.
std::string WhereVisible(db::Params& p, const std::string& alliance_id, const Audience& audience);
void ReadRecordBase(const db::Row& row, RecordBase& b);
// The access columns of a row (visibility, owner_organization_id, owner_user_id, readers), for
// records read without their full type.
access::RecordScope ScopeOfRow(const db::Row& row);
// The responsible person's name that SelectRecords(table, "responsible_user_id") joins in.
template <typename T>
void ReadResponsibleName(const db::Row& row, T& r) {
  r.responsible_user_name = row.OptStr("responsible_user_name");
}
// Inserts a record: the base columns and `columns` (", "-separated) with `values`.
void InsertRecord(db::Session& s, const std::string& table, const RecordBase& b,
                  const std::string& columns, const std::string& values, db::Params& p);
// Updates a record at `expected_version`, moving its version on; false when it was stale.
bool UpdateRecord(db::Session& s, const std::string& table, const RecordBase& b,
                  const std::string& set, db::Params& p, int64_t expected_version);
// Deletes one row of `table` (the caller has checked the policy and what refers to it).
void DeleteRecord(db::Session& s, const std::string& table, const std::string& id);
// Moves a record's version on without other changes (a child row changed what it shows).
void TouchRecord(db::Session& s, const std::string& table, const std::string& id,
                 const std::string& now);

template <typename T, typename FromRow>
std::optional<T> FindRecord(db::Session& s, const std::string& select,
                            const std::string& alliance_id, const std::string& id,
                            FromRow from_row) {
  db::Params p;
  p.Set("a", alliance_id).Set("id", id);
  auto row = s.QueryOne(select + " WHERE r.alliance_id = :a AND r.id = :id", p);
  if (!row) return std::nullopt;
  return from_row(*row);
}

template <typename T, typename FromRow>
std::vector<T> ListRecords(db::Session& s, const std::string& select,
                           const std::string& alliance_id, const Audience& audience,
                           FromRow from_row, const std::string& order = "r.created_at, r.id") {
  db::Params p;
  const std::string where = WhereVisible(p, alliance_id, audience);
  const std::string sql = select + where + " ORDER BY " + order;
  std::vector<T> out;
  for (const auto& row : s.Query(sql, p)) {
    out.push_back(from_row(row));
  }
  return out;
}

// On PostgreSQL, locks the alliance row so that writes that check several records of the
// alliance (cycles, consent, currencies) run one at a time; SQLite's write transactions
// (BEGIN IMMEDIATE) already do.
void LockAlliance(db::Session& s, const std::string& alliance_id);

// ---- JSON ---------------------------------------------------------------------------------

// `fields` with the base fields of the record added.
json::object RecordJson(const RecordBase& r, json::object fields);
// The base fields as an audit view records them.
json::object RecordAudit(const RecordBase& r);

}  // namespace northstar::records
