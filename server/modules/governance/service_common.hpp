// What the governance use cases share (internal to the module): entering an alliance, the audit
// views of each record, the checks that a referenced record is visible to everyone who may
// read the referring one, and the derived views.
#pragma once

#include <map>
#include <string>
#include <type_traits>
#include <vector>

#include "modules/alliances/record_steps.hpp"
#include "modules/governance/service.hpp"
#include "modules/governance/store.hpp"
#include "platform/audit/audit.hpp"

namespace northstar::governance {

// The audit views that hold more than the described fields (found by alliances::AuditView; the
// other governance records' views are their described fields).
json::object AuditOf(const DecisionRight& d);
json::object AuditOf(const Issue& i);
json::object AuditOf(const ActionItem& a);

namespace internal {

using alliances::Assign;
using alliances::CreateOf;
using alliances::DeleteOf;
using alliances::Each;
using alliances::EnterAlliance;
using alliances::GetOf;
using alliances::ListOf;
using alliances::UpdateOf;
using alliances::Within;

using alliances::AuditCreate;
using alliances::AuditUpdate;

// An event about `r` with only `changes` (a vote, a review, a move), readable as the record.
void AuditEvent(db::Session& s, const std::string& actor_id, const RecordBase& r,
                const std::string& type, const std::string& action, json::object changes);

using alliances::RequireCovered;

// The seats on a committee on `day`.
std::vector<Seat> SeatsOn(const Committee& c, const std::string& day);
CommitteeView ViewOf(const RecordContext& c, Committee committee);
// `committee` may be missing when the caller cannot read it: the view then has no quorum.
MeetingView ViewOf(const RecordContext& c, Meeting meeting,
                   const std::optional<Committee>& committee);
DecisionView ViewOf(const RecordContext& c, Decision decision,
                    const std::optional<Committee>& committee);

// Meetings or decisions as shown, each with its committee where the caller may read it (one read
// of the committees for the whole list).
template <typename T>
auto WithCommittees(db::Session& s, const RecordContext& c, std::vector<T> list) {
  std::map<std::string, Committee> committees;
  for (auto& k : records::List(s, store::Committees(), c.membership.alliance_id, {c.membership})) {
    committees.emplace(k.id, std::move(k));
  }
  std::vector<decltype(ViewOf(c, std::declval<T>(), std::nullopt))> out;
  for (auto& r : list) {
    auto it = committees.find(r.committee_id);
    out.push_back(
        ViewOf(c, std::move(r), it == committees.end() ? std::nullopt : std::optional(it->second)));
  }
  return out;
}

}  // namespace internal
}  // namespace northstar::governance
