// northstar: the server binary and its operator commands.
//   serve | migrate | demo | org create | user create | token create | audit verify | backup |
//   jobs run | routes
#include <spdlog/sinks/stdout_sinks.h>
#include <spdlog/spdlog.h>
#include <sqlite3.h>

#include <CLI/CLI.hpp>
#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <thread>

#include "app/demo.hpp"
#include "modules/accounts/routes.hpp"
#include "modules/agreements/routes.hpp"
#include "modules/alliances/routes.hpp"
#include "modules/calendar/routes.hpp"
#include "modules/governance/routes.hpp"
#include "modules/health/routes.hpp"
#include "modules/notifications/routes.hpp"
#include "modules/plans/routes.hpp"
#include "platform/audit/audit.hpp"
#include "platform/common/config.hpp"
#include "platform/common/ids.hpp"
#include "platform/common/time.hpp"
#include "platform/db/migrations.hpp"
#include "platform/http/server.hpp"
#include "platform/http/static_files.hpp"
#include "platform/http/system_routes.hpp"
#include "platform/jobs/jobs.hpp"

namespace ns = northstar;

namespace {

void SetUpLogging(const std::string& level) {
  auto app_log = spdlog::stderr_logger_mt("northstar");
  app_log->set_pattern("%Y-%m-%dT%H:%M:%S.%eZ %^%l%$ %v", spdlog::pattern_time_type::utc);
  spdlog::set_default_logger(app_log);
  auto access = spdlog::stdout_logger_mt("access");
  access->set_pattern("%v");
  access->flush_on(spdlog::level::info);
  spdlog::set_level(spdlog::level::from_str(level));
  access->set_level(spdlog::level::info);
}

// The --config file is applied first so that environment variables and flags override it.
std::string FindConfigPath(int argc, char** argv) {
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    if (arg == "--config" && i + 1 < argc) return argv[i + 1];
    if (arg.rfind("--config=", 0) == 0) return arg.substr(9);
  }
  if (const char* env = std::getenv("NORTHSTAR_CONFIG")) return env;
  return "";
}

struct Services {
  ns::db::Database database;
  ns::accounts::AccountsService accounts;
  ns::alliances::AlliancesService alliances;
  ns::plans::PlansService plans;
  ns::governance::GovernanceService governance;
  ns::agreements::AgreementsService agreements;
  ns::health::HealthService health;
  ns::notifications::NotificationsService notifications;
  ns::calendar::CalendarService calendar;
  ns::auth::PrincipalCache principals;
  ns::jobs::JobRunner jobs;
  Services(const ns::Config& config, size_t pool)
      : database(config.database, pool),
        accounts(database, config),
        alliances(database, accounts),
        plans(database),
        governance(database, plans),
        agreements(database, plans, config.upload_limit),
        health(database, plans, governance, agreements),
        notifications(database),
        calendar(database),
        principals(std::chrono::milliseconds(config.auth_cache_ms)) {
    jobs.Add("escalations",
             [this](const std::string& today) { return governance.EscalateDue(today); });
    jobs.Add("meetings held",
             [this](const std::string& today) { return governance.MarkMeetingsHeld(today); });
    jobs.Add("reminders",
             [this](const std::string& today) { return agreements.RunReminders(today); });
    jobs.Add("health reminders",
             [this](const std::string& today) { return health.RunReminders(today); });
    alliances.OnStageChange([](ns::db::Session& s, const ns::alliances::Alliance& alliance,
                               const std::string& transition_id) {
      if (alliance.stage == "negotiation") {
        ns::agreements::AgreementsService::OnNegotiation(s, alliance.id, transition_id);
      }
    });
  }
};

// What a person's calendar feed holds: the meetings they may see, from 90 days ago.
std::vector<ns::ical::Event> MeetingEvents(ns::governance::GovernanceService& governance,
                                           const std::string& user_id) {
  std::vector<ns::ical::Event> events;
  const std::string since = ns::AddDays(ns::TodayText(), -90) + "T00:00:00Z";
  for (const auto& [meeting, alliance] : governance.MeetingsForFeed(user_id, since)) {
    events.push_back(ns::governance::MeetingEvent(meeting, alliance));
  }
  return events;
}

