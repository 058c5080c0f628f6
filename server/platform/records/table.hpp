// A record table described once — its SQL name, its select, its own columns, how a row maps to
// the record and what hangs off a record in other tables — and the generic reads and writes
// every record table shares. Pure SQL over the record base (record.hpp): it knows no module. A
// module describes each of its tables with a Table<T> and calls List/Find/Insert/Update/All/
// Delete with it.
#pragma once

#include <algorithm>
#include <optional>
#include <string>
#include <vector>

#include "platform/db/database.hpp"
#include "platform/records/fields.hpp"
#include "platform/records/record.hpp"

namespace northstar::records {

template <typename T>
struct Table {
  std::string name;    // the SQL table
  std::string select;  // SelectRecords(...) with any joins of its own
  std::string order;   // list order
  // What a row holds beyond the base and the described fields (fields.hpp): names joined from
  // other tables, a field stored in several columns or under another name; none when null.
  void (*read)(const db::Row&, T&) = nullptr;
  // The columns written beyond the described fields, ", "-separated, bound by `bind` under
  // parameters of the same names.
  std::string extra_columns = {};
  void (*bind)(db::Params&, const T&) = nullptr;
  // What a record's row does not hold, read for records just read (rows of other tables: a
  // milestone's dependencies, a KPI's recent values); none when null.
  void (*load)(db::Session&, const std::string& alliance_id, std::vector<T>&) = nullptr;
  // Writes those rows after the record's own, on insert and on an update that took.
  void (*save)(db::Session&, const T&) = nullptr;
  // Deletes the rows that belong to a record, before the record.
  void (*remove)(db::Session&, const std::string& id) = nullptr;
  // The list order when SQL cannot give the same one on both databases (PostgreSQL orders text
  // by its locale, SQLite by bytes); `order` when null.
  bool (*before)(const T&, const T&) = nullptr;
};

// A record from one row of the table's select.
template <typename T>
T FromRow(const Table<T>& t, const db::Row& row) {
  T r;
  ReadRecordBase(row, r);
  ReadFields(row, r);
  if (t.read) t.read(row, r);
  return r;
}

namespace internal {

// Column lists over the described fields and the table's extra columns.
std::vector<std::string> SplitColumns(const std::string& columns);
template <typename T>
std::string Columns(const Table<T>& t) {
  const std::string& described = ColumnList<T>();
  if (t.extra_columns.empty()) return described;
  return described.empty() ? t.extra_columns : described + ", " + t.extra_columns;
}
template <typename T>
std::string Values(const Table<T>& t) {
  std::string out = ValueList<T>();
  for (const auto& c : SplitColumns(t.extra_columns)) out += (out.empty() ? ":" : ", :") + c;
  return out;
}
template <typename T>
std::string Sets(const Table<T>& t) {
  std::string out = SetList<T>();
  for (const auto& c : SplitColumns(t.extra_columns)) {
    if (!out.empty()) out += ", ";
    out.append(c).append(" = :").append(c);
  }
  return out;
}
template <typename T>
void Bind(const Table<T>& t, db::Params& p, const T& r) {
  BindFields(p, r);
  if (t.bind) t.bind(p, r);
}

template <typename T>
void Complete(db::Session& s, const Table<T>& t, const std::string& alliance_id,
              std::vector<T>& list) {
  if (t.before) std::stable_sort(list.begin(), list.end(), t.before);
  if (t.load) t.load(s, alliance_id, list);
}

}  // namespace internal

// The records of the alliance that `audience` may see, in the table's order.
template <typename T>
std::vector<T> List(db::Session& s, const Table<T>& t, const std::string& alliance_id,
                    const Audience& audience) {
  auto list = ListRecords<T>(
      s, t.select, alliance_id, audience, [&](const db::Row& row) { return FromRow(t, row); },
      t.order);
  internal::Complete(s, t, alliance_id, list);
  return list;
}

// One record of the alliance, whoever may see it (the caller applies the policy).
template <typename T>
std::optional<T> Find(db::Session& s, const Table<T>& t, const std::string& alliance_id,
                      const std::string& id) {
  auto found = FindRecord<T>(s, t.select, alliance_id, id,
                             [&](const db::Row& row) { return FromRow(t, row); });
  if (!found || !t.load) return found;
  std::vector<T> one{std::move(*found)};
  t.load(s, alliance_id, one);
  return std::move(one.front());
}

template <typename T>
void Insert(db::Session& s, const Table<T>& t, const T& r) {
  db::Params p;
  internal::Bind(t, p, r);
  InsertRecord(s, t.name, r, internal::Columns(t), internal::Values(t), p);
  if (t.save) t.save(s, r);
}

// False when the record's version is no longer `expected_version`.
template <typename T>
bool Update(db::Session& s, const Table<T>& t, const T& r, int64_t expected_version) {
  db::Params p;
  internal::Bind(t, p, r);
  if (!UpdateRecord(s, t.name, r, internal::Sets(t), p, expected_version)) return false;
  if (t.save) t.save(s, r);
  return true;
}

// Every record of the table in the alliance, whoever may see it (for checks across records).
template <typename T>
std::vector<T> All(db::Session& s, const Table<T>& t, const std::string& alliance_id) {
  db::Params p;
  p.Set("a", alliance_id);
  std::vector<T> out;
  for (const auto& row : s.Query(t.select + " WHERE r.alliance_id = :a ORDER BY " + t.order, p)) {
    out.push_back(FromRow(t, row));
  }
  internal::Complete(s, t, alliance_id, out);
  return out;
}

template <typename T>
void Delete(db::Session& s, const Table<T>& t, const std::string& id) {
  if (t.remove) t.remove(s, id);
  DeleteRecord(s, t.name, id);
}

}  // namespace northstar::records
