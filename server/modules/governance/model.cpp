#include "modules/governance/model.hpp"

#include <algorithm>
#include <chrono>
#include <regex>
#include <utility>

#include "platform/common/date.hpp"
#include "platform/common/json.hpp"

namespace northstar::governance {
namespace {

bool Contains(const std::vector<std::string>& v, const std::string& x) {
  return std::find(v.begin(), v.end(), x) != v.end();
}

// The weekday on or after `day`: a Saturday or Sunday moves to the Monday.
Date Weekday(Date day) {
  if (day.Weekday() == std::chrono::Saturday) return day.AddDays(2);
  if (day.Weekday() == std::chrono::Sunday) return day.AddDays(1);
  return day;
}

}  // namespace

bool IsVotingRole(std::string_view role) {
  return role == "chair" || role == "co_chair" || role == "voting_member";
}

bool IsReviewerRole(std::string_view role) {
  return role == "chair" || role == "co_chair" || role == "secretary";
}

bool SitsOn(const Seat& seat, std::string_view day) {
  return seat.joined_on <= day && (!seat.left_on || *seat.left_on > day);
}

std::optional<std::string> ChairParty(std::string_view rotation, std::string_view rotation_start,
                                      const std::vector<std::string>& party_ids,
                                      std::string_view day,
                                      const std::vector<std::string>& meetings_held) {
  if (party_ids.empty() || rotation == "none") return std::nullopt;
  int64_t turn = 0;
  if (rotation == "yearly") {
    if (day < rotation_start) return party_ids.front();
    // Whole years since the start: the anniversary itself begins the next turn (one that falls
    // on 29 February, in a common year on 1 March).
    const Date on = Date::FromText(day), start = Date::FromText(rotation_start);
    turn = on.Year() - start.Year();
    if (std::pair(on.Month(), on.Day()) < std::pair(start.Month(), start.Day())) --turn;
  } else {
    turn = static_cast<int64_t>(meetings_held.size());
  }
  return party_ids[static_cast<size_t>(turn % static_cast<int64_t>(party_ids.size()))];
}

Quorum CheckQuorum(std::string_view rule, const std::vector<Seat>& seats,
                   const std::vector<Attendee>& attendance,
                   const std::vector<std::pair<std::string, std::string>>& parties) {
  Quorum q;
  int64_t present_total = 0, voting_total = 0;
  std::vector<std::string> missing;  // names of parties with no voting member present
  for (const auto& [party, name] : parties) {
    PartyPresence p{party, 0, 0};
    for (const auto& seat : seats) {
      if (seat.organization_id != party || !IsVotingRole(seat.role)) continue;
      ++p.voting_members;
      const bool here = std::any_of(attendance.begin(), attendance.end(), [&](const Attendee& a) {
        return a.user_id == seat.user_id && (a.status == "present" || a.status == "delegate");
      });
      if (here) ++p.present;
    }
    if (p.voting_members > 0 && p.present == 0) missing.push_back(name);
    present_total += p.present;
    voting_total += p.voting_members;
    q.by_party.push_back(p);
  }
  if (voting_total == 0) {
    q.detail = "The committee has no voting members.";
    return q;
  }
  const auto list = [](const std::vector<std::string>& names) {
    std::string out;
    for (size_t i = 0; i < names.size(); ++i) out += (i ? ", " : "") + names[i];
    return out;
  };
  if (rule == "all_voting") {
    q.met = present_total == voting_total;
    q.detail = q.met ? "Every voting member is present."
                     : std::to_string(voting_total - present_total) + " of " +
                           std::to_string(voting_total) + " voting members are not present.";
    return q;
  }
  if (!missing.empty()) {
    q.detail = "No voting member present for " + list(missing) + ".";
    return q;
  }
  if (rule == "majority_voting" && present_total * 2 <= voting_total) {
    q.detail = std::to_string(present_total) + " of " + std::to_string(voting_total) +
               " voting members present: a majority is needed.";
    return q;
  }
  q.met = true;
  q.detail = rule == "majority_voting"
                 ? std::to_string(present_total) + " of " + std::to_string(voting_total) +
                       " voting members present, every party represented."
                 : "At least one voting member of every party is present.";
  return q;
}

std::vector<PartyPosition> PartyPositions(const std::vector<std::string>& voting_parties,
                                          const std::vector<Vote>& votes) {
  std::vector<PartyPosition> out;
  for (const auto& party : voting_parties) {
    bool approve = false, reject = false;
    for (const auto& v : votes) {
      if (v.organization_id != party) continue;
      approve = approve || v.vote == "approve";
      reject = reject || v.vote == "reject";
    }
    out.push_back({party, reject ? "rejected" : approve ? "approved" : "pending"});
  }
  return out;
}

std::string ConsentOutcome(const std::vector<PartyPosition>& positions) {
  if (positions.empty()) return "proposed";
  bool all = true;
  for (const auto& p : positions) {
    if (p.position == "rejected") return "rejected";
    all = all && p.position == "approved";
  }
  return all ? "approved" : "proposed";
}

bool MinutesApproved(const std::vector<std::string>& required_parties,
                     const std::vector<std::string>& approving_parties) {
  if (required_parties.empty()) return false;
  return std::all_of(required_parties.begin(), required_parties.end(),
                     [&](const std::string& p) { return Contains(approving_parties, p); });
}

std::vector<EscalationStep> DueEscalations(const std::vector<EscalationLevel>& levels,
                                           int64_t current_level, std::string_view due_on,
                                           std::string_view today) {
  std::vector<EscalationStep> steps;
  Date due = Date::FromText(due_on);
  const Date on = Date::FromText(today);
  for (int64_t level = current_level + 1; level < static_cast<int64_t>(levels.size()) && due < on;
       ++level) {
    const Date entered = due.AddDays(1);
    due = due.AddDays(levels[level].days);
    steps.push_back({level, entered.Text(), due.Text()});
  }
  return steps;
}

std::vector<ProposedMeeting> ProposeMeetings(std::string_view template_name,
                                             const std::vector<CommitteeRef>& committees,
                                             std::string_view from, int64_t months) {
  const bool lean = template_name == "lean";
  const Date first = Date::FromText(from);
  const Date until = first.AddMonths(months);
  std::vector<ProposedMeeting> out;
  for (const auto& c : committees) {
    const bool steering = c.kind == "joint_steering";
    const int64_t duration = lean ? (steering ? 60 : 30) : (steering ? 180 : 90);
    const std::string title = c.name + (steering ? " — steering meeting" : " — meeting");
    for (int64_t k = 0;; ++k) {
      // Each step counted from `from`, so that 31 January gives 28 February, then 31 March.
      const Date day = !steering && lean ? first.AddDays(14 * k)
                                         : first.AddMonths(k * (steering ? (lean ? 2 : 3) : 1));
      if (day >= until) break;
      out.push_back({c.id, c.name, title, Weekday(day).Text() + "T15:00:00Z", duration});
    }
  }
  std::stable_sort(out.begin(), out.end(), [](const ProposedMeeting& a, const ProposedMeeting& b) {
    return a.starts_at < b.starts_at;
  });
  return out;
}

bool IsOverdue(std::string_view status, std::string_view due_on, std::string_view today) {
  return (status == "open" || status == "in_progress") && due_on < today;
}

std::string Quadrant(int64_t influence, int64_t interest) {
  const bool influential = influence >= 3, interested = interest >= 3;
  if (influential && interested) return "manage_closely";
  if (influential) return "keep_satisfied";
  if (interested) return "keep_informed";
  return "monitor";
}

bool IsTimeZoneName(std::string_view text) {
  static const std::regex kZone(R"(^(UTC|[A-Z][A-Za-z_]+(/[A-Za-z0-9_+\-]+){1,2})$)");
  return text.size() <= 64 && std::regex_match(text.begin(), text.end(), kZone);
}

bool IsUtcInstant(std::string_view text) {
  static const std::regex kInstant(R"(^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$)");
  // Years 1900..2199: a meeting's end (start plus its duration) must still fit an Instant, which
  // ends in 2262, and nobody schedules a committee two centuries ahead.
  if (!std::regex_match(text.begin(), text.end(), kInstant)) return false;
  const auto day = Date::Parse(text.substr(0, 10));
  return day && day->Year() < 2200 && text.substr(11, 2) < "24" && text.substr(14, 2) < "60" &&
         text.substr(17, 2) < "60";
}

bool IsWebLink(std::string_view text) {
  static const std::regex kLink(R"(^https?://[^\s/$.?#][^\s]*$)", std::regex::icase);
  return text.size() <= 2000 && std::regex_match(text.begin(), text.end(), kLink);
}

// ---- the records --------------------------------------------------------------------------------

namespace {

// Written by the functions below; anything else (a hand edit) is skipped, not a failed request.
template <typename T, typename FromObject>
std::vector<T> ArrayFromJson(const std::string& text, FromObject from_object) {
  std::vector<T> out;
  boost::system::error_code ec;
  const json::value v = json::parse(text, ec);
  if (ec || !v.is_array()) return out;
  for (const auto& item : v.as_array()) {
    if (const json::object* o = item.if_object()) {
      if (auto t = from_object(*o)) out.push_back(std::move(*t));
    }
  }
  return out;
}

std::optional<std::string> TextOf(const json::object& o, std::string_view key) {
  const json::value* f = o.if_contains(key);
  if (!f || !f->is_string()) return std::nullopt;
  return std::string(f->as_string());
}

}  // namespace

std::string LevelsToJson(const std::vector<EscalationLevel>& levels) {
  json::array out;
  for (const auto& l : levels) {
    out.push_back(
        {{"name", l.name}, {"committee_id", OptionalJson(l.committee_id)}, {"days", l.days}});
  }
  return Serialize(out);
}

std::vector<EscalationLevel> LevelsFromJson(const std::string& text) {
  return ArrayFromJson<EscalationLevel>(
      text, [](const json::object& o) -> std::optional<EscalationLevel> {
        auto name = TextOf(o, "name");
        const json::value* days = o.if_contains("days");
        if (!name || !days || !days->is_int64()) return std::nullopt;
        return EscalationLevel{*name, TextOf(o, "committee_id"), days->as_int64()};
      });
}

std::string PreReadsToJson(const std::vector<PreRead>& pre_reads) {
  json::array out;
  for (const auto& p : pre_reads) out.push_back({{"title", p.title}, {"url", p.url}});
  return Serialize(out);
}

std::vector<PreRead> PreReadsFromJson(const std::string& text) {
  return ArrayFromJson<PreRead>(text, [](const json::object& o) -> std::optional<PreRead> {
    auto title = TextOf(o, "title");
    auto url = TextOf(o, "url");
    if (!title || !url) return std::nullopt;
    return PreRead{*title, *url};
  });
}

}  // namespace northstar::governance
