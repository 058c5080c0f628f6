// A record table described once — its SQL name, its select, its own columns and how a row maps
// to the record — and the generic reads and writes every record table shares. Pure SQL over the
// record base (record.hpp): it knows no module. A module describes each of its tables with a
// Table<T> and calls List/Find/Insert/Update/All/DeleteRecord with it.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "platform/db/database.hpp"
#include "platform/records/record.hpp"

namespace northstar::records {

template <typename T>
struct Table {
  std::string name;     // the SQL table
  std::string select;   // SelectRecords(...) with any joins of its own
  std::string columns;  // the record's own columns, ", "-separated
  std::string values;   // their parameters, in the same order
  std::string set;      // "column = :param, …" for updates
  std::string order;    // list order
  T (*from_row)(const db::Row&);
  void (*bind)(db::Params&, const T&);
};

// The records of the alliance that `audience` may see, in the table's order.
template <typename T>
std::vector<T> List(db::Session& s, const Table<T>& t, const std::string& alliance_id,
                    const Audience& audience) {
  return ListRecords<T>(s, t.select, alliance_id, audience, t.from_row, t.order);
}

// One record of the alliance, whoever may see it (the caller applies the policy).
template <typename T>
std::optional<T> Find(db::Session& s, const Table<T>& t, const std::string& alliance_id,
                      const std::string& id) {
  return FindRecord<T>(s, t.select, alliance_id, id, t.from_row);
}

template <typename T>
void Insert(db::Session& s, const Table<T>& t, const T& r) {
  db::Params p;
  t.bind(p, r);
  InsertRecord(s, t.name, r, t.columns, t.values, p);
}

// False when the record's version is no longer `expected_version`.
template <typename T>
bool Update(db::Session& s, const Table<T>& t, const T& r, int64_t expected_version) {
  db::Params p;
  t.bind(p, r);
  return UpdateRecord(s, t.name, r, t.set, p, expected_version);
}

// Every record of the table in the alliance, whoever may see it (for checks across records).
template <typename T>
std::vector<T> All(db::Session& s, const Table<T>& t, const std::string& alliance_id) {
  db::Params p;
  p.Set("a", alliance_id);
  std::vector<T> out;
  for (const auto& row : s.Query(t.select + " WHERE r.alliance_id = :a ORDER BY " + t.order, p)) {
    out.push_back(t.from_row(row));
  }
  return out;
}

template <typename T>
void Delete(db::Session& s, const Table<T>& t, const std::string& id) {
  DeleteRecord(s, t.name, id);
}

}  // namespace northstar::records
