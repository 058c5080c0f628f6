// Perception beside evidence: what the alliance's own records say, over a wave's period, about the
// dimensions its people were asked about. Each signal is defined once, here (the table in
// evidence.cpp and the API guide's "Perception beside evidence"), as a pure function of plain
// facts; the service gathers the facts from the records the caller may read, so a partner's
// private records are never counted for someone who may not see them.
#pragma once

#include <optional>
#include <string>
#include <vector>

namespace northstar::health {

// The days a wave's evidence counts, both included.
struct Period {
  std::string from, to;
};
// From the day after the previous comparable wave closed, or kEvidenceDays before the end when
// there is none, to the day the wave closed.
inline constexpr int64_t kEvidenceDays = 182;
Period EvidencePeriod(const std::string& closed_on,
                      const std::optional<std::string>& previous_closed_on);
// A decision still undecided this many days after it was proposed is waiting.
inline constexpr int64_t kDecisionWaitDays = 30;

struct DecisionFact {
  std::string proposed_on;
  std::optional<std::string> decided_on;
};
struct MeetingFact {
  std::string day;  // the day it started (in UTC)
  bool cancelled = false;
  std::optional<std::string> minutes_final_on;
};
struct CommitteeFact {
  std::string cadence;     // governance's cadences; "ad_hoc" sets no expectation
  std::string created_on;  // meetings are expected from then on
};
struct IssueFact {
  std::string raised_on;
  int64_t level = 0;  // the escalation level it reached (0: its first)
  std::optional<std::string> resolved_on;
};
struct MilestoneFact {
  std::string original_date, planned_date, forecast_date;
  std::optional<std::string> actual_date;
  bool cancelled = false;
};
struct PartyRate {
  std::string party_id, party_name;
  bool joint = false;  // the joint obligations: counted for all, not listed as a party
  // Obligations' occurrences due in the period and settled: on time, late, still overdue.
  int64_t on_time = 0, late = 0, overdue = 0;
};

struct Facts {
  Period period;
  std::vector<DecisionFact> decisions;
  std::vector<MeetingFact> meetings;
  std::vector<CommitteeFact> committees;
  std::vector<IssueFact> issues;
  std::vector<MilestoneFact> milestones;
  // Each KPI's status by its last value measured by the period's end (plans::KpiStatus).
  std::vector<std::string> kpi_statuses;
  std::vector<PartyRate> obligations;  // per owing party; joint obligations as a party of their own
};

struct PartyValue {
  std::string party_id, party_name;
  std::optional<double> value;
};

struct Signal {
  std::string key;
  std::string dimension;  // the default bank's dimension key it speaks to
  std::optional<double> value;
  std::optional<double> expected;
  std::string unit;    // count | days | percent
  std::string better;  // lower | higher
  std::optional<std::vector<PartyValue>> by_party;
};

// Every signal, in the order of the definitions, each with its value over the period.
std::vector<Signal> EvidenceOf(const Facts& facts);

// The median of some numbers of days (the mean of the middle two for an even count), or nullopt.
std::optional<double> Median(std::vector<int64_t> days);
// How many meetings a committee of this cadence is expected to hold over `days` days (fractional),
// or nullopt for a cadence that sets no expectation.
std::optional<double> ExpectedMeetings(const std::string& cadence, int64_t days);

}  // namespace northstar::health
