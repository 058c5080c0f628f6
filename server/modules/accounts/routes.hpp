// HTTP routes of accounts: /auth, /me, /organizations, /users, /invitations, /tokens.
#pragma once

#include "modules/accounts/service.hpp"
#include "platform/http/router.hpp"

namespace northstar::accounts {

void RegisterRoutes(http::Router& router, AccountsService& service);
json::object UserJson(const User& user);
json::object OrganizationJson(const Organization& org);

}  // namespace northstar::accounts
