// Kept apart from sqlite_statements.cpp: SOCI's sqlite3 header declares SQLite's API inside its
// own namespace, which must not meet the global <sqlite3.h> in one translation unit.
#include <soci/sqlite3/soci-sqlite3.h>

#include "platform/db/sqlite_statements.hpp"

namespace northstar::db {

sqlite3* NativeSqliteHandle(soci::session& session) {
  // The backend's type information is not exported by libsoci_sqlite3, so ask for its name.
  if (session.get_backend() == nullptr || session.get_backend_name() != "sqlite3") return nullptr;
  auto* backend = static_cast<soci::sqlite3_session_backend*>(session.get_backend());
  return reinterpret_cast<sqlite3*>(backend->conn_);
}

}  // namespace northstar::db
