// What the agreements use cases share (internal to the module): the audit view of each record
// and the checks that a referenced record is visible to everyone who may read the referring one.
// Listing, reading, creating, changing and deleting a record are the kit's steps
// (modules/alliances/record_steps.hpp).
#pragma once

#include <string>
#include <type_traits>
#include <vector>

#include "modules/agreements/service.hpp"
#include "modules/agreements/store.hpp"
#include "modules/alliances/record_steps.hpp"
#include "platform/audit/audit.hpp"

namespace northstar::agreements {

// An IP asset's audit view holds its shares and licences besides its described fields (found by
// alliances::AuditView; the other records' views are their described fields).
json::object AuditOf(const IpAsset& i);

namespace internal {

using alliances::Assign;
using alliances::CreateOf;
using alliances::DeleteOf;
using alliances::EnterAlliance;
using alliances::GetOf;
using alliances::ListOf;
using alliances::UpdateOf;
using alliances::Within;

// Whether the caller writes records (managers and members) or commits the party (managers).
bool IsWriter(const access::Membership& m);
bool IsManager(const access::Membership& m);

using alliances::RequireCovered;

// 422 on `later` when both dates are given and `later` is before `earlier`.
Status RequireOrder(const std::optional<std::string>& earlier, const std::string& earlier_field,
                    const std::optional<std::string>& later, const std::string& later_field);

// The amendments of `a` among `all` (as the model reads them), and `a`'s terms as amended on
// `today` (the notice deadline included).
std::vector<Amendment> AmendmentsOf(const Agreement& a, const std::vector<Agreement>& all);
Terms TermsOn(const Agreement& a, const std::vector<Agreement>& all, const std::string& today);

// ---- obligations (service_obligations.cpp), used by agreements and the job ----------------

// Views of `obligations` with what was recorded on them and their occurrences in [from, to]
// (sorted by date), for `today`. `milestones`: the alliance's milestone dates. `viewer`: whose
// view it is — the amendments that changed an obligation are named only when the viewer may
// read them (none without a viewer, as for the reminders job).
OccurrenceList Expand(db::Session& s, std::vector<Obligation> obligations,
                      const std::map<std::string, plans::MilestoneDate>& milestones,
                      const std::string& from, const std::string& to, const std::string& today,
                      const std::optional<access::Membership>& viewer);
Schedule ScheduleOf(const Obligation& o,
                    const std::map<std::string, plans::MilestoneDate>& milestones);

}  // namespace internal
}  // namespace northstar::agreements
