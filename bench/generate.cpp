// northstar-bench-generate: fills an empty database with a large synthetic portfolio for the load
// test (bench/run.sh) and for trying the web app at scale.
//
// Everything goes through the real services (organisations, people, alliances, invitations,
// members, notes, stage moves), so every row is valid and every change is audited, exactly as if
// people had used the product. All names are generated combinations of made-up words.
//
// Shape of the data (defaults): 60 organisations of 5 people; 10,000 alliances of 2 to 4 parties,
// each with 4 members from two parties and 3 notes of mixed visibility, spread over all lifecycle
// stages. Organisation 0 is a large pharma whose first person (the "hub", its portfolio lead) is a
// member of every alliance it is a party to (about 30%): the load test signs in as that person.
//
// Cost: each alliance needs one accepted invitation (the partner's manager joins as people do),
// and accepting proves the person's password with Argon2id. That verification dominates, so the
// work runs on several threads: hashes run in parallel, SQLite serialises the short transactions.
//
// Output: progress on stderr; KEY=VALUE lines on stdout (sign_in_email, password, alliance_id,
// ...) that bench/run.sh reads.
#include <spdlog/spdlog.h>
#include <unistd.h>

#include <CLI/CLI.hpp>
#include <algorithm>
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdio>
#include <iostream>
#include <mutex>
#include <random>
#include <set>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

#include "modules/accounts/service.hpp"
#include "modules/alliances/model.hpp"
#include "modules/alliances/service.hpp"
#include "platform/common/config.hpp"
#include "platform/db/database.hpp"
#include "platform/db/migrations.hpp"

namespace ns = northstar;

namespace {

using SteadyClock = std::chrono::steady_clock;

struct Options {
  std::string database;
  int alliances = 10000;
  int notes_per_alliance = 3;
  int members_per_alliance = 4;
  int orgs = 60;
  int users_per_org = 5;
  int threads = 0;  // 0: one per core, at least two
  std::string password = "bench-password-123";
  uint64_t seed = 20260101;
};

// Share of alliances organisation 0 takes part in, as creator and as invited partner.
constexpr double kHubCreatorShare = 0.15;
constexpr double kHubPartnerShare = 0.18;

// ---------------------------------------------------------------------------------------------
// Progress bar on stderr: count/total, percent, rate, ETA. Redrawn in place on a terminal; one
// line every ten seconds otherwise (logs of bench/run.sh).

std::string Duration(double seconds) {
  if (seconds < 0 || seconds > 1e7) return "?";
  const auto s = static_cast<long>(seconds + 0.5);
  char buf[32];
  if (s >= 3600)
    std::snprintf(buf, sizeof buf, "%ldh%02ldm", s / 3600, s / 60 % 60);
  else if (s >= 60)
    std::snprintf(buf, sizeof buf, "%ldm%02lds", s / 60, s % 60);
  else
    std::snprintf(buf, sizeof buf, "%lds", s);
  return buf;
}

class Progress {
 public:
  Progress(std::string label, int64_t total)
      : label_(std::move(label)),
        total_(total),
        start_(SteadyClock::now()),
        tty_(isatty(STDERR_FILENO) != 0) {
    reporter_ = std::thread([this] { Report(); });
  }
  ~Progress() { Finish(); }

  void Add(int64_t n = 1) { done_.fetch_add(n, std::memory_order_relaxed); }

  // Returns the elapsed seconds.
  double Finish() {
    if (!stopped_.exchange(true)) {
      {
        std::lock_guard lock(mutex_);
        wake_.notify_all();
      }
      reporter_.join();
      Draw(true);
    }
    return Elapsed();
  }

 private:
  double Elapsed() const {
    return std::chrono::duration<double>(SteadyClock::now() - start_).count();
  }

  void Report() {
    const auto period = tty_ ? std::chrono::milliseconds(200) : std::chrono::seconds(10);
    std::unique_lock lock(mutex_);
    while (!wake_.wait_for(lock, period, [this] { return stopped_.load(); })) Draw(false);
  }

