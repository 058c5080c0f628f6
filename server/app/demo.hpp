// The demo portfolio: fictional organisations, people and a dozen alliances of different types
// and stages, loaded through the services so that it is validated and audited like real data.
#pragma once

#include <map>
#include <stdexcept>
#include <string>
#include <vector>

#include "modules/accounts/service.hpp"
#include "modules/agreements/service.hpp"
#include "modules/alliances/service.hpp"
#include "modules/governance/service.hpp"
#include "modules/plans/service.hpp"

namespace northstar::demo {

struct SignIn {
  std::string organization, name, email, password, role;
};

// Loads the portfolio into a database that has no organisations yet; returns false (and changes
// nothing) when it already has some.
bool LoadIfEmpty(db::Database& database, accounts::AccountsService& accounts,
                 alliances::AlliancesService& alliances, plans::PlansService& plans,
                 governance::GovernanceService& governance,
                 agreements::AgreementsService& agreements);
// Plans for some of the demo alliances (ids by alliance name); part of LoadIfEmpty.
void LoadPlans(db::Database& database, plans::PlansService& plans,
               const std::map<std::string, std::string>& alliance_ids);
// Committees, meetings, decisions, issues and stakeholders of two demo alliances.
void LoadGovernance(db::Database& database, governance::GovernanceService& governance,
                    const std::map<std::string, std::string>& alliance_ids);
// Agreements, obligations in every status, restrictions and the registers of two demo alliances.
void LoadAgreements(db::Database& database, agreements::AgreementsService& agreements,
                    plans::PlansService& plans,
                    const std::map<std::string, std::string>& alliance_ids);
// The value of a service call the demo cannot do without; throws with the reason otherwise.
template <typename T>
T Must(Result<T> result, const std::string& what) {
  if (!result.ok()) {
    std::string why = result.error().detail;
    for (const auto& f : result.error().fields) why += "; " + f.field + ": " + f.message;
    throw std::runtime_error("demo: " + what + ": " + why);
  }
  return std::move(result).value();
}
// The demo person with this e-mail, as a principal for calling the services.
auth::Principal PrincipalOf(db::Database& database, const std::string& email);
// Gives every demo person a fresh random password and returns the sign-ins to print.
std::vector<SignIn> ResetDemoPasswords(db::Database& database);

}  // namespace northstar::demo
