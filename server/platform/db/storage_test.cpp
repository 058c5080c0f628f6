// One storage suite for every backend: SQLite always; PostgreSQL when NORTHSTAR_TEST_POSTGRES_URL
// names a database (make test starts a throwaway cluster and sets it).
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>

#include "platform/access/policy.hpp"
#include "platform/audit/audit.hpp"
#include "platform/common/ids.hpp"
#include "platform/common/time.hpp"
#include "platform/db/database.hpp"
#include "platform/db/migrations.hpp"

namespace northstar {
namespace {

std::string SqliteUrl() {
  return "sqlite:" +
         (std::filesystem::temp_directory_path() / ("ns-unit-" + NewId() + ".db")).string();
}

class Storage : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    std::string url;
    if (GetParam() == "sqlite") {
      url = SqliteUrl();
    } else {
      const char* pg = std::getenv("NORTHSTAR_TEST_POSTGRES_URL");
      if (!pg && std::getenv("CI")) FAIL() << "CI must run the storage suite on PostgreSQL too";
      if (!pg) GTEST_SKIP() << "NORTHSTAR_TEST_POSTGRES_URL is not set (make test sets it)";
      url = pg;
    }
    if (GetParam() == "postgresql") {
      // A schema of its own for each test, so tests may run in parallel on one database.
      schema_ = "t_" + NewId().substr(24);
      admin_ = std::make_unique<db::Database>(url, 1);
      db::Session(*admin_).Exec("CREATE SCHEMA " + schema_);
      url += (url.find('?') == std::string::npos ? "?" : "&") +
             std::string("options=-c%20search_path%3D") + schema_;
    }
    database_ = std::make_unique<db::Database>(url, 2);
    db::Migrate(*database_);
    db::Session s(*database_);
    org_a_ = NewId(), org_b_ = NewId(), user_a_ = NewId(), user_b_ = NewId(), alliance_ = NewId();
    s.Exec(
        "INSERT INTO organizations (id, name, name_key, type, version, created_at, updated_at)"
        " VALUES ('" +
        org_a_ + "', 'A', 'a', 'pharma', 1, 'x', 'x'), ('" + org_b_ +
        "', 'B', 'b', 'startup', 1, 'x', 'x')");
    s.Exec(
        "INSERT INTO users (id, organization_id, email, name, org_role, active, version,"
        " created_at, updated_at) VALUES ('" +
        user_a_ + "', '" + org_a_ + "', 'a@a.example', 'Ann', 'admin', 1, 1, 'x', 'x'), ('" +
        user_b_ + "', '" + org_b_ + "', 'b@b.example', 'Bo', 'admin', 1, 1, 'x', 'x')");
    s.Exec(
        "INSERT INTO alliances (id, name, type, therapeutic_areas, territory, description,"
        " stage, archived, north_star_statement, north_star_beneficiaries, created_by, version,"
        " created_at, updated_at) VALUES ('" +
        alliance_ +
        "', 'X', 'service', '[]', '', '',"
        " 'scouting', 0, '', '', '" +
        user_a_ + "', 1, 'x', 'x')");
  }

  void TearDown() override {
    database_.reset();
    if (admin_) db::Session(*admin_).Exec("DROP SCHEMA " + schema_ + " CASCADE");
  }

  void InsertNote(const std::string& visibility, const std::string& org, const std::string& owner,
                  const std::string& readers = "[]") {
    db::Session s(*database_);
    db::Params p;
    p.Set("id", NewId())
        .Set("a", alliance_)
        .Set("vis", visibility)
        .Set("org", org)
        .Set("user", owner)
        .Set("readers", readers);
    s.Exec(
        "INSERT INTO notes (id, alliance_id, title, body, entry_date, visibility,"
        " owner_organization_id, owner_user_id, readers, version, created_at, updated_at)"
        " VALUES (:id, :a, :vis, '', '2026-01-01', :vis, :org, :user, :readers, 1, 'x', 'x')",
        p);
  }

  int64_t CountVisible(const access::Membership& m) {
    db::Session s(*database_);
    db::Params p;
    p.Set("a", alliance_);
    access::BindVisibility(p, m);
    return s
        .QueryOne("SELECT COUNT(*) AS n FROM notes n WHERE n.alliance_id = :a AND " +
                      access::VisibleRecordsSql("n"),
                  p)
        ->Int("n");
  }