void BuildRouter(ns::http::Router& router, Services& services, const ns::Config& config,
                 const ns::http::StaticFiles& static_files) {
  ns::http::RegisterSystemRoutes(router, services.database);
  ns::accounts::RegisterRoutes(router, services.accounts);
  ns::alliances::RegisterRoutes(router, services.alliances);
  ns::plans::RegisterRoutes(router, services.plans);
  ns::governance::RegisterRoutes(router, services.governance);
  ns::agreements::RegisterRoutes(router, services.agreements);
  ns::health::RegisterRoutes(router, services.health);
  ns::notifications::RegisterRoutes(router, services.notifications);
  ns::calendar::RegisterRoutes(
      router, services.calendar,
      {[&services](const std::string& user) { return MeetingEvents(services.governance, user); },
       [&services](const std::string& user) { return services.agreements.CalendarEvents(user); }});
  router.SetAuthenticator([&services](const ns::http::Request& r) {
    return ns::auth::Authenticate(services.database, r, &services.principals);
  });
  router.SetFallback([&static_files](const ns::http::Request& r) { return static_files.Serve(r); });
  if (!config.public_url.empty()) router.SetTrustedOrigins({config.public_url});
}

void PrintSignIns(const std::vector<ns::demo::SignIn>& sign_ins, const ns::Config& config) {
  if (sign_ins.empty()) return;
  std::cout << "\nDemo sign-ins (fresh passwords for this run):\n";
  for (const auto& s : sign_ins) {
    std::cout << "  " << s.organization << " — " << s.name << " (" << s.role << ")\n"
              << "      e-mail: " << s.email << "   password: " << s.password << "\n";
  }
  std::cout << std::endl;
}

int Serve(ns::Config& config) {
  // A connection for each database thread and each hashing thread (sign-ins read and write too).
  Services services(config, static_cast<size_t>(ns::EffectiveDbThreads(config) +
                                                ns::EffectiveHashThreads(config)));
  if (const int current = ns::db::CurrentVersion(services.database);
      current > ns::db::LatestVersion()) {
    throw std::runtime_error("the database schema is at version " + std::to_string(current) +
                             ", newer than this binary knows (" +
                             std::to_string(ns::db::LatestVersion()) + "); run a newer northstar");
  }
  for (const auto& name : ns::db::Migrate(services.database))
    spdlog::info("migration applied: {}", name);
  services.health.EnsureDefaultBank();
  ns::http::StaticFiles static_files(config.static_dir);
  if (!std::filesystem::exists(std::filesystem::path(config.static_dir) / "index.html")) {
    spdlog::warn("no web app in {} (index.html missing); serving the API only", config.static_dir);
  }
  ns::http::Router router;
  BuildRouter(router, services, config, static_files);
  if (config.demo) {
    const auto& files = ns::demo::EmbeddedFiles();
    if (ns::demo::LoadIfEmpty(services.accounts, router, files)) {
      spdlog::info("demo portfolio loaded");
    }
    PrintSignIns(ns::demo::ResetDemoPasswords(services.accounts, files), config);
  }
  ns::http::Server server(config, router);
  if (config.jobs_interval_seconds > 0) {
    services.jobs.Start(std::chrono::seconds(config.jobs_interval_seconds));
  }
  server.Run([&](unsigned short port) {
    std::cout << "Northstar is listening on http://"
              << (config.bind == "0.0.0.0" ? "localhost" : config.bind) << ":" << port
              << " (database: " << config.database << ")" << std::endl;
  });
  return 0;
}

