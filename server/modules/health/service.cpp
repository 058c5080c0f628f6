#include "modules/health/service.hpp"

#include <algorithm>
#include <cstdio>
#include <map>
#include <random>
#include <set>

#include "modules/agreements/service.hpp"
#include "modules/alliances/record_steps.hpp"
#include "modules/alliances/service.hpp"
#include "modules/health/default_bank.hpp"
#include "modules/health/store.hpp"
#include "modules/notifications/service.hpp"
#include "modules/plans/service.hpp"
#include "platform/audit/audit.hpp"
#include "platform/common/ids.hpp"
#include "platform/common/time.hpp"

namespace northstar::health {
namespace {

using alliances::CreateOf;
using alliances::DeleteOf;
using alliances::EnterAlliance;
using alliances::GetOf;
using alliances::ListOf;
using alliances::RulesOf;
using alliances::UpdateOf;
using alliances::Visible;
using alliances::Within;

constexpr size_t kMaxRespondents = 500;

bool IsManager(const access::Membership& m) {
  return access::Authorize(m, access::AllianceAction::kCommitParty).ok();
}

// Organisation admins and the managers of any alliance look after their organisation's banks.
bool MayEditBanks(db::Session& s, const auth::Principal& actor) {
  if (actor.is_org_admin()) return true;
  db::Params p;
  p.Set("user", actor.user_id);
  return s.QueryOne(
              "SELECT COUNT(*) AS n FROM alliance_members WHERE user_id = :user AND role = "
              "'manager'",
              p)
             ->Int("n") > 0;
}

bool MayUse(const auth::Principal& actor, const Bank& b) {
  return !b.organization_id || *b.organization_id == actor.organization_id;
}

std::map<std::string, std::string> MembersOf(db::Session& s, const std::string& alliance_id) {
  db::Params p;
  p.Set("a", alliance_id);
  std::map<std::string, std::string> out;
  for (const auto& row :
       s.Query("SELECT user_id, organization_id FROM alliance_members WHERE alliance_id = :a", p)) {
    out[row.Str("user_id")] = row.Str("organization_id");
  }
  return out;
}

// ---- waves ----------------------------------------------------------------------------------

WaveView ViewOf(db::Session& s, const RecordContext& c, Wave w) {
  WaveView v;
  v.status = StatusOn(w, c.today);
  v.respondents = store::ListRespondents(s, w.id);
  v.counts = store::CountsOf(s, w.id);
  for (auto& count : v.counts) count.party_name = alliances::PartyName(c, count.party_id);
  if (auto mine = store::FindRespondent(s, w.id, c.membership.user_id)) {
    v.my_role = mine->role;
    v.i_submitted = mine->submitted_on.has_value();
  }
  v.wave = std::move(w);
  return v;
}

Status ApplyWave(db::Session& s, const RecordContext& c, const WaveInput& in, Wave& w,
                 const Wave* current) {
  if (!current && !IsManager(c.membership)) {
    return Forbidden("Only the alliance's managers run health assessments.");
  }
  std::vector<FieldError> errors;
  if (w.visibility != "alliance" && w.visibility != "party") {
    errors.push_back({"visibility",
                      "must be alliance (every party answers) or party (a private wave of your "
                      "own party)"});
  }
  const bool locked = current && current->locked;
  if (locked) {
    const auto fixed = [&](bool changed, const char* field) {
      if (changed) errors.push_back({field, "is fixed once the first answer has arrived"});
    };
    fixed(w.bank_id != current->bank_id, "bank_id");
    fixed(w.score_threshold != current->score_threshold, "score_threshold");
    fixed(w.comment_threshold != current->comment_threshold, "comment_threshold");
    fixed(in.respondents.has_value(), "respondents");
    fixed(w.visibility != current->visibility, "visibility");
  }
  if (current && StatusOn(*current, c.today) == "closed" &&
      (w.opens_on != current->opens_on || w.closes_on != current->closes_on)) {
    errors.push_back({"closes_on", "is fixed once the wave has closed and its results are open"});
  }
  if (!current || w.bank_id != current->bank_id) {
    const auto bank = store::FindBank(s, w.bank_id);
    if (!bank || (bank->organization_id && *bank->organization_id != w.owner_organization_id)) {
      errors.push_back({"bank_id", "is not a question bank your organisation can use"});
    }
  }
  if (w.closes_on < w.opens_on) errors.push_back({"closes_on", "must not be before opens_on"});
  for (const auto& [value, field] : {std::pair{w.score_threshold, "score_threshold"},
                                     std::pair{w.comment_threshold, "comment_threshold"}}) {
    if (value < kMinThreshold) errors.push_back({field, "must be at least 3"});
  }
  if (in.respondents) {
    const auto members = MembersOf(s, c.membership.alliance_id);
    std::set<std::string> seen;
    bool another_party = false;
    for (size_t i = 0; i < in.respondents->size(); ++i) {
      const auto& r = (*in.respondents)[i];
      const std::string field = "respondents[" + std::to_string(i) + "].user_id";
      const auto member = members.find(r.user_id);
      if (member == members.end()) {
        errors.push_back({field, "is not a member of this alliance"});
      } else if (!seen.insert(r.user_id).second) {
        errors.push_back({field, "is named twice"});
      } else if (w.visibility == "party" && member->second != w.owner_organization_id) {
        errors.push_back({field, "is not of your party, and a private wave asks only your party"});
      } else if (member->second != w.owner_organization_id) {
        another_party = true;
      }
    }
    if (in.respondents->empty() || in.respondents->size() > kMaxRespondents) {
      errors.push_back({"respondents", "must name 1 to 500 people"});
    } else if (w.visibility == "alliance" && !another_party) {
      errors.push_back({"respondents",
                        "must include people of at least one other party: an alliance-wide wave "
                        "asks every side (or make it a private wave of your party)"});
    }
  }
  if (current && !in.respondents && w.visibility == "party") {
    // Made private without naming the respondents again: those already asked must all be of
    // the party, or the other party's people would be asked in a wave they cannot see.
    for (const auto& r : store::ListRespondents(s, w.id)) {
      if (r.organization_id != w.owner_organization_id) {
        errors.push_back({"respondents",
                          "include people of another party; a private wave asks only your party"});
        break;
      }
    }
  }
  if (!errors.empty()) return Invalid(std::move(errors));
  return OkStatus();
}

// Writes the respondents and freezes the bank a wave now uses; the audit event counts them.
json::object AfterWave(db::Session& s, const RecordContext&, const WaveInput& in, const Wave& w,
                       const Wave* current) {
  store::FreezeBank(s, w.bank_id, NowText());
  if (!in.respondents) return {};
  const auto members = MembersOf(s, w.alliance_id);
  std::vector<Respondent> respondents;
  respondents.reserve(in.respondents->size());
  for (const auto& r : *in.respondents) {
    respondents.push_back({r.user_id, "", members.at(r.user_id), r.role});
  }
  const size_t before = current ? store::ListRespondents(s, w.id).size() : 0;
  store::ReplaceRespondents(s, w.id, respondents);
  return {{"respondents",
           {{"before", current ? json::value(before) : json::value(nullptr)},
            {"after", respondents.size()}}}};
}

WaveView AnswerWave(db::Session& s, const RecordContext& c, Wave w) {
  return ViewOf(s, c, std::move(w));
}

const auto kWaveRules = RulesOf(ApplyWave).After(AfterWave).Answer(AnswerWave);

// ---- answering ------------------------------------------------------------------------------

std::string TextField(const json::object& o, std::string_view key) {
  const auto* v = o.if_contains(key);
  return v && v->is_string() ? std::string(v->get_string()) : std::string();
}

std::vector<Answer> AnswersFromText(const std::string& text) {
  std::vector<Answer> out;
  boost::system::error_code ec;
  const json::value v = json::parse(text, ec);
  if (ec || !v.is_array()) return out;
  for (const auto& a : v.as_array()) {
    if (!a.is_object()) continue;
    const auto& o = a.as_object();
    Answer answer;
    answer.item = TextField(o, "item");
    if (const auto* value = o.if_contains("value"); value && value->is_int64()) {
      answer.value = static_cast<int>(value->as_int64());
    }
    answer.comment = TextField(o, "comment");
    out.push_back(std::move(answer));
  }
  return out;
}

std::string AnswersText(const std::vector<Answer>& answers) {
  json::array out;
  for (const auto& a : answers) {
    out.push_back({{"item", a.item},
                   {"value", a.value ? json::value(*a.value) : json::value(nullptr)},
                   {"comment", a.comment}});
  }
  return Serialize(out);
}

// The wave and its bank for a respondent: NotFound unless the caller may read the wave,
// Forbidden unless they are asked in it.
struct Asked {
  RecordContext context;
  Wave wave;
  Bank bank;
  store::Participation me;
};

Result<Asked> EnterAsked(db::Session& s, const auth::Principal& actor,
                         const std::string& alliance_id, const std::string& wave_id) {
  NS_ASSIGN_OR_RETURN(RecordContext c, EnterAlliance(s, actor, alliance_id));
  NS_ASSIGN_OR_RETURN(Wave w, Visible(c, records::Find(s, store::Waves(), alliance_id, wave_id)));
  auto me = store::FindRespondent(s, wave_id, actor.user_id);
  if (!me) return Forbidden("You are not among the people this wave asks.");
  auto bank = store::FindBank(s, w.bank_id);
  if (!bank) return NotFound();
  return Asked{std::move(c), std::move(w), std::move(*bank), std::move(*me)};
}

Sheet SheetOf(db::Session& s, Asked asked) {
  Sheet sheet;
  sheet.submitted = asked.me.submitted_on.has_value();
  if (!sheet.submitted) {
    if (auto draft = store::FindDraft(s, asked.wave.id, asked.context.membership.user_id)) {
      sheet.draft = AnswersFromText(*draft);
    }
  }
  sheet.bank_name = asked.bank.name;
  sheet.bank_about = asked.bank.about;
  sheet.dimensions = std::move(asked.bank.dimensions);
  sheet.wave = ViewOf(s, asked.context, std::move(asked.wave));
  return sheet;
}

Status RequireOpen(const Wave& w, const std::string& today) {
  const std::string status = StatusOn(w, today);
  if (status == "scheduled") return Conflict("This wave opens on " + w.opens_on + ".");
  if (status == "closed") return Conflict("This wave is closed; answers are no longer taken.");
  return OkStatus();
}

std::string AnswerText(const std::optional<int>& value) {
  return value ? std::to_string(*value) : "dont_know";
}

// ---- results --------------------------------------------------------------------------------

// A 0–100 value for pooling items of both scales: agreement 1..5 → 0, 25, 50, 75, 100.
double Normalised(std::string_view scale, int value) {
  return scale == "agreement" ? (value - 1) * 25.0 : value;
}

struct Pool {
  double sum = 0;
  int64_t answers = 0, dont_know = 0;
  void Add(std::string_view scale, const std::string& answer, int64_t count) {
    if (answer == "dont_know") {
      dont_know += count;
    } else {
      sum += Normalised(scale, std::stoi(answer)) * static_cast<double>(count);
      answers += count;
    }
  }
  std::optional<double> Mean() const {
    return answers ? std::optional<double>(sum / static_cast<double>(answers)) : std::nullopt;
  }
};

// Slices of one split, shown or hidden by the anonymity rule over `sizes` (the people, or the
// answers, behind each slice); a hidden slice carries no number.
std::vector<SliceScore> Split(const std::vector<std::pair<std::string, std::string>>& keys,
                              const std::vector<int64_t>& sizes, const std::vector<Score>& scores,
                              int64_t threshold) {
  const std::vector<bool> hidden = HiddenSlices(sizes, threshold);
  std::vector<SliceScore> out;
  for (size_t i = 0; i < keys.size(); ++i) {
    SliceScore slice{keys[i].first, keys[i].second, hidden[i], std::nullopt, 0, 0};
    if (!hidden[i]) {
      slice.mean = scores[i].mean;
      slice.answers = scores[i].answers;
      slice.dont_know = scores[i].dont_know;
    }
    out.push_back(std::move(slice));
  }
  return out;
}

SliceScore Whole(const Score& score, int64_t size, int64_t threshold) {
  if (size < threshold) return {"all", "All parties", true, std::nullopt, 0, 0};
  return {"all", "All parties", false, score.mean, score.answers, score.dont_know};
}

Score FromPool(const Pool& p) { return {p.Mean(), p.answers, p.dont_know}; }

std::optional<double> GapOfShown(const std::vector<SliceScore>& parties) {
  std::vector<std::optional<double>> means;
  means.reserve(parties.size());
  for (const auto& p : parties) means.push_back(p.hidden ? std::nullopt : p.mean);
  return GapOf(means);
}

// The day a closed wave closed: the day a manager closed it, or its last open day.
std::string ClosedOn(const Wave& w) { return w.closed_on.value_or(w.closes_on); }

// A wave's results as everyone who may see them sees them: every slice under the anonymity rule.
Results Scored(db::Session& s, const RecordContext& c, Wave w, std::vector<Dimension> dimensions) {
  const std::string wave_id = w.id;
  Results out;
  out.dimensions = std::move(dimensions);
  const int64_t threshold = w.score_threshold;

  // Who answered, per party and role (the people behind a slice), and the tallies by item.
  std::vector<std::pair<std::string, std::string>> parties;
  std::map<std::string, size_t> party_index;
  std::map<std::string, int64_t> people_by_party, people_by_role;
  int64_t people = 0;
  const std::vector<Tally> submitted = store::SubmittedByRole(s, wave_id);
  for (const auto& p : submitted) {
    people_by_party[p.party_id] += p.count;
    people_by_role[p.role] += p.count;
    people += p.count;
  }
  for (const auto& count : store::CountsOf(s, wave_id)) {
    party_index[count.party_id] = parties.size();
    parties.emplace_back(count.party_id, alliances::PartyName(c, count.party_id));
  }
  std::vector<std::pair<std::string, std::string>> roles;
  for (std::string_view role : kRespondentRoles) {
    if (people_by_role.contains(std::string(role))) roles.emplace_back(role, role);
  }
  // item → party → answer → count; item → role → answer → count
  std::map<std::string, std::map<std::string, std::map<std::string, int64_t>>> by_party, by_role;
  const store::Answers stored = store::ListAnswers(s, wave_id);
  for (const auto& t : stored.tallies) {
    by_party[t.item][t.party_id][t.answer] += t.count;
    by_role[t.item][t.role][t.answer] += t.count;
  }
  std::vector<int64_t> party_people, role_people;
  for (const auto& [id, name] : parties) party_people.push_back(people_by_party[id]);
  for (const auto& [role, word] : roles) role_people.push_back(people_by_role[role]);
  std::vector<std::vector<int64_t>> groups(1);
  for (const auto& p : submitted) groups.front().push_back(p.count);
  if (!RoleSplitShown(groups, threshold)) role_people.assign(role_people.size(), 0);

  const auto gap_limit = [&](std::string_view scale) {
    if (!w.gap_threshold) return DefaultGap(scale);
    return scale == "agreement" ? *w.gap_threshold / 25.0 : *w.gap_threshold;
  };
  const double pooled_gap_limit = w.gap_threshold.value_or(kDefaultLevelGap);

  Pool overall;
  std::vector<Pool> overall_parties(parties.size());
  for (const auto& d : out.dimensions) {
    DimensionResult dr;
    dr.dimension = &d;
    Pool pool;
    std::vector<Pool> party_pools(parties.size()), role_pools(roles.size());
    for (const auto& item : d.items) {
      ItemResult ir;
      ir.item = &item;
      std::map<std::string, int64_t> all;
      std::vector<Score> party_scores;
      std::vector<int64_t> party_answers;
      for (size_t i = 0; i < parties.size(); ++i) {
        const auto& answers = by_party[item.key][parties[i].first];
        for (const auto& [answer, n] : answers) all[answer] += n;
        const Score score = ScoreOf(answers);
        party_scores.push_back(score);
        party_answers.push_back(score.answers);
      }
      const Score whole = ScoreOf(all);
      ir.overall = Whole(whole, whole.answers, threshold);
      ir.parties = Split(parties, party_answers, party_scores, threshold);
      // A dimension's and the wave's scores pool only the item slices that are shown: a hidden
      // slice must not be recoverable from a pooled mean less the shown items.
      for (const auto& [answer, n] : all) {
        if (ir.overall.hidden) break;
        pool.Add(item.scale, answer, n);
        overall.Add(item.scale, answer, n);
      }
      for (size_t i = 0; i < parties.size(); ++i) {
        if (ir.parties[i].hidden) continue;
        for (const auto& [answer, n] : by_party[item.key][parties[i].first]) {
          party_pools[i].Add(item.scale, answer, n);
          overall_parties[i].Add(item.scale, answer, n);
        }
      }
      for (size_t i = 0; i < roles.size() && !ir.overall.hidden; ++i) {
        for (const auto& [answer, n] : by_role[item.key][roles[i].first]) {
          role_pools[i].Add(item.scale, answer, n);
        }
      }
      ir.gap = GapOfShown(ir.parties);
      ir.gap_flagged = ir.gap && *ir.gap >= gap_limit(item.scale);
      if (!ir.overall.hidden) {
        std::map<std::string, int64_t> distribution;
        for (const auto& answer : AnswersOf(item.scale)) distribution[answer] = 0;
        for (const auto& [answer, n] : all) distribution[answer] = n;
        ir.distribution = std::move(distribution);
      }
      dr.items.push_back(std::move(ir));
    }
    std::vector<Score> party_scores, role_scores;
    for (const auto& p : party_pools) party_scores.push_back(FromPool(p));
    for (const auto& p : role_pools) role_scores.push_back(FromPool(p));
    dr.overall = Whole(FromPool(pool), people, threshold);
    dr.parties = Split(parties, party_people, party_scores, threshold);
    dr.roles = Split(roles, role_people, role_scores, threshold);
    dr.gap = GapOfShown(dr.parties);
    dr.gap_flagged = dr.gap && *dr.gap >= pooled_gap_limit;
    std::vector<std::string> texts;
    for (const auto& comment : stored.comments) {
      if (comment.item.starts_with(d.key + ".")) texts.push_back(comment.body);
    }
    // As many people who commented as the threshold: one person's five comments are not five
    // voices.
    const auto commenters = stored.commenters.find(d.key);
    if (commenters != stored.commenters.end() && commenters->second >= w.comment_threshold) {
      dr.comments = std::move(texts);
    }
    out.by_dimension.push_back(std::move(dr));
  }
  std::vector<Score> party_scores;
  party_scores.reserve(overall_parties.size());
  for (const auto& p : overall_parties) party_scores.push_back(FromPool(p));
  out.overall = Whole(FromPool(overall), people, threshold);
  out.parties = Split(parties, party_people, party_scores, threshold);
  out.wave = ViewOf(s, c, std::move(w));
  return out;
}

}  // namespace

// ---- question banks -------------------------------------------------------------------------

void HealthService::EnsureDefaultBank() {
  boost::system::error_code ec;
  const json::value doc = json::parse(DefaultBankDocument(), ec);
  if (ec || !doc.is_object()) throw std::logic_error("the default question bank is not JSON");
  const auto& o = doc.as_object();
  auto dimensions = ReadDimensions(o.at("dimensions"));
  if (!dimensions.ok()) {
    throw std::logic_error("the default question bank is invalid: " + dimensions.error().detail);
  }
  Bank b;
  b.key = std::string(o.at("key").as_string());
  b.bank_version = o.at("version").as_int64();
  db::Session s(db_);
  db::Transaction tx(s);
  if (store::HasBankVersion(s, std::nullopt, b.key, b.bank_version)) return;
  // One id per shipped version, the same on every node, so that two nodes starting at once
  // add it once.
  char id[40];
  std::snprintf(id, sizeof id, "00000000-0000-7000-8000-%012llx",
                static_cast<unsigned long long>(b.bank_version));
  b.id = id;
  b.name = std::string(o.at("name").as_string());
  b.about = std::string(o.at("about").as_string());
  b.dimensions = std::move(dimensions).value();
  b.frozen = true;  // shipped: copied, never edited
  b.created_at = b.updated_at = NowText();
  store::InsertBank(s, b);
  tx.Commit();
}

std::vector<Bank> HealthService::ListBanks(const auth::Principal& actor) {
  db::Session s(db_);
  return store::ListBanks(s, actor.organization_id);
}

Result<Bank> HealthService::GetBank(const auth::Principal& actor, const std::string& id) {
  db::Session s(db_);
  auto bank = store::FindBank(s, id);
  if (!bank || !MayUse(actor, *bank)) return NotFound();
  return std::move(*bank);
}

Result<Bank> HealthService::CreateBank(const auth::Principal& actor, const BankInput& input) {
  db::Session s(db_);
  db::Transaction tx(s);
  if (!MayEditBanks(s, actor)) {
    return Forbidden("Organisation admins and alliance managers look after question banks.");
  }
  auto source = store::FindBank(s, input.copy_of.value_or(""));
  if (!source || !MayUse(actor, *source)) {
    return Invalid("copy_of", "is not a question bank your organisation can use");
  }
  Bank b = *source;
  b.id = NewId();
  b.organization_id = actor.organization_id;
  b.key = NewId();
  b.bank_version = 1;
  b.based_on_id = source->id;
  b.frozen = false;
  b.name = input.name.value_or("Copy of " + source->name);
  if (input.about) b.about = *input.about;
  if (input.dimensions) b.dimensions = *input.dimensions;
  b.created_at = b.updated_at = NowText();
  store::InsertBank(s, b);
  audit::Event e;
  e.actor_id = actor.user_id;
  e.organization_id = actor.organization_id;
  e.record_type = "question_bank";
  e.record_id = b.id;
  e.action = "create";
  e.changes = audit::Created({{"name", b.name}, {"based_on_id", source->id}});
  e.scope.visibility = access::Visibility::kParty;
  e.scope.owner_organization_id = actor.organization_id;
  audit::Record(s, e);
  tx.Commit();
  return b;
}

Result<Bank> HealthService::UpdateBank(const auth::Principal& actor, const std::string& id,
                                       int64_t version, const BankInput& input) {
  db::Session s(db_);
  db::Transaction tx(s);
  auto current = store::FindBank(s, id);
  if (!current || !MayUse(actor, *current)) return NotFound();
  if (!current->organization_id) {
    return Forbidden("The bank shipped with Northstar is not edited; copy it and edit the copy.");
  }
  if (!MayEditBanks(s, actor)) {
    return Forbidden("Organisation admins and alliance managers look after question banks.");
  }
  if (current->version != version) return Stale();
  Bank next = *current;
  if (input.name) next.name = *input.name;
  if (input.about) next.about = *input.about;
  if (input.dimensions) next.dimensions = *input.dimensions;
  next.updated_at = NowText();
  const char* action = "update";
  if (current->frozen) {
    // A wave uses it: the change is the bank's next version, and the waves keep theirs.
    next.id = NewId();
    next.bank_version = store::LatestBankVersion(s, current->organization_id, current->key) + 1;
    next.based_on_id = current->id;
    next.frozen = false;
    next.created_at = next.updated_at;
    store::InsertBank(s, next);
    action = "new_version";
  } else if (!store::UpdateBank(s, next, version)) {
    return Stale();
  }
  audit::Event e;
  e.actor_id = actor.user_id;
  e.organization_id = actor.organization_id;
  e.record_type = "question_bank";
  e.record_id = next.id;
  e.action = action;
  e.changes = {{"name", {{"before", current->name}, {"after", next.name}}}};
  e.scope.visibility = access::Visibility::kParty;
  e.scope.owner_organization_id = actor.organization_id;
  audit::Record(s, e);
  auto saved = store::FindBank(s, next.id);
  tx.Commit();
  return std::move(*saved);
}

// ---- waves ----------------------------------------------------------------------------------

Result<WithContext<std::vector<WaveView>>> HealthService::ListWaves(
    const auth::Principal& actor, const std::string& alliance_id) {
  return ListOf(db_, actor, alliance_id, store::Waves(), nullptr, alliances::Each(AnswerWave));
}

Result<WithContext<WaveView>> HealthService::GetWave(const auth::Principal& actor,
                                                     const std::string& alliance_id,
                                                     const std::string& id) {
  return GetOf(db_, actor, alliance_id, store::Waves(), id, nullptr, AnswerWave);
}

Result<WithContext<WaveView>> HealthService::CreateWave(const auth::Principal& actor,
                                                        const std::string& alliance_id,
                                                        const WaveInput& input) {
  return CreateOf(db_, actor, alliance_id, store::Waves(), "health_wave", input, kWaveRules);
}

Result<WithContext<WaveView>> HealthService::UpdateWave(const auth::Principal& actor,
                                                        const std::string& alliance_id,
                                                        const std::string& id, int64_t version,
                                                        const WaveInput& input) {
  return UpdateOf(db_, actor, alliance_id, store::Waves(), "health_wave", id, version, input,
                  kWaveRules);
}

Status HealthService::DeleteWave(const auth::Principal& actor, const std::string& alliance_id,
                                 const std::string& id) {
  return DeleteOf(db_, actor, alliance_id, store::Waves(), "health_wave", id,
                  [](db::Session& s, const Wave& w) -> Status {
                    if (w.locked) {
                      return Conflict("This wave has answers; close it instead of deleting it.");
                    }
                    store::DeleteWaveRows(s, w.id);
                    return OkStatus();
                  });
}

Result<WithContext<WaveView>> HealthService::CloseWave(const auth::Principal& actor,
                                                       const std::string& alliance_id,
                                                       const std::string& id, int64_t version) {
  db::Session s(db_);
  db::Transaction tx(s);
  records::LockAlliance(s, alliance_id);
  NS_ASSIGN_OR_RETURN(RecordContext c, EnterAlliance(s, actor, alliance_id));
  NS_ASSIGN_OR_RETURN(Wave current, Visible(c, records::Find(s, store::Waves(), alliance_id, id)));
  NS_TRY(alliances::StartChange(c, current, version));
  if (!IsManager(c.membership)) return Forbidden("Only the alliance's managers close a wave.");
  if (StatusOn(current, c.today) == "closed") return Conflict("This wave is already closed.");
  Wave next = current;
  next.closed_on = c.today;
  if (!records::Update(s, store::Waves(), next, version)) return Stale();
  alliances::AuditUpdate(s, actor, current, next, "health_wave");
  auto view = ViewOf(s, c, std::move(*records::Find(s, store::Waves(), alliance_id, id)));
  tx.Commit();
  return Within(std::move(c), std::move(view));
}

// ---- answering ------------------------------------------------------------------------------

Result<Sheet> HealthService::GetSheet(const auth::Principal& actor, const std::string& alliance_id,
                                      const std::string& wave_id) {
  db::Session s(db_);
  db::ReadSnapshot snapshot(s);
  NS_ASSIGN_OR_RETURN(Asked asked, EnterAsked(s, actor, alliance_id, wave_id));
  return SheetOf(s, std::move(asked));
}

Result<Sheet> HealthService::SaveDraft(const auth::Principal& actor, const std::string& alliance_id,
                                       const std::string& wave_id,
                                       const std::vector<Answer>& answers) {
  db::Session s(db_);
  db::Transaction tx(s);
  NS_ASSIGN_OR_RETURN(Asked asked, EnterAsked(s, actor, alliance_id, wave_id));
  NS_TRY(RequireOpen(asked.wave, asked.context.today));
  if (asked.me.submitted_on) return Conflict("You have already answered this wave.");
  NS_TRY(CheckDraft(asked.bank.dimensions, answers));
  store::SaveDraft(s, wave_id, actor.user_id, AnswersText(answers), NowText());
  Sheet sheet = SheetOf(s, std::move(asked));
  tx.Commit();
  return sheet;
}

Result<Sheet> HealthService::Submit(const auth::Principal& actor, const std::string& alliance_id,
                                    const std::string& wave_id,
                                    const std::vector<Answer>& answers) {
  db::Session s(db_);
  db::Transaction tx(s);
  records::LockAlliance(s, alliance_id);
  NS_ASSIGN_OR_RETURN(Asked asked, EnterAsked(s, actor, alliance_id, wave_id));
  NS_TRY(RequireOpen(asked.wave, asked.context.today));
  if (asked.me.submitted_on) return Conflict("You have already answered this wave.");
  NS_TRY(CheckSheet(asked.bank.dimensions, answers));

  // The answers join the tallies and the comments; then every row of the wave is written again
  // in a random order, so that neither row order nor ids tell whose answers came when.
  store::Answers stored = store::ListAnswers(s, wave_id);
  std::map<std::tuple<std::string, std::string, std::string, std::string>, int64_t> counts;
  for (const auto& t : stored.tallies) counts[{t.party_id, t.role, t.item, t.answer}] += t.count;
  std::set<std::string> commented;
  for (const auto& a : answers) {
    counts[{asked.me.organization_id, asked.me.role, a.item, AnswerText(a.value)}] += 1;
    if (a.comment.empty()) continue;
    stored.comments.push_back(
        {RandomSecret(16), asked.me.organization_id, asked.me.role, a.item, a.comment});
    commented.insert(a.item.substr(0, a.item.find('.')));
  }
  for (const auto& dimension : commented) stored.commenters[dimension] += 1;
  stored.tallies.clear();
  stored.tallies.reserve(counts.size());
  for (const auto& [key, n] : counts) {
    stored.tallies.push_back(
        {std::get<0>(key), std::get<1>(key), std::get<2>(key), std::get<3>(key), n});
  }
  std::random_device seed;
  std::mt19937_64 shuffle(seed());
  std::shuffle(stored.tallies.begin(), stored.tallies.end(), shuffle);
  std::shuffle(stored.comments.begin(), stored.comments.end(), shuffle);
  store::RewriteAnswers(s, wave_id, stored);
  store::MarkSubmitted(s, wave_id, actor.user_id, asked.context.today);
  store::DeleteDraft(s, wave_id, actor.user_id);
  if (!asked.wave.locked) {
    // The first answer fixes the respondents and the thresholds.
    Wave locked = asked.wave;
    locked.locked = true;
    records::Update(s, store::Waves(), locked, asked.wave.version);
    asked.wave = *records::Find(s, store::Waves(), alliance_id, wave_id);
  }
  // The wave's overall score as its results will show it, for the portfolio once it closes.
  const SliceScore overall = Scored(s, asked.context, asked.wave, asked.bank.dimensions).overall;
  store::SetOverallScore(s, wave_id, overall.hidden ? std::nullopt : overall.mean);
  // The trail keeps that the person answered, never what — and shows it to them alone, since
  // nobody else may learn who has answered.
  access::RecordScope only_them;
  only_them.visibility = access::Visibility::kRestricted;
  only_them.owner_organization_id = actor.organization_id;
  only_them.owner_user_id = actor.user_id;
  alliances::AuditRecord(s, actor.user_id, asked.wave, "health_wave", "respond", {}, only_them);
  asked.me.submitted_on = asked.context.today;
  Sheet sheet = SheetOf(s, std::move(asked));
  tx.Commit();
  return sheet;
}

// ---- results --------------------------------------------------------------------------------

Result<Results> HealthService::ResultsOf(const auth::Principal& actor,
                                         const std::string& alliance_id,
                                         const std::string& wave_id) {
  Results out;
  RecordContext c;
  std::string closed_on;
  std::optional<Wave> previous;  // the comparable wave before, if any
  std::map<std::string, std::optional<double>> previous_scores;
  std::map<std::string, std::string> wave_titles;  // of the waves closed by this one
  {
    db::Session s(db_);
    db::ReadSnapshot snapshot(s);
    NS_ASSIGN_OR_RETURN(c, EnterAlliance(s, actor, alliance_id));
    NS_ASSIGN_OR_RETURN(Wave w, Visible(c, records::Find(s, store::Waves(), alliance_id, wave_id)));
    if (StatusOn(w, c.today) != "closed") {
      return Conflict("Results open when the wave closes (" + w.closes_on +
                      ", or earlier when a manager closes it).");
    }
    auto bank = store::FindBank(s, w.bank_id);
    if (!bank) return NotFound();
    closed_on = ClosedOn(w);
    out = Scored(s, c, std::move(w), std::move(bank->dimensions));

    // The comparable wave before: of the same reach (alliance-wide, or the same party's private
    // waves), closed before this one, that the caller may see.
    for (auto& other : records::List(s, store::Waves(), alliance_id, {c.membership})) {
      if (other.id == wave_id || StatusOn(other, c.today) != "closed") continue;
      const std::string day = ClosedOn(other);
      if (day > closed_on || (day == closed_on && other.id > wave_id)) continue;
      wave_titles[other.id] = other.title;
      if (other.visibility != out.wave.wave.visibility ||
          other.party_id != out.wave.wave.party_id) {
        continue;
      }
      if (!previous || day > ClosedOn(*previous)) previous = std::move(other);
    }
    wave_titles[wave_id] = out.wave.wave.title;
    if (previous) {
      if (auto before = store::FindBank(s, previous->bank_id)) {
        const Results then = Scored(s, c, *previous, std::move(before->dimensions));
        for (const auto& d : then.by_dimension) {
          previous_scores[d.dimension->key] = d.overall.hidden ? std::nullopt : d.overall.mean;
        }
      }
    }
  }
  out.today = c.today;
  out.evidence_period =
      EvidencePeriod(closed_on, previous ? std::optional(ClosedOn(*previous)) : std::nullopt);

  // The action plans made from this wave or the ones before it, by dimension (of the action items
  // the caller may read).
  std::map<std::string, std::vector<ActionPlan>> plans;
  NS_ASSIGN_OR_RETURN(auto actions, governance_.ListActions(actor, alliance_id));
  NS_ASSIGN_OR_RETURN(auto committees, governance_.ListCommittees(actor, alliance_id));
  std::map<std::string, std::string> committee_names;
  for (const auto& v : committees.record) committee_names[v.committee.id] = v.committee.name;
  for (auto& a : actions.record) {
    if (!a.health_wave_id || !a.health_dimension_key) continue;
    const auto title = wave_titles.find(*a.health_wave_id);
    if (title == wave_titles.end()) continue;
    ActionPlan plan{std::move(a), std::nullopt, title->second};
    if (plan.action.committee_id) {
      const auto name = committee_names.find(*plan.action.committee_id);
      if (name != committee_names.end()) plan.committee_name = name->second;
    }
    plans[*plan.action.health_dimension_key].push_back(std::move(plan));
  }

  NS_ASSIGN_OR_RETURN(std::vector<Signal> evidence,
                      Evidence(actor, alliance_id, out.evidence_period, c, committees.record));
  for (auto& d : out.by_dimension) {
    const std::string& key = d.dimension->key;
    if (const auto score = previous_scores.find(key); score != previous_scores.end()) {
      d.previous = PreviousScore{previous->id, previous->title, ClosedOn(*previous), score->second};
    }
    for (const auto& signal : evidence) {
      if (signal.dimension == key) d.evidence.push_back(signal);
    }
    d.action_plans = std::move(plans[key]);
  }
  return out;
}

Result<std::vector<TrendPoint>> HealthService::Trends(const auth::Principal& actor,
                                                      const std::string& alliance_id) {
  db::Session s(db_);
  db::ReadSnapshot snapshot(s);
  NS_ASSIGN_OR_RETURN(RecordContext c, EnterAlliance(s, actor, alliance_id));
  // One line for the alliance: its alliance-wide waves, asked of every party. A party's private
  // waves ask other people and are compared among themselves (a result's `previous`).
  std::vector<Wave> closed;
  for (auto& w : records::List(s, store::Waves(), alliance_id, {c.membership})) {
    if (w.visibility == "alliance" && StatusOn(w, c.today) == "closed")
      closed.push_back(std::move(w));
  }
  std::sort(closed.begin(), closed.end(), [](const Wave& a, const Wave& b) {
    return std::pair(ClosedOn(a), a.id) < std::pair(ClosedOn(b), b.id);
  });
  std::vector<TrendPoint> out;
  for (auto& w : closed) {
    auto bank = store::FindBank(s, w.bank_id);
    if (!bank) continue;
    const std::string day = ClosedOn(w);
    const Results r = Scored(s, c, std::move(w), std::move(bank->dimensions));
    TrendPoint point{r.wave.wave.id, r.wave.wave.title, day, r.overall, r.parties, {}};
    for (const auto& d : r.by_dimension) {
      point.dimensions.push_back({d.dimension->key, d.dimension->name, d.overall, d.parties});
    }
    out.push_back(std::move(point));
  }
  return out;
}

Result<std::vector<Signal>> HealthService::Evidence(
    const auth::Principal& actor, const std::string& alliance_id, const Period& period,
    const RecordContext& c, const std::vector<governance::CommitteeView>& committees) {
  Facts f;
  f.period = period;
  const auto day = [](const std::string& instant) { return instant.substr(0, 10); };
  NS_ASSIGN_OR_RETURN(auto decisions, governance_.ListDecisions(actor, alliance_id));
  for (const auto& v : decisions.record) {
    f.decisions.push_back({v.decision.proposed_on, v.decision.decided_on});
  }
  NS_ASSIGN_OR_RETURN(auto meetings, governance_.ListMeetings(actor, alliance_id));
  for (const auto& v : meetings.record) {
    const auto& m = v.meeting;
    f.meetings.push_back(
        {day(m.starts_at), m.status == "cancelled",
         m.minutes_final_at ? std::optional(day(*m.minutes_final_at)) : std::nullopt});
  }
  for (const auto& v : committees) {
    f.committees.push_back({v.committee.cadence, day(v.committee.created_at)});
  }
  NS_ASSIGN_OR_RETURN(auto issues, governance_.ListIssues(actor, alliance_id));
  for (const auto& i : issues.record) {
    f.issues.push_back({i.raised_on, i.current_level,
                        i.resolution ? std::optional(i.resolution->resolved_on) : std::nullopt});
  }
  NS_ASSIGN_OR_RETURN(auto milestones, plans_.ListMilestones(actor, alliance_id));
  for (const auto& v : milestones.record) {
    const auto& m = v.milestone;
    f.milestones.push_back(
        {m.original_date, m.planned_date, m.forecast_date, m.actual_date, v.status == "cancelled"});
  }
  NS_ASSIGN_OR_RETURN(f.kpi_statuses, plans_.KpiStatusesOn(actor, alliance_id, period.to));
  NS_ASSIGN_OR_RETURN(auto compliance,
                      agreements_.GetCompliance(actor, alliance_id, period.from, period.to));
  for (const auto& row : compliance.record.by_party) {
    const bool joint = row.key == "joint";
    f.obligations.push_back({row.key, joint ? row.name : alliances::PartyName(c, row.key), joint,
                             row.tally.on_time, row.tally.late, row.tally.overdue});
  }
  return EvidenceOf(f);
}

Result<WithContext<governance::ActionItem>> HealthService::CreateActionPlan(
    const auth::Principal& actor, const std::string& alliance_id, const std::string& wave_id,
    ActionPlanInput input) {
  {
    db::Session s(db_);
    db::ReadSnapshot snapshot(s);
    NS_ASSIGN_OR_RETURN(RecordContext c, EnterAlliance(s, actor, alliance_id));
    NS_ASSIGN_OR_RETURN(Wave w, Visible(c, records::Find(s, store::Waves(), alliance_id, wave_id)));
    if (StatusOn(w, c.today) != "closed") {
      return Conflict("Action plans are made from results, which open when the wave closes.");
    }
    if (!w.locked) return Conflict("Nobody answered this wave: there is no result to act on.");
    auto bank = store::FindBank(s, w.bank_id);
    if (!bank) return NotFound();
    const auto dimension =
        std::find_if(bank->dimensions.begin(), bank->dimensions.end(),
                     [&](const Dimension& d) { return d.key == input.dimension_key; });
    if (dimension == bank->dimensions.end()) {
      return Invalid("dimension_key", "is not a dimension of this wave's questions");
    }
    if (input.item_key && std::none_of(dimension->items.begin(), dimension->items.end(),
                                       [&](const Item& i) { return i.key == *input.item_key; })) {
      return Invalid("item_key", "is not a question of this dimension");
    }
    // A private wave's results are its party's: so is what is done about them, and by whom
    // (an action is its owner's party's), so that nothing tells another party the wave exists.
    if (w.visibility != "alliance") {
      if (input.action.visibility && *input.action.visibility != "party") {
        return Invalid("visibility", "must be your party's: this wave is private to it");
      }
      input.action.visibility = "party";
      input.action.readers.reset();
      const auto owner = input.action.owner_user_id
                             ? alliances::MemberOf(s, alliance_id, *input.action.owner_user_id)
                             : std::nullopt;
      if (owner && owner->organization_id != w.party_id) {
        return Invalid("owner_user_id", "must be of your party: this wave is private to it");
      }
    }
  }
  input.action.health_wave_id = wave_id;
  input.action.health_dimension_key = input.dimension_key;
  input.action.health_item_key = input.item_key;
  return governance_.CreateAction(actor, alliance_id, input.action);
}

int64_t HealthService::RunReminders(const std::string& today) {
  db::Session s(db_);
  db::Transaction tx(s);
  int64_t stored = 0;
  for (const auto& u : store::UnansweredOn(s, today)) {
    // Only someone who may still read the wave (a member of the alliance, of a party it shows to).
    auto member = access::FindMembership(s, u.alliance_id, u.user_id);
    auto wave = records::Find(s, store::Waves(), u.alliance_id, u.wave_id);
    if (!member || !wave || !access::CanRead(*member, records::ScopeOf(*wave))) continue;
    const std::string link = "/alliances/" + u.alliance_id + "/health/" + u.wave_id + "/answer";
    const std::string key = "health_wave:" + u.wave_id + ":";
    stored += notifications::Notify(
                  s, {u.user_id, u.alliance_id, "health_wave_open", "Health check: " + u.title,
                      "You are asked to answer the health check \"" + u.title + "\" by " +
                          u.closes_on + ". Your answers are anonymous.",
                      link, "health_wave", u.wave_id, key + "open"})
                  ? 1
                  : 0;
    const int64_t left = Date::FromText(today).DaysUntil(Date::FromText(u.closes_on));
    if (left > kClosingNoticeDays) continue;
    stored += notifications::Notify(
                  s, {u.user_id, u.alliance_id, "health_wave_closing",
                      (left == 0 ? "Closes today: " : "Closes on " + u.closes_on + ": ") + u.title,
                      "The health check \"" + u.title + "\" closes on " + u.closes_on +
                          " and has no answer from you yet.",
                      link, "health_wave", u.wave_id, key + "closing"})
                  ? 1
                  : 0;
  }
  tx.Commit();
  return stored;
}

std::vector<Survey> HealthService::Surveys(const auth::Principal& actor) {
  db::Session s(db_);
  db::ReadSnapshot snapshot(s);
  std::vector<Survey> out;
  for (const auto& asked : store::WavesAsking(s, actor.user_id)) {
    auto c = EnterAlliance(s, actor, asked.alliance_id);
    if (!c.ok()) continue;  // no longer a member
    auto w = Visible(*c, records::Find(s, store::Waves(), asked.alliance_id, asked.wave_id));
    if (!w.ok()) continue;
    out.push_back({asked.alliance_id, asked.alliance_name, w->id, w->title, w->opens_on,
                   w->closes_on, StatusOn(*w, c->today), asked.submitted});
  }
  return out;
}

}  // namespace northstar::health
