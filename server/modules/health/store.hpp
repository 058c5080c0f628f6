// Health assessments' SQL: question banks, waves (the record kit's table), respondents, drafts,
// and the answers as tallies and comments that carry no person, time or sequence.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "modules/health/model.hpp"
#include "modules/health/service.hpp"
#include "platform/db/database.hpp"
#include "platform/records/table.hpp"

namespace northstar::health::store {

const records::Table<Wave>& Waves();

std::optional<Bank> FindBank(db::Session& s, const std::string& id);
// The banks shipped with Northstar and those of `organization_id`, the latest version of each.
std::vector<Bank> ListBanks(db::Session& s, const std::string& organization_id);
bool HasBankVersion(db::Session& s, const std::optional<std::string>& organization_id,
                    const std::string& key, int64_t bank_version);
int64_t LatestBankVersion(db::Session& s, const std::optional<std::string>& organization_id,
                          const std::string& key);
void InsertBank(db::Session& s, const Bank& b);
// False when the bank is no longer at `version`.
bool UpdateBank(db::Session& s, const Bank& b, int64_t version);
void FreezeBank(db::Session& s, const std::string& id, const std::string& now);

std::vector<Respondent> ListRespondents(db::Session& s, const std::string& wave_id);
void ReplaceRespondents(db::Session& s, const std::string& wave_id,
                        const std::vector<Respondent>& respondents);
struct Participation {
  std::string organization_id, role;
  std::optional<std::string> submitted_on;
};
std::optional<Participation> FindRespondent(db::Session& s, const std::string& wave_id,
                                            const std::string& user_id);
// Asked and answered, per party (party names left to the caller).
std::vector<PartyCount> CountsOf(db::Session& s, const std::string& wave_id);
// Answered, per party and role.
std::vector<Tally> SubmittedByRole(db::Session& s, const std::string& wave_id);
void MarkSubmitted(db::Session& s, const std::string& wave_id, const std::string& user_id,
                   const std::string& day);

std::optional<std::string> FindDraft(db::Session& s, const std::string& wave_id,
                                     const std::string& user_id);
void SaveDraft(db::Session& s, const std::string& wave_id, const std::string& user_id,
               const std::string& answers, const std::string& now);
void DeleteDraft(db::Session& s, const std::string& wave_id, const std::string& user_id);

struct Comment {
  std::string id, organization_id, role, item, body;
};
// What a wave's answers hold: tallies, comments and, per dimension, how many people commented.
struct Answers {
  std::vector<Tally> tallies;
  std::vector<Comment> comments;
  std::map<std::string, int64_t> commenters;
};
Answers ListAnswers(db::Session& s, const std::string& wave_id);
// Replaces a wave's answers with these, the tallies and comments written in the order given.
void RewriteAnswers(db::Session& s, const std::string& wave_id, const Answers& answers);
// The wave's overall score (0–100) as its results show it, or none while it is hidden.
void SetOverallScore(db::Session& s, const std::string& wave_id, std::optional<double> score);
// Everything a wave holds besides its own row.
void DeleteWaveRows(db::Session& s, const std::string& id);

// The waves open on `today` that ask people who have not answered, with those people.
struct Unanswered {
  std::string alliance_id, wave_id, title, closes_on, user_id;
};
std::vector<Unanswered> UnansweredOn(db::Session& s, const std::string& today);

struct AskedWave {
  std::string alliance_id, alliance_name, wave_id;
  bool submitted = false;
};
std::vector<AskedWave> WavesAsking(db::Session& s, const std::string& user_id);

}  // namespace northstar::health::store
