#include "platform/db/sqlite_statements.hpp"

#include <sqlite3.h>

#include <cctype>
#include <mutex>

namespace northstar::db {
namespace {

constexpr size_t kMaxCachedStatements = 256;

// Resets a statement when the step loop ends, however it ends, so that it releases its locks.
class ResetOnExit {
 public:
  explicit ResetOnExit(sqlite3_stmt* statement) : statement_(statement) {}
  ~ResetOnExit() {
    sqlite3_reset(statement_);
    sqlite3_clear_bindings(statement_);
  }

 private:
  sqlite3_stmt* statement_;
};

}  // namespace

void ConfigureSqliteOnce() {
  static std::once_flag once;
  std::call_once(once, [] {
    // Fails harmlessly (SQLITE_MISUSE) if SQLite was already initialised in this process.
    sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
  });
}

SqliteStatementCache::SqliteStatementCache(sqlite3* connection) : connection_(connection) {}

SqliteStatementCache::~SqliteStatementCache() {
  for (auto& [sql, prepared] : statements_) sqlite3_finalize(prepared.statement);
}

void SqliteStatementCache::Fail(const std::string& what) {
  throw soci::soci_error(what + ": " + sqlite3_errmsg(connection_));
}

const SqliteStatementCache::Prepared& SqliteStatementCache::Get(const std::string& sql) {
  auto it = statements_.find(sql);
  if (it != statements_.end()) return it->second;
  if (statements_.size() >= kMaxCachedStatements) {
    for (auto& [text, prepared] : statements_) sqlite3_finalize(prepared.statement);
    statements_.clear();
  }
  sqlite3_stmt* statement = nullptr;
  if (sqlite3_prepare_v3(connection_, sql.c_str(), static_cast<int>(sql.size()),
                         SQLITE_PREPARE_PERSISTENT, &statement, nullptr) != SQLITE_OK) {
    Fail("cannot prepare statement");
  }
  if (statement == nullptr) throw soci::soci_error("empty statement: " + sql);
  auto columns = std::make_shared<std::vector<std::string>>();
  for (int i = 0; i < sqlite3_column_count(statement); ++i) {
    std::string name = sqlite3_column_name(statement, i);
    for (auto& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    columns->push_back(std::move(name));
  }
  return statements_.emplace(sql, Prepared{statement, std::move(columns)}).first->second;
}

void SqliteStatementCache::Bind(sqlite3_stmt* statement, const Params& params) {
  for (const auto& e : params.entries_) {
    const std::string name = ":" + e.name;
    const int index = sqlite3_bind_parameter_index(statement, name.c_str());
    if (index == 0) throw soci::soci_error("Cannot bind to (by name) " + name);
    int rc;
    if (e.indicator == soci::i_null) {
      rc = sqlite3_bind_null(statement, index);
    } else if (e.is_int) {
      rc = sqlite3_bind_int64(statement, index, e.integer);
    } else {
      rc = sqlite3_bind_text(statement, index, e.text.data(), static_cast<int>(e.text.size()),
                             SQLITE_TRANSIENT);
    }
    if (rc != SQLITE_OK) Fail("cannot bind " + name);
  }
}

std::vector<Row> SqliteStatementCache::Query(const std::string& sql, const Params& params) {
  const Prepared& prepared = Get(sql);
  sqlite3_stmt* statement = prepared.statement;
  ResetOnExit reset(statement);
  Bind(statement, params);
  std::vector<Row> out;
  const int columns = static_cast<int>(prepared.columns->size());
  int rc;
  while ((rc = sqlite3_step(statement)) == SQLITE_ROW) {
    Row row;
    row.names_ = prepared.columns;
    row.cells_.resize(columns);
    for (int i = 0; i < columns; ++i) {
      Row::Cell& cell = row.cells_[i];
      switch (sqlite3_column_type(statement, i)) {
        case SQLITE_NULL:
          cell.null = true;
          break;
        case SQLITE_INTEGER:
          cell.is_int = true;
          cell.integer = sqlite3_column_int64(statement, i);
          break;
        case SQLITE_FLOAT:
          cell.is_int = true;
          cell.integer = static_cast<int64_t>(sqlite3_column_double(statement, i));
          cell.text = std::to_string(sqlite3_column_double(statement, i));
          break;
        default: {
          const auto* text = reinterpret_cast<const char*>(sqlite3_column_text(statement, i));
          cell.text.assign(text, static_cast<size_t>(sqlite3_column_bytes(statement, i)));
          break;
        }
      }
    }
    out.push_back(std::move(row));
  }
  if (rc != SQLITE_DONE) Fail("query failed");
  return out;
}

int64_t SqliteStatementCache::Exec(const std::string& sql, const Params& params) {
  sqlite3_stmt* statement = Get(sql).statement;
  ResetOnExit reset(statement);
  Bind(statement, params);
  int rc;
  while ((rc = sqlite3_step(statement)) == SQLITE_ROW) {
  }
  if (rc != SQLITE_DONE) Fail("statement failed");
  return sqlite3_changes(connection_);
}

}  // namespace northstar::db
