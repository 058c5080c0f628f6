#include "platform/db/migrations.hpp"

#include <algorithm>
#include <sstream>

#include "platform/common/time.hpp"

namespace northstar::db {
namespace {

constexpr char kCreateMigrationsTable[] =
    "CREATE TABLE IF NOT EXISTS schema_migrations ("
    " version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)";
constexpr int64_t kMigrationLock = 7274631;

// On PostgreSQL, holds the migration lock on this session's connection for as long as it lives.
// Taken before anything touches the schema: even CREATE TABLE IF NOT EXISTS is not safe when two
// nodes run it at the same moment (both see no table; one fails on the catalogue's unique index).
// SQLite needs none: its write transactions already run one at a time.
class MigrationLock {
 public:
  explicit MigrationLock(Session& session) : session_(session) {
    if (session_.dialect() != Dialect::kPostgres) return;
    Params p;
    p.Set("k", kMigrationLock);
    session_.Query("SELECT 1 AS locked FROM (SELECT pg_advisory_lock(:k)) AS l", p);
    held_ = true;
  }
  ~MigrationLock() {
    if (!held_) return;
    try {
      Params p;
      p.Set("k", kMigrationLock);
      session_.Query("SELECT pg_advisory_unlock(:k) AS unlocked", p);
    } catch (...) {
      // The connection is broken: PostgreSQL releases the lock as the connection ends.
    }
  }
  MigrationLock(const MigrationLock&) = delete;
  MigrationLock& operator=(const MigrationLock&) = delete;

 private:
  Session& session_;
  bool held_ = false;
};

}  // namespace

std::vector<std::string> SplitStatements(const std::string& script) {
  std::vector<std::string> out;
  std::istringstream in(script);
  std::string line, current;
  while (std::getline(in, line)) {
    const auto trimmed_start = line.find_first_not_of(" \t");
    if (trimmed_start != std::string::npos && line.compare(trimmed_start, 2, "--") == 0) continue;
    current += line + "\n";
    const auto last = line.find_last_not_of(" \t\r");
    if (last != std::string::npos && line[last] == ';') {
      current.erase(current.find_last_of(';'));
      if (current.find_first_not_of(" \t\r\n") != std::string::npos) out.push_back(current);
      current.clear();
    }
  }
  if (current.find_first_not_of(" \t\r\n") != std::string::npos) out.push_back(current);
  return out;
}

int LatestVersion() {
  int latest = 0;
  for (const auto& m : EmbeddedMigrations()) latest = std::max(latest, m.version);
  return latest;
}

int CurrentVersion(Database& database) {
  Session session(database);
  const char* exists_sql = database.dialect() == Dialect::kSqlite
                               ? "SELECT COUNT(*) AS n FROM sqlite_master WHERE type = 'table' AND "
                                 "name = 'schema_migrations'"
                               : "SELECT COUNT(*) AS n FROM information_schema.tables WHERE "
                                 "table_name = 'schema_migrations'"
                                 " AND table_schema = current_schema()";
  if (session.QueryOne(exists_sql)->Int("n") == 0) return 0;
  auto row = session.QueryOne("SELECT COALESCE(MAX(version), 0) AS v FROM schema_migrations");
  return row ? static_cast<int>(row->Int("v")) : 0;
}

std::vector<std::string> Migrate(Database& database) {
  std::vector<std::string> applied;
  Session session(database);
  // Two nodes starting at once: the second waits here, then finds the work done.
  MigrationLock lock(session);
  session.Exec(kCreateMigrationsTable);
  for (const auto& m : EmbeddedMigrations()) {
    Transaction tx(session);
    Params p;
    p.Set("v", m.version);
    if (session.QueryOne("SELECT version FROM schema_migrations WHERE version = :v", p)) continue;
    for (const auto& statement : SplitStatements(m.sql)) session.Exec(statement);
    Params record;
    record.Set("v", m.version).Set("n", m.name).Set("t", NowText());
    session.Exec("INSERT INTO schema_migrations (version, name, applied_at) VALUES (:v, :n, :t)",
                 record);
    tx.Commit();
    applied.push_back(m.name);
  }
  return applied;
}

}  // namespace northstar::db