int Backup(const std::string& database_url, const std::string& output) {
  const auto url = ns::db::ParseDatabaseUrl(database_url);
  if (url.dialect == ns::db::Dialect::kPostgres) {
    std::cout
        << "For PostgreSQL use pg_dump, which takes a consistent snapshot while the server runs:\n"
        << "  pg_dump --format=custom --file=" << (output.empty() ? "northstar.dump" : output)
        << " '" << database_url << "'\n";
    return 0;
  }
  if (output.empty()) throw std::runtime_error("--output is required for a SQLite backup");
  if (!std::filesystem::exists(url.sqlite_path)) {
    throw std::runtime_error("no database file at " + url.sqlite_path);
  }
  sqlite3* source = nullptr;
  sqlite3* target = nullptr;
  if (sqlite3_open_v2(url.sqlite_path.c_str(), &source, SQLITE_OPEN_READONLY, nullptr) !=
          SQLITE_OK ||
      sqlite3_open(output.c_str(), &target) != SQLITE_OK) {
    const std::string why = sqlite3_errmsg(source ? target ? target : source : source);
    sqlite3_close(source);
    sqlite3_close(target);
    throw std::runtime_error("cannot open the databases: " + why);
  }
  sqlite3_busy_timeout(source, 10000);
  // The online backup API copies a consistent snapshot page by page while writers continue.
  sqlite3_backup* backup = sqlite3_backup_init(target, "main", source, "main");
  int rc = SQLITE_OK;
  if (backup) {
    do {
      rc = sqlite3_backup_step(backup, 256);
      if (rc == SQLITE_BUSY || rc == SQLITE_LOCKED) sqlite3_sleep(50);
    } while (rc == SQLITE_OK || rc == SQLITE_BUSY || rc == SQLITE_LOCKED);
    sqlite3_backup_finish(backup);
  }
  const std::string error = sqlite3_errmsg(target);
  const int final_rc = sqlite3_errcode(target);
  sqlite3_close(source);
  sqlite3_close(target);
  if (rc != SQLITE_DONE || final_rc != SQLITE_OK)
    throw std::runtime_error("backup failed: " + error);
  std::cout << "backup written to " << output << std::endl;
  return 0;
}