  std::unique_ptr<db::Database> admin_;
  std::string schema_;
  std::unique_ptr<db::Database> database_;
  std::string org_a_, org_b_, user_a_, user_b_, alliance_;
};

TEST_P(Storage, MigrationsAreRecordedAndIdempotent) {
  EXPECT_EQ(db::CurrentVersion(*database_), db::LatestVersion());
  EXPECT_TRUE(db::Migrate(*database_).empty());
}

TEST_P(Storage, ParamsRoundTripNullsIntegersAndText) {
  db::Session s(*database_);
  db::Params p;
  p.Set("id", NewId()).Set("name", "Zürich – 東京").Set("web", std::nullopt);
  s.Exec(
      "INSERT INTO organizations (id, name, name_key, type, website, version, created_at,"
      " updated_at) VALUES (:id, :name, 'z', 'cro', :web, 41, 'x', 'x')",
      p);
  auto row = s.QueryOne("SELECT name, website, version FROM organizations WHERE name_key = 'z'");
  ASSERT_TRUE(row);
  EXPECT_EQ(row->Str("name"), "Zürich – 東京");
  EXPECT_FALSE(row->OptStr("website"));
  EXPECT_EQ(row->Int("version"), 41);
}

TEST_P(Storage, TransactionsRollBackUnlessCommitted) {
  db::Session s(*database_);
  {
    db::Transaction tx(s);
    s.Exec("UPDATE alliances SET name = 'changed'");
  }
  EXPECT_EQ(s.QueryOne("SELECT name FROM alliances")->Str("name"), "X");
  {
    db::Transaction tx(s);
    s.Exec("UPDATE alliances SET name = 'changed'");
    tx.Commit();
  }
  EXPECT_EQ(s.QueryOne("SELECT name FROM alliances")->Str("name"), "changed");
}

TEST_P(Storage, ChangesAreCountedButReadsAreNot) {
  db::Session s(*database_);
  const uint64_t before = database_->change_count();
  {
    db::ReadSnapshot snapshot(s);
    EXPECT_EQ(s.QueryOne("SELECT name FROM alliances")->Str("name"), "X");
    EXPECT_EQ(s.Query("SELECT id FROM users").size(), 2u);
  }
  EXPECT_EQ(database_->change_count(), before);
  {
    db::Transaction tx(s);
    s.Exec("UPDATE alliances SET name = 'changed'");
  }
  EXPECT_GT(database_->change_count(), before);  // even a write that rolls back counts
  const uint64_t after_write = database_->change_count();
  {
    db::Transaction tx(s);
    s.Exec("UPDATE alliances SET name = 'changed'");
    const uint64_t inside = database_->change_count();
    tx.Commit();
    // Bumped again at the commit, so nothing read before it stays current.
    EXPECT_GT(database_->change_count(), inside);
  }
  EXPECT_GT(database_->change_count(), after_write);
}

TEST_P(Storage, AReadSnapshotSeesOneStateOfTheDatabase) {
  db::Session reader(*database_);
  db::Session writer(*database_);
  db::ReadSnapshot snapshot(reader);
  EXPECT_EQ(reader.QueryOne("SELECT name FROM alliances")->Str("name"), "X");
  writer.Exec("UPDATE alliances SET name = 'changed'");
  const std::string seen = reader.QueryOne("SELECT name FROM alliances")->Str("name");
  if (database_->dialect() == db::Dialect::kSqlite) {
    EXPECT_EQ(seen, "X");  // one read transaction
  } else {
    EXPECT_EQ(seen, "changed");  // PostgreSQL: each statement reads what is committed
  }
}

TEST_P(Storage, UniqueViolationsAreRecognised) {
  db::Session s(*database_);
  try {
    s.Exec(
        "INSERT INTO organizations (id, name, name_key, type, version, created_at, updated_at)"
        " VALUES ('dup', 'A2', 'a', 'pharma', 1, 'x', 'x')");
    FAIL() << "expected a constraint violation";
  } catch (const soci::soci_error& e) {
    EXPECT_TRUE(db::IsConstraintViolation(e)) << e.what();
  }
}

