#include "modules/health/store.hpp"

#include <cmath>

namespace northstar::health::store {
namespace {

constexpr char kBankColumns[] =
    "id, organization_id, bank_key, bank_version, name, about, dimensions, based_on_id, frozen, "
    "version, created_by, created_at, updated_at";

Bank BankOf(const db::Row& r) {
  Bank b;
  b.id = r.Str("id");
  b.organization_id = r.OptStr("organization_id");
  b.key = r.Str("bank_key");
  b.bank_version = r.Int("bank_version");
  b.name = r.Str("name");
  b.about = r.Str("about");
  boost::system::error_code ec;
  const json::value dimensions = json::parse(r.Str("dimensions"), ec);
  if (auto read = ReadDimensions(ec ? json::value() : dimensions); read.ok()) {
    b.dimensions = std::move(read).value();
  }
  b.based_on_id = r.OptStr("based_on_id");
  b.frozen = r.Bool("frozen");
  b.version = r.Int("version");
  b.created_at = r.Str("created_at");
  b.updated_at = r.Str("updated_at");
  return b;
}

db::Params BankParams(const Bank& b) {
  db::Params p;
  p.Set("id", b.id)
      .Set("organization_id", b.organization_id)
      .Set("bank_key", b.key)
      .Set("bank_version", b.bank_version)
      .Set("name", b.name)
      .Set("about", b.about)
      .Set("dimensions", Serialize(DimensionsJson(b.dimensions)))
      .Set("based_on_id", b.based_on_id)
      .Set("frozen", b.frozen)
      .Set("created_at", b.created_at)
      .Set("updated_at", b.updated_at);
  return p;
}

// The bank a wave uses, by name.
void ReadBankName(const db::Row& r, Wave& w) { w.bank_name = r.Str("bank_name"); }

db::Params WaveParam(const std::string& wave_id) {
  db::Params p;
  p.Set("wave", wave_id);
  return p;
}

// The records' select with the bank's name joined.
std::string SelectWaves() {
  std::string sql = records::SelectRecords("health_waves");
  sql.insert(sql.find(" FROM "), ", qb.name AS bank_name");
  return sql + " JOIN question_banks qb ON qb.id = r.bank_id";
}

}  // namespace

const records::Table<Wave>& Waves() {
  static const records::Table<Wave> t{.name = "health_waves",
                                      .select = SelectWaves(),
                                      .order = "r.created_at, r.id",
                                      .read = ReadBankName};
  return t;
}

std::optional<Bank> FindBank(db::Session& s, const std::string& id) {
  db::Params p;
  p.Set("id", id);
  auto row =
      s.QueryOne(std::string("SELECT ") + kBankColumns + " FROM question_banks WHERE id = :id", p);
  if (!row) return std::nullopt;
  return BankOf(*row);
}

std::vector<Bank> ListBanks(db::Session& s, const std::string& organization_id) {
  db::Params p;
  p.Set("org", organization_id);
  std::vector<Bank> out;
  for (const auto& row :
       s.Query(std::string("SELECT ") + kBankColumns +
                   " FROM question_banks b WHERE (b.organization_id IS NULL OR b.organization_id = "
                   ":org) AND b.bank_version = (SELECT MAX(v.bank_version) FROM question_banks v "
                   "WHERE v.bank_key = b.bank_key AND (v.organization_id = b.organization_id OR "
                   "(v.organization_id IS NULL AND b.organization_id IS NULL))) "
                   "ORDER BY b.organization_id IS NOT NULL, b.created_at, b.id",
               p)) {
    out.push_back(BankOf(row));
  }
  return out;
}

// The banks of an organisation, or the shipped ones: " AND organization_id …" with its parameter
// (PostgreSQL cannot type a null parameter compared with IS NULL).
std::string OfOwner(db::Params& p, const std::optional<std::string>& organization_id) {
  if (!organization_id) return " AND organization_id IS NULL";
  p.Set("org", *organization_id);
  return " AND organization_id = :org";
}

bool HasBankVersion(db::Session& s, const std::optional<std::string>& organization_id,
                    const std::string& key, int64_t bank_version) {
  db::Params p;
  p.Set("key", key).Set("v", bank_version);
  const std::string owner = OfOwner(p, organization_id);
  return s.QueryOne(
              "SELECT COUNT(*) AS n FROM question_banks WHERE bank_key = :key AND bank_version = "
              ":v" +
                  owner,
              p)
             ->Int("n") > 0;
}

int64_t LatestBankVersion(db::Session& s, const std::optional<std::string>& organization_id,
                          const std::string& key) {
  db::Params p;
  p.Set("key", key);
  const std::string owner = OfOwner(p, organization_id);
  return s
      .QueryOne(
          "SELECT COALESCE(MAX(bank_version), 0) AS n FROM question_banks WHERE bank_key = :key" +
              owner,
          p)
      ->Int("n");
}

void InsertBank(db::Session& s, const Bank& b) {
  db::Params p = BankParams(b);
  p.Set("created_by", std::optional<std::string>());
  // ON CONFLICT: two nodes starting at once both add the shipped bank, under the same id.
  s.Exec(
      "INSERT INTO question_banks (id, organization_id, bank_key, bank_version, name, about, "
      "dimensions, based_on_id, frozen, version, created_by, created_at, updated_at) VALUES (:id, "
      ":organization_id, :bank_key, :bank_version, :name, :about, :dimensions, :based_on_id, "
      ":frozen, 1, :created_by, :created_at, :updated_at) ON CONFLICT (id) DO NOTHING",
      p);
}

bool UpdateBank(db::Session& s, const Bank& b, int64_t version) {
  db::Params p;
  p.Set("id", b.id)
      .Set("name", b.name)
      .Set("about", b.about)
      .Set("dimensions", Serialize(DimensionsJson(b.dimensions)))
      .Set("updated_at", b.updated_at)
      .Set("version", version);
  return s.Exec(
             "UPDATE question_banks SET name = :name, about = :about, dimensions = :dimensions, "
             "version = version + 1, updated_at = :updated_at WHERE id = :id AND version = "
             ":version AND frozen = 0",
             p) == 1;
}

void FreezeBank(db::Session& s, const std::string& id, const std::string& now) {
  db::Params p;
  p.Set("id", id).Set("now", now);
  s.Exec("UPDATE question_banks SET frozen = 1, updated_at = :now WHERE id = :id AND frozen = 0",
         p);
}

std::vector<Respondent> ListRespondents(db::Session& s, const std::string& wave_id) {
  std::vector<Respondent> out;
  for (const auto& row :
       s.Query("SELECT hr.user_id, u.name, hr.organization_id, hr.respondent_role FROM "
               "health_respondents hr JOIN users u ON u.id = hr.user_id WHERE hr.wave_id = :wave "
               "ORDER BY hr.organization_id, u.name, hr.user_id",
               WaveParam(wave_id))) {
    out.push_back({row.Str("user_id"), row.Str("name"), row.Str("organization_id"),
                   row.Str("respondent_role")});
  }
  return out;
}

void ReplaceRespondents(db::Session& s, const std::string& wave_id,
                        const std::vector<Respondent>& respondents) {
  s.Exec("DELETE FROM health_respondents WHERE wave_id = :wave", WaveParam(wave_id));
  for (const auto& r : respondents) {
    db::Params p = WaveParam(wave_id);
    p.Set("user", r.user_id).Set("org", r.organization_id).Set("role", r.role);
    s.Exec(
        "INSERT INTO health_respondents (wave_id, user_id, organization_id, respondent_role) "
        "VALUES (:wave, :user, :org, :role)",
        p);
  }
}

std::optional<Participation> FindRespondent(db::Session& s, const std::string& wave_id,
                                            const std::string& user_id) {
  db::Params p = WaveParam(wave_id);
  p.Set("user", user_id);
  auto row = s.QueryOne(
      "SELECT organization_id, respondent_role, submitted_on FROM health_respondents WHERE "
      "wave_id = :wave AND user_id = :user",
      p);
  if (!row) return std::nullopt;
  return Participation{row->Str("organization_id"), row->Str("respondent_role"),
                       row->OptStr("submitted_on")};
}

std::vector<PartyCount> CountsOf(db::Session& s, const std::string& wave_id) {
  std::vector<PartyCount> out;
  for (const auto& row :
       s.Query("SELECT organization_id, COUNT(*) AS invited, COUNT(submitted_on) AS submitted FROM "
               "health_respondents WHERE wave_id = :wave GROUP BY organization_id",
               WaveParam(wave_id))) {
    out.push_back({row.Str("organization_id"), "", row.Int("invited"), row.Int("submitted")});
  }
  return out;
}

std::vector<Tally> SubmittedByRole(db::Session& s, const std::string& wave_id) {
  std::vector<Tally> out;
  for (const auto& row : s.Query(
           "SELECT organization_id, respondent_role, COUNT(*) AS n FROM health_respondents WHERE "
           "wave_id = :wave AND submitted_on IS NOT NULL GROUP BY organization_id, "
           "respondent_role",
           WaveParam(wave_id))) {
    out.push_back({row.Str("organization_id"), row.Str("respondent_role"), "", "", row.Int("n")});
  }
  return out;
}

void MarkSubmitted(db::Session& s, const std::string& wave_id, const std::string& user_id,
                   const std::string& day) {
  db::Params p = WaveParam(wave_id);
  p.Set("user", user_id).Set("day", day);
  s.Exec(
      "UPDATE health_respondents SET submitted_on = :day WHERE wave_id = :wave AND user_id = "
      ":user",
      p);
}

std::optional<std::string> FindDraft(db::Session& s, const std::string& wave_id,
                                     const std::string& user_id) {
  db::Params p = WaveParam(wave_id);
  p.Set("user", user_id);
  auto row =
      s.QueryOne("SELECT answers FROM health_drafts WHERE wave_id = :wave AND user_id = :user", p);
  if (!row) return std::nullopt;
  return row->Str("answers");
}

void SaveDraft(db::Session& s, const std::string& wave_id, const std::string& user_id,
               const std::string& answers, const std::string& now) {
  DeleteDraft(s, wave_id, user_id);
  db::Params p = WaveParam(wave_id);
  p.Set("user", user_id).Set("answers", answers).Set("now", now);
  s.Exec(
      "INSERT INTO health_drafts (wave_id, user_id, answers, updated_at) VALUES (:wave, :user, "
      ":answers, :now)",
      p);
}

void DeleteDraft(db::Session& s, const std::string& wave_id, const std::string& user_id) {
  db::Params p = WaveParam(wave_id);
  p.Set("user", user_id);
  s.Exec("DELETE FROM health_drafts WHERE wave_id = :wave AND user_id = :user", p);
}

Answers ListAnswers(db::Session& s, const std::string& wave_id) {
  Answers out;
  for (const auto& row :
       s.Query("SELECT organization_id, respondent_role, item_key, answer, answers FROM "
               "health_tallies WHERE wave_id = :wave",
               WaveParam(wave_id))) {
    out.tallies.push_back({row.Str("organization_id"), row.Str("respondent_role"),
                           row.Str("item_key"), row.Str("answer"), row.Int("answers")});
  }
  for (const auto& row :
       s.Query("SELECT id, organization_id, respondent_role, item_key, body FROM health_comments "
               "WHERE wave_id = :wave ORDER BY id",
               WaveParam(wave_id))) {
    out.comments.push_back({row.Str("id"), row.Str("organization_id"), row.Str("respondent_role"),
                            row.Str("item_key"), row.Str("body")});
  }
  for (const auto& row :
       s.Query("SELECT dimension_key, people FROM health_commenters WHERE wave_id = :wave",
               WaveParam(wave_id))) {
    out.commenters[row.Str("dimension_key")] = row.Int("people");
  }
  return out;
}

void RewriteAnswers(db::Session& s, const std::string& wave_id, const Answers& answers) {
  for (const char* table : {"health_tallies", "health_comments", "health_commenters"}) {
    s.Exec(std::string("DELETE FROM ") + table + " WHERE wave_id = :wave", WaveParam(wave_id));
  }
  for (const auto& t : answers.tallies) {
    db::Params p = WaveParam(wave_id);
    p.Set("org", t.party_id)
        .Set("role", t.role)
        .Set("item", t.item)
        .Set("answer", t.answer)
        .Set("n", t.count);
    s.Exec(
        "INSERT INTO health_tallies (wave_id, organization_id, respondent_role, item_key, answer, "
        "answers) VALUES (:wave, :org, :role, :item, :answer, :n)",
        p);
  }
  for (const auto& c : answers.comments) {
    db::Params p = WaveParam(wave_id);
    p.Set("id", c.id)
        .Set("org", c.organization_id)
        .Set("role", c.role)
        .Set("item", c.item)
        .Set("body", c.body);
    s.Exec(
        "INSERT INTO health_comments (id, wave_id, organization_id, respondent_role, item_key, "
        "body) VALUES (:id, :wave, :org, :role, :item, :body)",
        p);
  }
  for (const auto& [dimension, people] : answers.commenters) {
    db::Params p = WaveParam(wave_id);
    p.Set("dimension", dimension).Set("people", people);
    s.Exec(
        "INSERT INTO health_commenters (wave_id, dimension_key, people) VALUES (:wave, "
        ":dimension, :people)",
        p);
  }
}

void SetOverallScore(db::Session& s, const std::string& wave_id, std::optional<double> score) {
  db::Params p;
  p.Set("w", wave_id);
  // In hundredths, so that the portfolio sorts it as a number.
  if (score) {
    p.Set("score", static_cast<int64_t>(std::llround(*score * 100)));
  } else {
    p.SetNull("score");
  }
  s.Exec("UPDATE health_waves SET overall_score = :score WHERE id = :w", p);
}

void DeleteWaveRows(db::Session& s, const std::string& id) {
  for (const char* table : {"health_tallies", "health_comments", "health_commenters",
                            "health_drafts", "health_respondents"}) {
    s.Exec(std::string("DELETE FROM ") + table + " WHERE wave_id = :wave", WaveParam(id));
  }
}

std::vector<Unanswered> UnansweredOn(db::Session& s, const std::string& today) {
  db::Params p;
  p.Set("today", today);
  std::vector<Unanswered> out;
  for (const auto& row :
       s.Query("SELECT w.alliance_id, w.id, w.title, w.closes_on, hr.user_id FROM health_waves w "
               "JOIN health_respondents hr ON hr.wave_id = w.id WHERE w.opens_on <= :today AND "
               "w.closes_on >= :today AND (w.closed_on IS NULL OR w.closed_on > :today) AND "
               "hr.submitted_on IS NULL ORDER BY w.alliance_id, w.id, hr.user_id",
               p)) {
    out.push_back({row.Str("alliance_id"), row.Str("id"), row.Str("title"), row.Str("closes_on"),
                   row.Str("user_id")});
  }
  return out;
}

std::vector<AskedWave> WavesAsking(db::Session& s, const std::string& user_id) {
  db::Params p;
  p.Set("user", user_id);
  std::vector<AskedWave> out;
  for (const auto& row :
       s.Query("SELECT w.alliance_id, a.name AS alliance_name, hr.wave_id, hr.submitted_on FROM "
               "health_respondents hr JOIN health_waves w ON w.id = hr.wave_id JOIN alliances a ON "
               "a.id = w.alliance_id WHERE hr.user_id = :user ORDER BY w.closes_on DESC, w.id",
               p)) {
    out.push_back({row.Str("alliance_id"), row.Str("alliance_name"), row.Str("wave_id"),
                   row.OptStr("submitted_on").has_value()});
  }
  return out;
}

}  // namespace northstar::health::store
