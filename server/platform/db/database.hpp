// Database access over SOCI for SQLite and PostgreSQL: a connection pool, a small query API with
// named parameters that outlive the statement, rows read without caring which backend produced
// them, and write transactions that take the right lock on each backend.
//
// Thread-safety: Database is shared by all threads; a Session (one leased connection) belongs to
// one thread at a time.
#pragma once

#include <soci/soci.h>

#include <atomic>
#include <cstdint>
#include <deque>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace northstar::db {

enum class Dialect { kSqlite, kPostgres };

// A parsed database URL: "sqlite:path/to/file.db" or "postgresql://user@host:port/db".
struct DatabaseUrl {
  Dialect dialect;
  std::string connect_string;  // what SOCI's backend takes
  std::string sqlite_path;     // SQLite only
};
// Throws std::invalid_argument with a readable message on an unusable URL.
DatabaseUrl ParseDatabaseUrl(const std::string& url);

class Params {
 public:
  Params& Set(const std::string& name, std::string value);
  Params& Set(const std::string& name, const char* value) { return Set(name, std::string(value)); }
  Params& Set(const std::string& name, int64_t value);
  Params& Set(const std::string& name, int value) { return Set(name, static_cast<int64_t>(value)); }
  Params& Set(const std::string& name, bool value) { return Set(name, int64_t{value ? 1 : 0}); }
  Params& Set(const std::string& name, const std::optional<std::string>& value);
  Params& SetNull(const std::string& name);

 private:
  friend class Session;
  friend class SqliteStatementCache;
  struct Entry {
    std::string name;
    bool is_int = false;
    std::string text;
    long long integer = 0;
    soci::indicator indicator = soci::i_ok;
  };
  std::deque<Entry> entries_;
};

class Row {
 public:
  const std::string& Str(const std::string& column) const;
  std::optional<std::string> OptStr(const std::string& column) const;
  int64_t Int(const std::string& column) const;
  std::optional<int64_t> OptInt(const std::string& column) const;
  bool Bool(const std::string& column) const { return Int(column) != 0; }
  bool IsNull(const std::string& column) const;

 private:
  friend class Session;
  friend class SqliteStatementCache;
  struct Cell {
    bool null = false;
    bool is_int = false;
    std::string text;
    int64_t integer = 0;
  };
  const Cell& At(const std::string& column) const;
  // Column names in lower case, shared by all rows of one result.
  std::shared_ptr<const std::vector<std::string>> names_;
  std::vector<Cell> cells_;
};

class Database;
class SqliteStatementCache;

// One leased connection.
class Session {
 public:
  explicit Session(Database& database);
  Dialect dialect() const { return dialect_; }
  std::vector<Row> Query(const std::string& sql, const Params& params = {});
  std::optional<Row> QueryOne(const std::string& sql, const Params& params = {});
  // Returns the number of affected rows. Counts as a change of the database (see
  // Database::change_count).
  int64_t Exec(const std::string& sql, const Params& params = {});
  soci::session& raw() { return session_; }

 private:
  friend class Transaction;
  friend class ReadSnapshot;
  // Transaction control (BEGIN, COMMIT, ROLLBACK): not a change in itself.
  void Control(const char* sql);
  soci::details::prepare_temp_type Prepare(const std::string& sql, const Params& params);
  Database& database_;
  soci::session session_;
  Dialect dialect_;
  SqliteStatementCache* sqlite_ = nullptr;  // the connection's statements (SQLite only)
};

// A write transaction: BEGIN IMMEDIATE on SQLite (so concurrent writers queue on the busy timeout
// instead of failing to upgrade), BEGIN on PostgreSQL. Rolls back unless committed.
class Transaction {
 public:
  explicit Transaction(Session& session);
  ~Transaction();
  void Commit();

 private:
  Session& session_;
  bool done_ = false;
};

// A consistent read: the queries inside see one state of the database. On SQLite this is one
// deferred read transaction, so the WAL read lock (a mutex shared by all connections) is taken
// once instead of once per statement; on PostgreSQL it does nothing, each statement reading the
// committed state. Only for reads: writes belong in a Transaction.
class ReadSnapshot {
 public:
  explicit ReadSnapshot(Session& session);
  ~ReadSnapshot();
  ReadSnapshot(const ReadSnapshot&) = delete;
  ReadSnapshot& operator=(const ReadSnapshot&) = delete;

 private:
  Session& session_;
  bool open_ = false;
};

class Database {
 public:
  Database(const std::string& url, size_t pool_size);
  ~Database();
  Dialect dialect() const { return url_.dialect; }
  const DatabaseUrl& url() const { return url_; }
  soci::connection_pool& pool() { return *pool_; }
  size_t pool_size() const { return pool_size_; }
  // How many changes this process has made to the database: bumped after every Exec and every
  // commit. A cache of database state read when the count was N is current while it is still N,
  // as far as this process's own changes go.
  uint64_t change_count() const { return changes_.load(std::memory_order_acquire); }

 private:
  DatabaseUrl url_;
  size_t pool_size_;
  std::unique_ptr<soci::connection_pool> pool_;
  std::atomic<uint64_t> changes_{0};
  // Declared after the pool so that statements are finalised before connections close.
  std::map<const void*, std::unique_ptr<SqliteStatementCache>> sqlite_caches_;
  friend class Session;
  friend class Transaction;
};

// An exception's message safe for logs: SOCI appends the statement's parameters (hashes, e-mail
// addresses) to its messages; this keeps only the database's own error text.
std::string SafeMessage(const std::exception& error);

// True when a soci error is a uniqueness / foreign-key constraint violation.
bool IsConstraintViolation(const soci::soci_error& error);

}  // namespace northstar::db
