#include "platform/db/database.hpp"

#include <soci/postgresql/soci-postgresql.h>
#include <soci/sqlite3/soci-sqlite3.h>

#include <boost/url.hpp>
#include <filesystem>
#include <stdexcept>

#include "platform/db/sqlite_statements.hpp"

namespace northstar::db {

namespace {

std::string Quote(const std::string& value) {
  std::string out = "'";
  for (char c : value) {
    if (c == '\\' || c == '\'') out.push_back('\\');
    out.push_back(c);
  }
  return out + "'";
}

// libpq's keyword/value form of a postgresql:// URL (SOCI passes the string to PQconnectdb
// after its own parsing, which does not understand URLs).
std::string PostgresKeywords(const std::string& url) {
  auto parsed = boost::urls::parse_uri(url);
  if (!parsed) throw std::invalid_argument("not a valid PostgreSQL URL: " + url);
  const auto& u = *parsed;
  std::string out;
  auto add = [&out](const char* key, const std::string& value) {
    if (!value.empty()) out += std::string(out.empty() ? "" : " ") + key + "=" + Quote(value);
  };
  add("host", u.host());
  add("port", u.port());
  add("user", u.user());
  add("password", u.password());
  std::string dbname = u.path();
  if (!dbname.empty() && dbname.front() == '/') dbname.erase(0, 1);
  add("dbname", dbname);
  for (const auto& param : u.params())
    add(std::string(param.key).c_str(), std::string(param.value));
  return out;
}

}  // namespace

DatabaseUrl ParseDatabaseUrl(const std::string& url) {
  if (url.rfind("sqlite:", 0) == 0) {
    std::string path = url.substr(7);
    if (path.rfind("//", 0) == 0) path = path.substr(2);  // sqlite:///abs/path
    if (path.empty()) throw std::invalid_argument("the sqlite URL names no file: " + url);
    return {Dialect::kSqlite, "db=" + path + " timeout=10 shared_cache=false", path};
  }
  if (url.rfind("postgresql://", 0) == 0 || url.rfind("postgres://", 0) == 0) {
    return {Dialect::kPostgres, PostgresKeywords(url), ""};
  }
  throw std::invalid_argument("unsupported database URL '" + url +
                              "': use sqlite:PATH or postgresql://USER@HOST:PORT/DB");
}

Params& Params::Set(const std::string& name, std::string value) {
  Entry& e = entries_.emplace_back();
  e.name = name;
  e.text = std::move(value);
  return *this;
}

Params& Params::Set(const std::string& name, int64_t value) {
  Entry& e = entries_.emplace_back();
  e.name = name;
  e.is_int = true;
  e.integer = value;
  return *this;
}

Params& Params::Set(const std::string& name, const std::optional<std::string>& value) {
  if (value) return Set(name, *value);
  return SetNull(name);
}

Params& Params::SetNull(const std::string& name) {
  Entry& e = entries_.emplace_back();
  e.name = name;
  e.indicator = soci::i_null;
  return *this;
}

const Row::Cell& Row::At(const std::string& column) const {
  for (size_t i = 0; i < names_->size(); ++i) {
    if ((*names_)[i] == column) return cells_[i];
  }
  throw std::out_of_range("no column '" + column + "' in the result");
}

const std::string& Row::Str(const std::string& column) const {
  const Cell& c = At(column);
  if (c.null) throw std::runtime_error("column '" + column + "' is NULL");
  return c.text;
}

std::optional<std::string> Row::OptStr(const std::string& column) const {
  const Cell& c = At(column);
  if (c.null) return std::nullopt;
  return c.text;
}

int64_t Row::Int(const std::string& column) const {
  const Cell& c = At(column);
  if (c.null) throw std::runtime_error("column '" + column + "' is NULL");
  return c.is_int ? c.integer : std::stoll(c.text);
}

std::optional<int64_t> Row::OptInt(const std::string& column) const {
  if (At(column).null) return std::nullopt;
  return Int(column);
}

bool Row::IsNull(const std::string& column) const { return At(column).null; }

Session::Session(Database& database)
    : database_(database), session_(database.pool()), dialect_(database.dialect()) {
  // A connection that failed (the database restarted, the network dropped) is reopened on its
  // next lease, so the server recovers without a restart.
  if (!session_.is_connected()) session_.reconnect();
  if (dialect_ == Dialect::kSqlite) {
    auto it = database.sqlite_caches_.find(session_.get_backend());
    if (it != database.sqlite_caches_.end()) sqlite_ = it->second.get();
  }
}

soci::details::prepare_temp_type Session::Prepare(const std::string& sql, const Params& params) {
  // The params are only read, but SOCI's use() wants non-const lvalues that outlive the statement.
  Params& p = const_cast<Params&>(params);
  soci::details::prepare_temp_type prep = (session_.prepare << sql);
  for (auto& e : p.entries_) {
    if (e.is_int)
      prep, soci::use(e.integer, e.indicator, e.name);
    else
      prep, soci::use(e.text, e.indicator, e.name);
  }
  return prep;
}

std::vector<Row> Session::Query(const std::string& sql, const Params& params) {
  if (sqlite_) return sqlite_->Query(sql, params);
  soci::rowset<soci::row> rows(Prepare(sql, params));
  std::vector<Row> out;
  std::shared_ptr<const std::vector<std::string>> names;
  for (const soci::row& r : rows) {
    Row row;
    const size_t n = r.size();
    if (!names) {
      auto lower = std::make_shared<std::vector<std::string>>();
      for (size_t i = 0; i < n; ++i) {
        std::string name = r.get_properties(i).get_name();
        for (auto& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        lower->push_back(std::move(name));
      }
      names = std::move(lower);
    }
    row.names_ = names;
    row.cells_.resize(n);
    for (size_t i = 0; i < n; ++i) {
      const auto& props = r.get_properties(i);
      Row::Cell& cell = row.cells_[i];
      if (r.get_indicator(i) == soci::i_null) {
        cell.null = true;
        continue;
      }
      switch (props.get_data_type()) {
        case soci::dt_integer:
          cell.is_int = true, cell.integer = r.get<int>(i);
          break;
        case soci::dt_long_long:
          cell.is_int = true, cell.integer = r.get<long long>(i);
          break;
        case soci::dt_unsigned_long_long:
          cell.is_int = true, cell.integer = static_cast<int64_t>(r.get<unsigned long long>(i));
          break;
        case soci::dt_double: {
          const double d = r.get<double>(i);
          cell.is_int = true, cell.integer = static_cast<int64_t>(d);
          cell.text = std::to_string(d);
          break;
        }
        case soci::dt_date: {
          std::tm tm = r.get<std::tm>(i);
          char buf[32];
          std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%S.000Z", &tm);
          cell.text = buf;
          break;
        }
        default:
          cell.text = r.get<std::string>(i);
          break;
      }
    }
    out.push_back(std::move(row));
  }
  return out;
}

std::optional<Row> Session::QueryOne(const std::string& sql, const Params& params) {
  auto rows = Query(sql, params);
  if (rows.empty()) return std::nullopt;
  return std::move(rows.front());
}

int64_t Session::Exec(const std::string& sql, const Params& params) {
  int64_t affected = 0;
  if (sqlite_) {
    affected = sqlite_->Exec(sql, params);
  } else {
    soci::statement st(Prepare(sql, params));
    st.execute(true);
    affected = st.get_affected_rows();
  }
  database_.changes_.fetch_add(1, std::memory_order_acq_rel);
  return affected;
}

void Session::Control(const char* sql) {
  if (sqlite_) {
    sqlite_->Exec(sql, Params{});
  } else {
    session_ << sql;
  }
}

Transaction::Transaction(Session& session) : session_(session) {
  session_.Control(session_.dialect() == Dialect::kSqlite ? "BEGIN IMMEDIATE" : "BEGIN");
}

Transaction::~Transaction() {
  if (done_) return;
  try {
    session_.Control("ROLLBACK");
  } catch (...) {
    // The connection is broken; the pool's next user will see it.
  }
}

void Transaction::Commit() {
  session_.Control("COMMIT");
  done_ = true;
  session_.database_.changes_.fetch_add(1, std::memory_order_acq_rel);
}

ReadSnapshot::ReadSnapshot(Session& session) : session_(session) {
  if (session_.dialect() != Dialect::kSqlite) return;
  session_.Control("BEGIN");
  open_ = true;
}

ReadSnapshot::~ReadSnapshot() {
  if (!open_) return;
  try {
    session_.Control("COMMIT");
  } catch (...) {
    // A read transaction holds nothing to lose; a broken connection is the pool's to replace.
  }
}

Database::Database(const std::string& url, size_t pool_size)
    : url_(ParseDatabaseUrl(url)), pool_size_(pool_size) {
  if (url_.dialect == Dialect::kSqlite) {
    const auto parent = std::filesystem::path(url_.sqlite_path).parent_path();
    if (!parent.empty()) std::filesystem::create_directories(parent);
  }
  if (url_.dialect == Dialect::kSqlite) ConfigureSqliteOnce();
  pool_ = std::make_unique<soci::connection_pool>(pool_size);
  for (size_t i = 0; i < pool_size; ++i) {
    soci::session& s = pool_->at(i);
    if (url_.dialect == Dialect::kSqlite) {
      s.open(*soci::factory_sqlite3(), url_.connect_string);
      s << "PRAGMA journal_mode = WAL";
      s << "PRAGMA foreign_keys = ON";
      s << "PRAGMA busy_timeout = 10000";
      s << "PRAGMA synchronous = NORMAL";
      if (sqlite3* handle = NativeSqliteHandle(s)) {
        sqlite_caches_.emplace(s.get_backend(), std::make_unique<SqliteStatementCache>(handle));
      }
    } else {
      s.open(*soci::factory_postgresql(), url_.connect_string);
      s << "SET client_min_messages = WARNING";
    }
  }
}

std::string SafeMessage(const std::exception& error) {
  if (const auto* soci_error = dynamic_cast<const soci::soci_error*>(&error)) {
    return soci_error->get_error_message();
  }
  return error.what();
}

Database::~Database() {
  sqlite_caches_.clear();  // finalise statements while their connections are still open
}

bool IsConstraintViolation(const soci::soci_error& error) {
  const std::string what = error.what();
  return what.find("UNIQUE constraint") != std::string::npos ||
         what.find("FOREIGN KEY constraint") != std::string::npos ||
         what.find("duplicate key") != std::string::npos ||
         what.find("violates foreign key") != std::string::npos ||
         what.find("violates unique") != std::string::npos;
}

}  // namespace northstar::db
