#include "modules/health/evidence.hpp"

#include <algorithm>
#include <cmath>
#include <functional>

#include "platform/common/time.hpp"

namespace northstar::health {
namespace {

bool Within(const Period& p, std::string_view day) { return day >= p.from && day <= p.to; }

// Days from a to b, or nothing when b is missing or after the period.
std::optional<int64_t> DaysWithin(const Period& p, const std::string& a,
                                  const std::optional<std::string>& b) {
  if (!b || !Within(p, *b)) return std::nullopt;
  return DaysBetween(a, *b);
}

struct Measured {
  std::optional<double> value, expected;
  std::optional<std::vector<PartyValue>> by_party;
};

struct Definition {
  const char* key;
  const char* dimension;
  const char* unit;
  const char* better;
  std::function<Measured(const Facts&)> measure;
};

std::optional<double> RateOf(int64_t on_time, int64_t late, int64_t overdue) {
  const int64_t settled = on_time + late + overdue;
  if (settled == 0) return std::nullopt;
  return 100.0 * static_cast<double>(on_time) / static_cast<double>(settled);
}

// The signals. A signal's words are in docs/words.json ("health_signal"); its definition in the
// API guide ("Perception beside evidence") says what each function below counts.
const std::vector<Definition>& Definitions() {
  static const std::vector<Definition> all = {
      {"decisions_waiting", "governance", "count", "lower",
       [](const Facts& f) {
         // Proposed kDecisionWaitDays or more before the period's end and still not decided then.
         const std::string by = AddDays(f.period.to, -kDecisionWaitDays);
         int64_t n = 0;
         for (const auto& d : f.decisions) {
           if (d.proposed_on <= by && (!d.decided_on || *d.decided_on > f.period.to)) ++n;
         }
         return Measured{static_cast<double>(n), {}, {}};
       }},
      {"decision_days", "governance", "days", "lower",
       [](const Facts& f) {
         // From proposal to decision, for the decisions decided in the period.
         std::vector<int64_t> days;
         for (const auto& d : f.decisions) {
           if (auto n = DaysWithin(f.period, d.proposed_on, d.decided_on)) days.push_back(*n);
         }
         return Measured{Median(days), {}, {}};
       }},
      {"minutes_days", "governance", "days", "lower",
       [](const Facts& f) {
         // From a meeting of the period to its final minutes, when they were final by its end.
         std::vector<int64_t> days;
         for (const auto& m : f.meetings) {
           if (m.cancelled || !Within(f.period, m.day)) continue;
           if (auto n = DaysWithin(f.period, m.day, m.minutes_final_on)) days.push_back(*n);
         }
         return Measured{Median(days), {}, {}};
       }},
      {"meetings_held", "communication", "count", "higher",
       [](const Facts& f) {
         // The meetings of the period not cancelled, against what the committees' cadences call
         // for over the part of the period each committee existed.
         int64_t held = 0;
         for (const auto& m : f.meetings) held += !m.cancelled && Within(f.period, m.day);
         std::optional<double> expected;
         for (const auto& c : f.committees) {
           const std::string since = std::max(f.period.from, c.created_on);
           if (since > f.period.to) continue;
           if (auto n = ExpectedMeetings(c.cadence, DaysBetween(since, f.period.to) + 1)) {
             expected = expected.value_or(0) + *n;
           }
         }
         if (expected) expected = std::round(*expected);
         return Measured{static_cast<double>(held), expected, {}};
       }},
      {"issues_escalated", "conflict", "count", "lower",
       [](const Facts& f) {
         // Raised in the period and escalated beyond their first level.
         int64_t n = 0;
         for (const auto& i : f.issues) n += Within(f.period, i.raised_on) && i.level > 0;
         return Measured{static_cast<double>(n), {}, {}};
       }},
      {"issue_resolution_days", "conflict", "days", "lower",
       [](const Facts& f) {
         // From raised to resolved, for the issues resolved in the period.
         std::vector<int64_t> days;
         for (const auto& i : f.issues) {
           if (auto n = DaysWithin(f.period, i.raised_on, i.resolved_on)) days.push_back(*n);
         }
         return Measured{Median(days), {}, {}};
       }},
      {"milestones_late", "execution", "count", "lower",
       [](const Facts& f) {
         // Planned in the period and achieved after their planned day, or not achieved by the
         // period's end.
         int64_t n = 0;
         for (const auto& m : f.milestones) {
           if (m.cancelled || !Within(f.period, m.planned_date)) continue;
           const bool achieved_by_end = m.actual_date && *m.actual_date <= f.period.to;
           n += !achieved_by_end || *m.actual_date > m.planned_date;
         }
         return Measured{static_cast<double>(n), {}, {}};
       }},
      {"slip_days", "execution", "days", "lower",
       [](const Facts& f) {
         // The days by which the milestones first due in the period moved from their original
         // day (achieved or forecast), added up.
         int64_t total = 0;
         for (const auto& m : f.milestones) {
           if (m.cancelled || !Within(f.period, m.original_date)) continue;
           const std::string& landed = m.actual_date ? *m.actual_date : m.forecast_date;
           total += std::max<int64_t>(0, DaysBetween(m.original_date, landed));
         }
         return Measured{static_cast<double>(total), {}, {}};
       }},
      {"kpis_red", "execution", "count", "lower",
       [](const Facts& f) {
         const auto n = std::count(f.kpi_statuses.begin(), f.kpi_statuses.end(), "red");
         return Measured{static_cast<double>(n), {}, {}};
       }},
      {"on_time_rate", "commitments", "percent", "higher",
       [](const Facts& f) {
         // The share of obligations' occurrences due in the period that were fulfilled on time,
         // of those fulfilled (on time or late) or overdue; per owing party and for all.
         int64_t on_time = 0, late = 0, overdue = 0;
         std::vector<PartyValue> parties;
         for (const auto& p : f.obligations) {
           on_time += p.on_time;
           late += p.late;
           overdue += p.overdue;
           if (p.joint) continue;
           parties.push_back({p.party_id, p.party_name, RateOf(p.on_time, p.late, p.overdue)});
         }
         return Measured{RateOf(on_time, late, overdue), {}, std::move(parties)};
       }},
  };
  return all;
}

}  // namespace

Period EvidencePeriod(const std::string& closed_on,
                      const std::optional<std::string>& previous_closed_on) {
  std::string from = previous_closed_on ? AddDays(*previous_closed_on, 1)
                                        : AddDays(closed_on, -(kEvidenceDays - 1));
  if (from > closed_on) from = closed_on;
  return {std::move(from), closed_on};
}

std::optional<double> Median(std::vector<int64_t> days) {
  if (days.empty()) return std::nullopt;
  std::sort(days.begin(), days.end());
  const size_t mid = days.size() / 2;
  if (days.size() % 2 == 1) return static_cast<double>(days[mid]);
  return static_cast<double>(days[mid - 1] + days[mid]) / 2.0;
}

std::optional<double> ExpectedMeetings(const std::string& cadence, int64_t days) {
  // The average length of each cadence's interval, in days.
  static const std::vector<std::pair<std::string_view, double>> kIntervals = {
      {"weekly", 7},
      {"biweekly", 14},
      {"monthly", 365.25 / 12},
      {"bimonthly", 365.25 / 6},
      {"quarterly", 365.25 / 4},
      {"semiannual", 365.25 / 2},
      {"annual", 365.25}};
  for (const auto& [name, interval] : kIntervals) {
    if (name == cadence) return static_cast<double>(std::max<int64_t>(days, 0)) / interval;
  }
  return std::nullopt;
}

std::vector<Signal> EvidenceOf(const Facts& facts) {
  std::vector<Signal> out;
  for (const auto& d : Definitions()) {
    Measured m = d.measure(facts);
    out.push_back(
        {d.key, d.dimension, m.value, m.expected, d.unit, d.better, std::move(m.by_party)});
  }
  return out;
}

}  // namespace northstar::health
