// Versioned, forward-only schema migrations in one portable SQL dialect (the files in
// db/migrations/, compiled in). Each migration runs in its own transaction and is recorded in
// schema_migrations.
#pragma once

#include <string>
#include <vector>

#include "platform/db/database.hpp"

namespace northstar::db {

struct Migration {
  int version;
  std::string name;
  std::string sql;
};

const std::vector<Migration>& EmbeddedMigrations();
int LatestVersion();
// The highest applied version, 0 for an empty database.
int CurrentVersion(Database& database);
// Applies what is missing; returns the names applied. Throws on failure (nothing of the failing
// migration stays applied).
std::vector<std::string> Migrate(Database& database);
// Splits a script into statements at semicolons that end a line.
std::vector<std::string> SplitStatements(const std::string& script);

}  // namespace northstar::db