int Run(int argc, char** argv) {
  ns::Config config;
  CLI::App app{"Northstar — the shared workspace of an alliance's partners"};
  app.require_subcommand(1);
  app.set_version_flag("--version", "northstar 0.1.0");
  app.footer(
      "Settings come from flags, NORTHSTAR_* environment variables or a TOML file (--config).\n"
      "`northstar serve --help` lists them: the database, limits such as --body-limit and\n"
      "--upload-limit (agreement documents), --jobs-interval-s for escalations and reminders.");
  try {
    if (const auto path = FindConfigPath(argc, argv); !path.empty())
      ns::ApplyTomlFile(path, config);
  } catch (const std::exception& e) {
    std::cerr << "error: " << e.what() << std::endl;
    return 2;
  }
  std::string config_path;
  auto add_database = [&](CLI::App* cmd) {
    cmd->add_option("--database", config.database,
                    "Database URL: sqlite:PATH or postgresql://USER@HOST:PORT/DB")
        ->envname("NORTHSTAR_DATABASE")
        ->capture_default_str();
  };

  auto* serve = app.add_subcommand("serve", "Serve the API and the web app");
  serve
      ->add_option("--config", config_path,
                   "TOML file with settings (same names as the flags, with underscores)")
      ->envname("NORTHSTAR_CONFIG");
  add_database(serve);
  serve->add_option("--bind", config.bind, "Address to listen on")
      ->envname("NORTHSTAR_BIND")
      ->capture_default_str();
  serve->add_option("--port", config.port, "Port to listen on (0 picks a free one)")
      ->envname("NORTHSTAR_PORT")
      ->capture_default_str();
  serve->add_option("--io-threads", config.io_threads, "Threads for network I/O")
      ->envname("NORTHSTAR_IO_THREADS")
      ->check(CLI::Range(1, 64))
      ->capture_default_str();
  serve
      ->add_option("--db-threads", config.db_threads,
                   "Threads (and connections) for database work; 0: one per core for SQLite, four "
                   "per core (at least 8) for PostgreSQL")
      ->envname("NORTHSTAR_DB_THREADS")
      ->check(CLI::Range(0, 256))
      ->capture_default_str();
  serve
      ->add_option("--hash-threads", config.hash_threads,
                   "Threads that hash passwords (sign-in, invitations, new users), apart from the "
                   "database threads; 0: half the cores, at least one")
      ->envname("NORTHSTAR_HASH_THREADS")
      ->check(CLI::Range(0, 64))
      ->capture_default_str();
  serve
      ->add_option("--hash-queue", config.hash_queue,
                   "Requests that may wait for a hashing thread; more get 503 with Retry-After")
      ->envname("NORTHSTAR_HASH_QUEUE")
      ->check(CLI::Range(1, 100'000))
      ->capture_default_str();
  serve->add_option("--static-dir", config.static_dir, "Folder with the built web app")
      ->envname("NORTHSTAR_STATIC_DIR")
      ->capture_default_str();
  serve->add_option("--body-limit", config.body_limit, "Largest request body in bytes")
      ->envname("NORTHSTAR_BODY_LIMIT")
      ->check(CLI::Range(uint64_t{1024}, uint64_t{1} << 30))
      ->capture_default_str();
  serve
      ->add_option("--upload-limit", config.upload_limit,
                   "Largest document upload in bytes (agreement documents)")
      ->envname("NORTHSTAR_UPLOAD_LIMIT")
      ->check(CLI::Range(uint64_t{1024}, uint64_t{1} << 30))
      ->capture_default_str();
  serve->add_option("--session-ttl-minutes", config.session_ttl_minutes, "How long a sign-in lasts")
      ->envname("NORTHSTAR_SESSION_TTL_MINUTES")
      ->check(CLI::Range(1, 60 * 24 * 90))
      ->capture_default_str();
  serve
      ->add_option(
          "--auth-cache-ms", config.auth_cache_ms,
          "How long a sign-in lookup is reused; changes made by this server apply at once, "
          "changes made elsewhere within this time; 0: off")
      ->envname("NORTHSTAR_AUTH_CACHE_MS")
      ->check(CLI::Range(0, 60'000))
      ->capture_default_str();
  serve
      ->add_option(
          "--jobs-interval-s", config.jobs_interval_seconds,
          "How often background jobs (escalations, reminders) run on this server; 0: not here")
      ->envname("NORTHSTAR_JOBS_INTERVAL_S")
      ->check(CLI::Range(0, 86'400))
      ->capture_default_str();
  serve
      ->add_option("--invitation-ttl-days", config.invitation_ttl_days,
                   "How long an invitation link works")
      ->envname("NORTHSTAR_INVITATION_TTL_DAYS")
      ->check(CLI::Range(1, 90))
      ->capture_default_str();
  serve
      ->add_option("--grace-seconds", config.grace_seconds,
                   "On SIGTERM, how long to let requests in flight finish")
      ->envname("NORTHSTAR_GRACE_SECONDS")
      ->check(CLI::Range(0, 600))
      ->capture_default_str();
  serve
      ->add_option("--read-timeout-seconds", config.read_timeout_seconds,
                   "Timeout of each read and write")
      ->envname("NORTHSTAR_READ_TIMEOUT_SECONDS")
      ->check(CLI::Range(1, 3600))
      ->capture_default_str();
  serve
      ->add_option("--idle-timeout-seconds", config.idle_timeout_seconds,
                   "How long an idle keep-alive connection stays open")
      ->envname("NORTHSTAR_IDLE_TIMEOUT_SECONDS")
      ->check(CLI::Range(1, 3600))
      ->capture_default_str();
  serve->add_option("--log-level", config.log_level, "trace, debug, info, warn, error")
      ->envname("NORTHSTAR_LOG_LEVEL")
      ->check(CLI::IsMember({"trace", "debug", "info", "warn", "error", "off"}))
      ->capture_default_str();
  serve->add_option("--access-log", config.access_log, "Write one JSON line per request to stdout")
      ->envname("NORTHSTAR_ACCESS_LOG")
      ->capture_default_str();
  serve
      ->add_option("--public-url", config.public_url,
                   "Base URL people use, for invitation links (default http://localhost:PORT)")
      ->envname("NORTHSTAR_PUBLIC_URL");
  serve
      ->add_option("--cookie-secure", config.cookie_secure,
                   "Secure cookie flag: auto (when behind TLS), always, never")
      ->envname("NORTHSTAR_COOKIE_SECURE")
      ->check(CLI::IsMember({"auto", "always", "never"}))
      ->capture_default_str();
  serve
      ->add_option("--trust-proxy", config.trust_proxy,
                   "Trust X-Forwarded-For/-Proto from a reverse proxy")
      ->envname("NORTHSTAR_TRUST_PROXY")
      ->capture_default_str();
  serve
      ->add_flag("--demo", config.demo,
                 "Load the demo portfolio into an empty database and print sign-ins")
      ->envname("NORTHSTAR_DEMO");

  auto* migrate =
      app.add_subcommand("migrate", "Apply the database migrations this binary carries");
  add_database(migrate);

  auto* demo = app.add_subcommand(
      "demo", "Load the demo portfolio (into an empty database) and print sign-ins");
  add_database(demo);
  std::string demo_from;
  demo->add_option("--from", demo_from,
                   "Load the *.json files of this directory instead of the demo built in (for "
                   "writing the demo's data without a rebuild)");

  std::string org_name, org_type, org_website;
  auto* org = app.add_subcommand("org", "Organisations")->require_subcommand(1);
  auto* org_create = org->add_subcommand("create", "Create an organisation; prints its id");
  add_database(org_create);
  org_create->add_option("--name", org_name, "Name")->required();
  org_create->add_option("--type", org_type, "Type")
      ->required()
      ->check(CLI::IsMember(std::vector<std::string>(ns::accounts::OrganizationTypes().begin(),
                                                     ns::accounts::OrganizationTypes().end())));
  org_create->add_option("--website", org_website, "Website");

  std::string user_org_id, user_org_name, user_email, user_name, user_password;
  bool user_admin = false;
  auto* user = app.add_subcommand("user", "People")->require_subcommand(1);
  auto* user_create =
      user->add_subcommand("create", "Create a person with a password; prints the id");
  add_database(user_create);
  auto* org_id_opt = user_create->add_option("--org-id", user_org_id, "Organisation id");
  user_create->add_option("--org", user_org_name, "Organisation name")->excludes(org_id_opt);
  user_create->add_option("--email", user_email, "E-mail address")->required();
  user_create->add_option("--name", user_name, "Full name")->required();
  user_create
      ->add_option("--password", user_password,
                   "Password (12+ characters); a random one is generated and printed when omitted")
      ->envname("NORTHSTAR_USER_PASSWORD");
  user_create->add_flag("--admin", user_admin, "Make the person an organisation administrator");

  std::string token_email, token_name;
  int token_days = 0;
  auto* token = app.add_subcommand("token", "API tokens")->require_subcommand(1);
  auto* token_create =
      token->add_subcommand("create", "Create an API token for a person; prints the secret once");
  add_database(token_create);
  token_create->add_option("--email", token_email, "The person's e-mail")->required();
  token_create->add_option("--name", token_name, "What the token is for")->required();
  token_create->add_option("--expires-in-days", token_days, "Expiry (default: never)")
      ->check(CLI::Range(1, 3650));

  auto* audit_cmd = app.add_subcommand("audit", "The audit trail")->require_subcommand(1);
  auto* verify =
      audit_cmd->add_subcommand("verify", "Walk the hash chain and report the first broken link");
  add_database(verify);

  std::string backup_output;
  auto* backup = app.add_subcommand(
      "backup",
      "Copy a SQLite database while the server runs (PostgreSQL: prints the pg_dump command)");
  add_database(backup);
  backup->add_option("--output", backup_output, "File to write");

  std::string jobs_today;
  auto* jobs_cmd = app.add_subcommand("jobs", "Background jobs")->require_subcommand(1);
  auto* jobs_run = jobs_cmd->add_subcommand(
      "run", "Run every background job once (escalations, reminders); safe while servers run");
  add_database(jobs_run);
  jobs_run
      ->add_option("--today", jobs_today, "The day to run for, YYYY-MM-DD (default: today, UTC)")
      ->check([](const std::string& day) {
        return ns::IsValidDate(day) ? std::string() : "must be a date as YYYY-MM-DD";
      });

  auto* routes = app.add_subcommand("routes", "Print every route the server serves");

  CLI11_PARSE(app, argc, argv);
  try {
    SetUpLogging(serve->parsed() ? config.log_level : "warn");
    if (serve->parsed()) return Serve(config);
    if (routes->parsed()) {
      ns::Config routes_config;
      routes_config.database = "sqlite::memory:";
      Services services(routes_config, 1);
      ns::http::Router router;
      ns::http::StaticFiles none("/nonexistent");
      BuildRouter(router, services, config, none);
      for (const auto& r : router.Routes()) std::cout << r.method << " " << r.pattern << "\n";
      return 0;
    }
    if (backup->parsed()) return Backup(config.database, backup_output);
    Services services(config, 1);
    if (migrate->parsed()) {
      auto applied = ns::db::Migrate(services.database);
      for (const auto& name : applied) std::cout << "applied " << name << "\n";
      std::cout << "schema at version " << ns::db::CurrentVersion(services.database) << std::endl;
      return 0;
    }
    ns::db::Migrate(services.database);
    services.health.EnsureDefaultBank();
    if (jobs_run->parsed()) {
      const int64_t done = services.jobs.RunOnce(jobs_today.empty() ? ns::TodayText() : jobs_today);
      std::cout << done << " changes made" << std::endl;
      return 0;
    }
    if (demo->parsed()) {
      const auto files =
          demo_from.empty() ? ns::demo::EmbeddedFiles() : ns::demo::FilesIn(demo_from);
      ns::http::Router router;
      ns::http::StaticFiles none("/nonexistent");
      BuildRouter(router, services, config, none);
      if (!ns::demo::LoadIfEmpty(services.accounts, router, files)) {
        std::cout << "the database already has organisations; the demo was not loaded\n";
      }
      PrintSignIns(ns::demo::ResetDemoPasswords(services.accounts, files), config);
      return 0;
    }
    if (org_create->parsed()) {
      auto created = services.accounts.CreateOrganization(
          std::nullopt, org_name, org_type,
          org_website.empty() ? std::nullopt : std::optional(org_website));
      if (!created.ok()) throw std::runtime_error(created.error().detail);
      std::cout << created->id << std::endl;
      return 0;
    }
    if (user_create->parsed()) {
      if (user_org_id.empty()) {
        if (user_org_name.empty()) throw std::runtime_error("give --org-id or --org");
        auto found = services.accounts.OrganizationNamed(user_org_name);
        if (!found.ok()) throw std::runtime_error(found.error().detail);
        user_org_id = found->id;
      }
      const bool generated = user_password.empty();
      if (generated) user_password = ns::RandomSecret(12);
      auto created = services.accounts.CreateUser(user_org_id, user_email, user_name, user_admin,
                                                  user_password);
      if (!created.ok()) {
        std::string why = created.error().detail;
        for (const auto& f : created.error().fields) why += "; " + f.field + " " + f.message;
        throw std::runtime_error(why);
      }
      std::cout << created->id << std::endl;
      if (generated) std::cerr << "password: " << user_password << std::endl;
      return 0;
    }
    if (token_create->parsed()) {
      auto person = services.accounts.ActingAs(token_email);
      if (!person.ok()) throw std::runtime_error(person.error().detail);
      auto created = services.accounts.CreateToken(
          *person, token_name, token_days > 0 ? std::optional<int64_t>(token_days) : std::nullopt);
      if (!created.ok()) throw std::runtime_error(created.error().detail);
      std::cout << created->second << std::endl;
      return 0;
    }
    if (verify->parsed()) {
      ns::db::Session s(services.database);
      const auto report = ns::audit::Verify(s);
      (report.intact ? std::cout : std::cerr) << report.message << std::endl;
      return report.intact ? 0 : 1;
    }
  } catch (const std::exception& e) {
    std::cerr << "error: " << e.what() << std::endl;
    return 1;
  }
  return 0;
}

}  // namespace

// Whatever escapes the commands' own handling (setting up the command line, say) still ends with a
// message and a non-zero status rather than std::terminate.
int main(int argc, char** argv) {
  try {
    return Run(argc, argv);
  } catch (const std::exception& e) {
    std::cerr << "error: " << e.what() << std::endl;
  } catch (...) {
    std::cerr << "error: an unexpected failure" << std::endl;
  }
  return 1;
}