  void Draw(bool final) {
    const int64_t done = done_.load(std::memory_order_relaxed);
    const double elapsed = Elapsed();
    const double rate = elapsed > 0 ? done / elapsed : 0;
    const double fraction = total_ > 0 ? static_cast<double>(done) / total_ : 1;
    constexpr int kWidth = 30;
    const int filled = static_cast<int>(fraction * kWidth);
    std::string bar(filled, '#');
    bar.resize(kWidth, '-');
    const std::string eta = final ? "in " + Duration(elapsed)
                                  : "ETA " + (rate > 0 ? Duration((total_ - done) / rate) : "?");
    char line[256];
    std::snprintf(line, sizeof line, "%-10s [%s] %7lld/%-7lld %5.1f%% %8.1f/s  %s", label_.c_str(),
                  bar.c_str(), static_cast<long long>(done), static_cast<long long>(total_),
                  100.0 * fraction, rate, eta.c_str());
    if (tty_)
      std::fprintf(stderr, "\r%s\033[K%s", line, final ? "\n" : "");
    else
      std::fprintf(stderr, "%s\n", line);
    std::fflush(stderr);
  }

  std::string label_;
  int64_t total_;
  SteadyClock::time_point start_;
  bool tty_;
  std::atomic<int64_t> done_{0};
  std::atomic<bool> stopped_{false};
  std::mutex mutex_;
  std::condition_variable wake_;
  std::thread reporter_;
};

// Runs work(i) for i in [0, count) on `threads` threads; the first exception stops the others
// and is rethrown.
template <typename Work>
void ParallelFor(int count, int threads, Progress& progress, Work work) {
  std::atomic<int> next{0};
  std::atomic<bool> failed{false};
  std::exception_ptr error;
  std::mutex error_mutex;
  std::vector<std::thread> pool;
  for (int t = 0; t < threads; ++t) {
    pool.emplace_back([&] {
      for (int i = next++; i < count && !failed; i = next++) {
        try {
          work(i);
          progress.Add();
        } catch (...) {
          std::lock_guard lock(error_mutex);
          if (!error) error = std::current_exception();
          failed = true;
        }
      }
    });
  }
  for (auto& t : pool) t.join();
  if (error) std::rethrow_exception(error);
}

template <typename T>
T Must(ns::Result<T> result, const std::string& what) {
  if (!result.ok()) {
    std::string why = result.error().detail;
    for (const auto& f : result.error().fields) why += "; " + f.field + ": " + f.message;
    throw std::runtime_error(what + ": " + why);
  }
  return std::move(result).value();
}

// ---------------------------------------------------------------------------------------------
// Vocabulary. Every name is a combination of these made-up words.

const std::vector<std::string> kOrgWords = {
    "Aldermoor", "Brightwell",  "Calloway",    "Dunmere",     "Elmstead",
    "Fenwick",   "Glenhart",    "Halvorsen",   "Ironbridge",  "Juniper",
    "Kestrel",   "Larkspur",    "Marlowe",     "Northcote",   "Oakhaven",
    "Pellham",   "Quarrington", "Ravensworth", "Silverbirch", "Thornbury",
    "Umberlane", "Valemont",    "Westerly",    "Yarrow",      "Zephyrine"};

struct OrgKind {
  const char* suffix;
  const char* type;
};
const std::vector<OrgKind> kOrgKinds = {{"Therapeutics", "pharma"},
                                        {"Biologics", "biotech"},
                                        {"Digital Health", "startup"},
                                        {"University", "academic"},
                                        {"Clinical Research", "cro"},
                                        {"Health Network", "provider"},
                                        {"Patient Foundation", "nonprofit"},
                                        {"Data Systems", "technology"},
                                        {"Health Plan", "payer"},
                                        {"Public Health Agency", "government"},
                                        {"Bio", "biotech"},
                                        {"Pharma", "pharma"}};

const std::vector<std::string> kFirstNames = {
    "Ada",  "Bruno",  "Carla", "Dmitri",  "Elin", "Farid",  "Greta", "Hugo",    "Ines",   "Jonas",
    "Kaia", "Luca",   "Maren", "Nikolai", "Olga", "Pavel",  "Quinn", "Rosa",    "Soren",  "Talia",
    "Uma",  "Viktor", "Wanda", "Xavier",  "Yara", "Zoltan", "Amara", "Bastian", "Celine", "Darius"};
const std::vector<std::string> kLastNames = {
    "Abernathy", "Bellweather", "Castellane", "Drummond",  "Eskildsen", "Fairbairn",
    "Gallardo",  "Holloway",    "Ingersoll",  "Jankowski", "Kavanagh",  "Lindqvist",
    "Montrose",  "Nakamura",    "Okonkwo",    "Pemberton", "Quintero",  "Rasmussen",
    "Strand",    "Trevelyan",   "Underhill",  "Valdivia",  "Whitcombe", "Yilmaz",
    "Zeller",    "Achterberg",  "Blackwood",  "Corrigan",  "Delacroix", "Everly"};

const std::vector<std::string> kAreas = {"oncology",
                                         "cardiology",
                                         "immunology",
                                         "neurology",
                                         "hepatology",
                                         "nephrology",
                                         "respiratory",
                                         "rare disease",
                                         "infectious disease",
                                         "dermatology",
                                         "ophthalmology",
                                         "metabolic disease",
                                         "digital therapeutics",
                                         "real-world data",
                                         "vaccines"};
const std::vector<std::string> kTerritories = {"Worldwide",
                                               "EU",
                                               "US",
                                               "EU and US",
                                               "UK",
                                               "Japan",
                                               "Nordics",
                                               "DACH",
                                               "Latin America",
                                               "Asia-Pacific",
                                               "Worldwide excluding China",
                                               "US (Midwest)"};
const std::vector<std::string> kNoteTitles = {"Steering committee minutes",
                                              "Budget review",
                                              "Recruitment update",
                                              "Risk register review",
                                              "Data sharing questions",
                                              "Publication plan",
                                              "Milestone check",
                                              "Governance retrospective",
                                              "Regulatory feedback",
                                              "Supply forecast",
                                              "Our position on the option",
                                              "Next quarter priorities"};
const std::vector<std::string> kContributions = {"Clinical development and regulatory affairs",
                                                 "Platform, product team and patient design",
                                                 "Funding and portfolio strategy",
                                                 "Lab capacity and translational biology",
                                                 "Outcomes data from partner hospitals",
                                                 "Site management and monitoring",
                                                 "Market access in the territory",
                                                 "Analytics platform and data engineering"};
const std::vector<std::string> kValues = {"Milestone payments and a validated claim",
                                          "Faster real-world evidence",
                                          "Royalties and a late-stage asset",
                                          "Publications and training",
                                          "A reference customer",
                                          "Lower total cost of care",
                                          "A differentiated offer"};

// A uniformly random item.
template <typename T>
const T& Pick(std::mt19937_64& rng, const std::vector<T>& items) {
  return items[std::uniform_int_distribution<size_t>(0, items.size() - 1)(rng)];
}
// An index drawn with probability proportional to weights[index].
size_t PickWeighted(std::mt19937_64& rng, const std::vector<double>& weights) {
  std::discrete_distribution<size_t> d(weights.begin(), weights.end());
  return d(rng);
}
bool Chance(std::mt19937_64& rng, double p) {
  return std::uniform_real_distribution<double>(0, 1)(rng) < p;
}

std::string Lower(std::string s) {
  for (auto& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

// ---------------------------------------------------------------------------------------------

struct Org {
  std::string id, name, short_name, type, domain;
  std::vector<int> people;  // indices into Portfolio::people
};

struct Portfolio {
  std::vector<Org> orgs;
  std::vector<ns::auth::Principal> people;
};

void CreateOrganizations(const Options& o, ns::accounts::AccountsService& accounts, Portfolio& p) {
  std::set<std::string> taken;
  for (int i = 0; i < o.orgs; ++i) {
    const std::string& word = kOrgWords[i % kOrgWords.size()];
    const OrgKind& kind = kOrgKinds[(i / kOrgWords.size() + i) % kOrgKinds.size()];
    const std::string base =
        kind.type == std::string("academic") ? "University of " + word : word + " " + kind.suffix;
    std::string name = base;
    std::string short_name = word;
    for (int n = 2; taken.count(name); ++n) {
      name = base + " " + std::to_string(n);
      short_name = word + " " + std::to_string(n);
    }
    taken.insert(name);
    std::string slug = Lower(name);
    std::replace(slug.begin(), slug.end(), ' ', '-');
    Org org;
    org.name = name;
    org.short_name = short_name;
    org.type = kind.type;
    org.domain = slug + ".example";
    org.id =
        Must(accounts.CreateOrganization(std::nullopt, name, kind.type, "https://" + org.domain),
             "organisation " + name)
            .id;
    p.orgs.push_back(std::move(org));
  }
}

void CreatePeople(const Options& o, int threads, ns::accounts::AccountsService& accounts,
                  Portfolio& p) {
  const int total = o.orgs * o.users_per_org;
  p.people.resize(total);
  for (int g = 0; g < total; ++g) p.orgs[g / o.users_per_org].people.push_back(g);
  Progress progress("people", total);
  // Each person costs one Argon2id hash (outside the transaction), hence the threads.
  ParallelFor(total, threads, progress, [&](int g) {
    const int org_index = g / o.users_per_org;
    const int j = g % o.users_per_org;
    const Org& org = p.orgs[org_index];
    const std::string& first = kFirstNames[g % kFirstNames.size()];
    const std::string& last = kLastNames[(org_index * 11 + j * 7) % kLastNames.size()];
    std::string local = Lower(first) + "." + Lower(last);
    if (j >= static_cast<int>(kFirstNames.size())) local += std::to_string(j);
    const std::string email = local + "@" + org.domain;
    const bool admin = j == 0;
    auto user =
        Must(accounts.CreateUser(org.id, email, first + " " + last, admin, o.password), email);
    ns::auth::Principal& person = p.people[g];
    person.user_id = user.id;
    person.organization_id = user.organization_id;
    person.org_role = user.org_role;
    person.name = user.name;
    person.email = user.email;
  });
  progress.Finish();
}

// The stages to move through after scouting to reach a target drawn from a realistic mix.
std::vector<std::string> StagePath(std::mt19937_64& rng) {
  static const std::vector<std::string> kForward = {"evaluation", "due_diligence", "negotiation",
                                                    "startup", "execution"};
  // scouting, evaluation, due_diligence, negotiation, startup, execution, renewal, wind_down,
  // closed, terminated
  static const std::vector<double> kWeights = {8, 10, 10, 10, 8, 30, 8, 5, 6, 5};
  const size_t target = PickWeighted(rng, kWeights);
  std::vector<std::string> path;
  auto forward_to = [&](size_t n) {  // the first n forward stages
    for (size_t k = 0; k < n; ++k) {
      path.push_back(kForward[k]);
      // Now and then diligence sends the deal back a step before it moves on.
      if (kForward[k] == "due_diligence" && n > 2 && Chance(rng, 0.1)) {
        path.push_back("evaluation");
        path.push_back("due_diligence");
      }
    }
  };
  switch (target) {
    case 0:
      break;  // scouting
    case 1:
    case 2:
    case 3:
    case 4:
    case 5:
      forward_to(target);
      break;
    case 6:
      forward_to(5), path.push_back("renewal");
      break;
    case 7:
      forward_to(5);
      if (Chance(rng, 0.5)) path.push_back("renewal");
      path.push_back("wind_down");
      break;
    case 8:  // closed: dropped while scouting, or completed
      if (Chance(rng, 0.5)) {
        path.push_back("closed");
      } else {
        forward_to(5), path.push_back("wind_down"), path.push_back("closed");
      }
      break;
    default:  // terminated during start-up or execution
      forward_to(Chance(rng, 0.3) ? 4 : 5), path.push_back("terminated");
      break;
  }
  return path;
}

std::vector<std::string> PartyRolesFor(const std::string& type, size_t count) {
  std::vector<std::string> roles;
  if (type == "in_licensing")
    roles = {"licensee", "licensor"};
  else if (type == "out_licensing")
    roles = {"licensor", "licensee"};
  else if (type == "co_development" || type == "co_commercialization")
    roles = {"co_developer", "co_developer"};
  else if (type == "research_collaboration")
    roles = {"lead", "funder"};
  else if (type == "consortium")
    roles = {"member", "member", "member", "observer"};
  else
    roles = {"lead", "member"};
  while (roles.size() < count) roles.push_back("member");
  roles.resize(count);
  return roles;
}

// Per person: how many alliances they belong to, and one they can read (preferably one in
// execution, the stage the load test lists).
struct Tally {
  std::mutex mutex;
  std::vector<int> memberships;
  std::vector<std::string> readable;
  std::vector<bool> readable_in_execution;
  explicit Tally(size_t people)
      : memberships(people), readable(people), readable_in_execution(people) {}
};

void CreateAlliance(int i, const Options& o, const Portfolio& p,
                    ns::accounts::AccountsService& accounts,
                    ns::alliances::AlliancesService& alliances, Tally& tally) {
  namespace al = ns::alliances;
  std::mt19937_64 rng(o.seed * 1000003 + static_cast<uint64_t>(i));
  const int org_count = static_cast<int>(p.orgs.size());
  // A random organisation not yet taken, other than the hub's unless nothing else is left.
  auto other_org = [&](const std::vector<int>& taken) {
    auto free = [&](int k) { return std::find(taken.begin(), taken.end(), k) == taken.end(); };
    for (int attempt = 0; attempt < 1000; ++attempt) {
      const int k = std::uniform_int_distribution<int>(1, org_count - 1)(rng);
      if (free(k)) return k;
    }
    for (int k = 0; k < org_count; ++k) {
      if (free(k)) return k;
    }
    throw std::logic_error("no organisation left for another party");
  };

  static const std::vector<std::string> kTypes(al::AllianceTypes().begin(),
                                               al::AllianceTypes().end());
  const std::string type = Pick(rng, kTypes);
  size_t party_count = 2;
  if (type == "consortium") party_count = std::uniform_int_distribution<size_t>(3, 4)(rng);
  if (type == "public_private_partnership" && Chance(rng, 0.5)) party_count = 3;
  party_count = std::min<size_t>(party_count, org_count);

  // Organisation 0 (the hub's) is the creator or the invited partner of a fixed share.
  std::vector<int> orgs;
  const double u = std::uniform_real_distribution<double>(0, 1)(rng);
  if (u < kHubCreatorShare)
    orgs = {0};
  else
    orgs = {other_org({0})};
  if (orgs[0] != 0 && u < kHubCreatorShare + kHubPartnerShare) orgs.push_back(0);
  while (orgs.size() < party_count) orgs.push_back(other_org(orgs));
  const Org& a_org = p.orgs[orgs[0]];
  const Org& b_org = p.orgs[orgs[1]];

  auto person_of = [&](const Org& org, int index_in_org) { return org.people[index_in_org]; };
  auto random_person = [&](const Org& org) {
    return person_of(org, std::uniform_int_distribution<int>(0, org.people.size() - 1)(rng));
  };
  const int creator = orgs[0] == 0 ? person_of(a_org, 0) : random_person(a_org);
  const int partner = orgs[1] == 0 ? person_of(b_org, 0) : random_person(b_org);
  const ns::auth::Principal& creator_p = p.people[creator];
  const ns::auth::Principal& partner_p = p.people[partner];

  char code[16];
  std::snprintf(code, sizeof code, "NS-%05d", i + 1);
  std::vector<std::string> areas = {Pick(rng, kAreas)};
  if (Chance(rng, 0.4)) {
    const std::string& second = Pick(rng, kAreas);
    if (second != areas[0]) areas.push_back(second);
  }
  std::string kind = type;
  std::replace(kind.begin(), kind.end(), '_', ' ');

  al::AllianceInput in;
  in.name = a_org.short_name + " × " + b_org.short_name + ": " + areas[0] + " " + kind + " (" +
            code + ")";
  in.type = type;
  in.therapeutic_areas = areas;
  in.territory = Pick(rng, kTerritories);
  in.tier = static_cast<int64_t>(PickWeighted(rng, {15, 35, 50}) + 1);
  in.description = "A " + kind + " between " + a_org.name + " and " + b_org.name + " in " +
                   areas[0] + ", covering " + *in.territory + ". Programme " + code + ".";
  in.statement = "Bring a better " + areas[0] + " option to patients in " + *in.territory +
                 " within three years.";
  in.beneficiaries = "People living with conditions treated in " + areas[0] + ", and their carers.";
  in.parties.emplace();
  in.contributions.emplace();
  const auto roles = PartyRolesFor(type, orgs.size());
  for (size_t k = 0; k < orgs.size(); ++k) {
    in.parties->push_back({p.orgs[orgs[k]].id, "", "", roles[k], "", ""});
    in.contributions->push_back(
        {p.orgs[orgs[k]].id, Pick(rng, kContributions), Pick(rng, kValues)});
  }
  const auto view = Must(alliances.Create(creator_p, in), "alliance " + std::string(code));
  const std::string id = view.alliance.id;
  std::vector<int> members = {creator};

  // The partner's manager joins through an invitation, as people do.
  ns::accounts::NewInvitation invitation{partner_p.email, partner_p.name, partner_p.organization_id,
                                         id, std::string("manager")};
  const auto invited =
      Must(accounts.Invite(creator_p, invitation), "invite to " + std::string(code));
  Must(accounts.AcceptInvitation(invited.token, o.password, std::nullopt,
                                 ns::auth::Caller{"127.0.0.1", "northstar-bench-generate"}),
       "accept for " + std::string(code));
  members.push_back(partner);

  // More people of both sides, each added by their own party's manager.
  static const std::vector<std::string> kMemberRoles = {"member", "viewer", "executive", "manager"};
  for (int k = 2; k < o.members_per_alliance; ++k) {
    const bool a_side = k % 2 == 0;
    const Org& org = a_side ? a_org : b_org;
    std::vector<int> candidates;
    for (int person : org.people) {
      if (std::find(members.begin(), members.end(), person) == members.end())
        candidates.push_back(person);
    }
    if (candidates.empty()) continue;
    const int person = Pick(rng, candidates);
    const std::string& role = kMemberRoles[PickWeighted(rng, {50, 25, 15, 10})];
    Must(alliances.AddMember(a_side ? creator_p : partner_p, id, p.people[person].user_id, role),
         "member of " + std::string(code));
    members.push_back(person);
  }

  // Notes by both managers: mostly shared, some party-only, a few restricted.
  for (int k = 0; k < o.notes_per_alliance; ++k) {
    const int author = k % 2 == 0 ? creator : partner;
    const ns::auth::Principal& author_p = p.people[author];
    al::NoteInput note;
    note.title = Pick(rng, kNoteTitles);
    note.visibility = std::vector<std::string>{"alliance", "party",
                                               "restricted"}[PickWeighted(rng, {55, 35, 10})];
    char date[16];
    std::snprintf(date, sizeof date, "%04d-%02d-%02d",
                  std::uniform_int_distribution<int>(2024, 2026)(rng),
                  std::uniform_int_distribution<int>(1, 12)(rng),
                  std::uniform_int_distribution<int>(1, 28)(rng));
    note.entry_date = date;
    note.body =
        *note.title + " for " + code +
        ": actions agreed, owners named, follow-up at the next "
        "meeting. " +
        (*note.visibility == "alliance" ? "Shared with all partners." : "For our side only.");
    std::vector<std::string> readers;
    if (*note.visibility == "restricted") {
      for (int m : members) {
        if (m != author && p.people[m].organization_id == author_p.organization_id) {
          readers.push_back(p.people[m].user_id);
          break;
        }
      }
    }
    note.readers = readers;
    Must(alliances.CreateNote(author_p, id, note), "note in " + std::string(code));
  }

  // Lifecycle: move along allowed paths, with a reason, as the creator (a manager).
  int64_t version = view.alliance.version;
  std::string stage = view.alliance.stage;
  for (const auto& to : StagePath(rng)) {
    if (!al::IsTransitionAllowed(stage, to))
      throw std::logic_error("bad path " + stage + " → " + to);
    const auto moved =
        Must(alliances.MoveStage(creator_p, id, version, to, "Portfolio review decision"),
             "stage of " + std::string(code));
    version = moved.alliance.version;
    stage = moved.alliance.stage;
  }

  std::lock_guard lock(tally.mutex);
  for (int m : members) {
    tally.memberships[m]++;
    if (tally.readable[m].empty() || (stage == "execution" && !tally.readable_in_execution[m])) {
      tally.readable[m] = id;
      tally.readable_in_execution[m] = stage == "execution";
    }
  }
}

int Run(const Options& o) {
  const int threads = o.threads > 0
                          ? o.threads
                          : std::max(2, static_cast<int>(std::thread::hardware_concurrency()));
  ns::Config config;
  config.database = o.database;
  // One connection per worker, and one spare for lookups.
  ns::db::Database database(o.database, static_cast<size_t>(threads) + 1);
  ns::db::Migrate(database);
  {
    ns::db::Session s(database);
    if (s.QueryOne("SELECT COUNT(*) AS n FROM organizations")->Int("n") > 0) {
      throw std::runtime_error(
          "the database already has organisations; generate into an empty one");
    }
  }
  ns::accounts::AccountsService accounts(database, config);
  ns::alliances::AlliancesService alliances(database, accounts);

  const auto start = SteadyClock::now();
  Portfolio portfolio;
  CreateOrganizations(o, accounts, portfolio);
  CreatePeople(o, threads, accounts, portfolio);

  Tally tally(portfolio.people.size());
  Progress progress("alliances", o.alliances);
  ParallelFor(o.alliances, threads, progress,
              [&](int i) { CreateAlliance(i, o, portfolio, accounts, alliances, tally); });
  const double alliance_seconds = progress.Finish();
  const double total_seconds = std::chrono::duration<double>(SteadyClock::now() - start).count();

  int hub = 0;
  for (size_t k = 0; k < portfolio.people.size(); ++k) {
    if (tally.memberships[k] > tally.memberships[hub]) hub = static_cast<int>(k);
  }
  const auto& hub_p = portfolio.people[hub];
  std::cerr << "generated " << o.alliances << " alliances in " << Duration(total_seconds) << " ("
            << threads << " threads); sign in as " << hub_p.email << ", member of "
            << tally.memberships[hub] << " alliances\n";
  std::cout << "sign_in_email=" << hub_p.email << "\n"
            << "password=" << o.password << "\n"
            << "alliance_id=" << tally.readable[hub] << "\n"
            << "hub_alliances=" << tally.memberships[hub] << "\n"
            << "alliances=" << o.alliances << "\n"
            << "organizations=" << o.orgs << "\n"
            << "people=" << portfolio.people.size() << "\n"
            << "threads=" << threads << "\n"
            << "alliance_seconds=" << alliance_seconds << "\n"
            << "total_seconds=" << total_seconds << std::endl;
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  Options o;
  CLI::App app{"Fill an empty Northstar database with a large synthetic portfolio"};
  app.add_option("--database", o.database, "Database URL: sqlite:PATH or postgresql://...")
      ->required();
  app.add_option("--alliances", o.alliances, "How many alliances")
      ->check(CLI::Range(1, 10'000'000))
      ->capture_default_str();
  app.add_option("--notes-per-alliance", o.notes_per_alliance, "Journal entries per alliance")
      ->check(CLI::Range(0, 1000))
      ->capture_default_str();
  app.add_option("--members-per-alliance", o.members_per_alliance,
                 "Members per alliance, from its first two parties (at least 2)")
      ->check(CLI::Range(2, 100))
      ->capture_default_str();
  app.add_option("--orgs", o.orgs, "Organisations")
      ->check(CLI::Range(2, 100000))
      ->capture_default_str();
  app.add_option("--users-per-org", o.users_per_org, "People per organisation")
      ->check(CLI::Range(1, 1000))
      ->capture_default_str();
  app.add_option("--password", o.password, "Password of every generated person (12+ characters)")
      ->capture_default_str();
  app.add_option("--threads", o.threads, "Worker threads (0: one per core, at least 2)")
      ->check(CLI::Range(0, 64))
      ->capture_default_str();
  app.add_option("--seed", o.seed, "Seed of the random choices")->capture_default_str();
  CLI11_PARSE(app, argc, argv);
  try {
    spdlog::set_level(spdlog::level::warn);  // the services log each invitation at info
    return Run(o);
  } catch (const std::exception& e) {
    std::cerr << "\nerror: " << e.what() << std::endl;
    return 1;
  }
}
