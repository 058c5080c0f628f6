// The SQLite fast path: prepared statements of one connection, kept and reused. SOCI prepares
// every statement anew, which profiling showed to be over half the CPU of a simple read; SQLite
// statements are cheap to reset and rebind. PostgreSQL keeps using SOCI's statements.
//
// Thread-safety: one cache belongs to one connection, used by the one thread that leased it.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

#include "platform/db/database.hpp"

struct sqlite3;
struct sqlite3_stmt;

namespace northstar::db {

class SqliteStatementCache {
 public:
  // `connection` is the sqlite3* of a connection that outlives the cache.
  explicit SqliteStatementCache(sqlite3* connection);
  ~SqliteStatementCache();
  SqliteStatementCache(const SqliteStatementCache&) = delete;
  SqliteStatementCache& operator=(const SqliteStatementCache&) = delete;

  // Same contracts as Session::Query and Session::Exec; errors throw soci::soci_error with
  // SQLite's message (so IsConstraintViolation() recognises them).
  std::vector<Row> Query(const std::string& sql, const Params& params);
  int64_t Exec(const std::string& sql, const Params& params);

 private:
  struct Prepared {
    sqlite3_stmt* statement;
    std::shared_ptr<const std::vector<std::string>> columns;  // lower-case names
  };
  const Prepared& Get(const std::string& sql);
  void Bind(sqlite3_stmt* statement, const Params& params);
  [[noreturn]] void Fail(const std::string& what);

  sqlite3* connection_;
  std::unordered_map<std::string, Prepared> statements_;
};

// Process-wide SQLite settings that must precede the first connection (memory statistics off:
// their global lock serialised every allocation across database threads).
void ConfigureSqliteOnce();
// The sqlite3* behind a SOCI session opened with the sqlite3 backend.
sqlite3* NativeSqliteHandle(soci::session& session);

}  // namespace northstar::db