TEST_P(Storage, VisibilityConditionMatchesThePolicy) {
  InsertNote("alliance", org_a_, user_a_);
  InsertNote("party", org_a_, user_a_);
  InsertNote("party", org_b_, user_b_);
  InsertNote("restricted", org_a_, user_a_, "[\"" + user_b_ + "\"]");
  InsertNote("restricted", org_a_, user_a_);
  const access::Membership a{alliance_, user_a_, org_a_, access::AllianceRole::kManager};
  const access::Membership b{alliance_, user_b_, org_b_, access::AllianceRole::kManager};
  // A: the alliance note, its own party note, both restricted notes it owns.
  EXPECT_EQ(CountVisible(a), 4);
  // B: the alliance note, its own party note, the restricted note naming B.
  EXPECT_EQ(CountVisible(b), 3);
  const access::Membership stranger{alliance_, NewId(), NewId(), access::AllianceRole::kViewer};
  EXPECT_EQ(CountVisible(stranger), 1);
}

TEST_P(Storage, AuditChainVerifiesAndCatchesTampering) {
  db::Session s(*database_);
  for (int i = 0; i < 5; ++i) {
    db::Transaction tx(s);
    audit::Event e;
    e.actor_id = user_a_;
    e.alliance_id = alliance_;
    e.record_type = "alliance";
    e.record_id = alliance_;
    e.action = "update";
    e.changes = audit::Diff({{"name", "X"}}, {{"name", "Y" + std::to_string(i)}});
    audit::Record(s, e);
    tx.Commit();
  }
  auto report = audit::Verify(s);
  EXPECT_TRUE(report.intact) << report.message;
  EXPECT_EQ(report.events_checked, 5);

  s.Exec(
      "UPDATE audit_events SET changes = '{\"name\":{\"before\":\"X\",\"after\":\"Z\"}}'"
      " WHERE seq = 3");
  report = audit::Verify(s);
  EXPECT_FALSE(report.intact);
  EXPECT_EQ(report.first_broken_seq, 3);
}

TEST_P(Storage, AuditChainCatchesRemovedEvents) {
  db::Session s(*database_);
  for (int i = 0; i < 3; ++i) {
    db::Transaction tx(s);
    audit::Event e;
    e.record_type = "organization";
    e.record_id = org_a_;
    e.action = "update";
    audit::Record(s, e);
    tx.Commit();
  }
  s.Exec("DELETE FROM audit_events WHERE seq = 3");
  auto report = audit::Verify(s);
  EXPECT_FALSE(report.intact);
  EXPECT_EQ(report.first_broken_seq, 3);
}

TEST_P(Storage, RolledBackChangesLeaveNoAuditEvent) {
  db::Session s(*database_);
  {
    db::Transaction tx(s);
    audit::Event e;
    e.record_type = "organization";
    e.record_id = org_a_;
    e.action = "update";
    audit::Record(s, e);
  }
  EXPECT_EQ(s.QueryOne("SELECT COUNT(*) AS n FROM audit_events")->Int("n"), 0);
  EXPECT_TRUE(audit::Verify(s).intact);
}

INSTANTIATE_TEST_SUITE_P(Backends, Storage, ::testing::Values("sqlite", "postgresql"),
                         [](const auto& info) { return info.param; });

TEST(Migrations, SplitsStatementsAndSkipsComments) {
  const auto parts = db::SplitStatements(
      "-- a comment;\nCREATE TABLE a (x INTEGER);\nINSERT INTO a VALUES (1);\n\n");
  ASSERT_EQ(parts.size(), 2u);
  EXPECT_EQ(parts[0], "CREATE TABLE a (x INTEGER)");
}

TEST(DatabaseUrl, ParsesBothBackends) {
  EXPECT_EQ(db::ParseDatabaseUrl("sqlite:./data/n.db").sqlite_path, "./data/n.db");
  EXPECT_EQ(db::ParseDatabaseUrl("sqlite:///tmp/n.db").sqlite_path, "/tmp/n.db");
  const auto pg = db::ParseDatabaseUrl("postgresql://u:p%20w@h:5/db?sslmode=disable");
  EXPECT_EQ(pg.dialect, db::Dialect::kPostgres);
  EXPECT_EQ(pg.connect_string,
            "host='h' port='5' user='u' password='p w' dbname='db' sslmode='disable'");
  EXPECT_THROW(db::ParseDatabaseUrl("mysql://x"), std::invalid_argument);
}

}  // namespace
}  // namespace northstar
