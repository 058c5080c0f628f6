// The demo portfolio: fictional organisations, people and a dozen alliances of different types
// and stages. It is data (demo/*.json, see demo/README.md): the organisations and people are
// created as an operator creates them, and everything else is replayed through the router as the
// API calls those people would make, so that the demo is validated, authorised and audited like
// real use, and a new module adds a data file rather than code.
#pragma once

#include <string>
#include <vector>

#include "app/demo_data.hpp"

namespace northstar::accounts {
class AccountsService;
}
namespace northstar::http {
class Router;
}

namespace northstar::demo {

struct SignIn {
  std::string organization, name, email, password, role;
};

// Loads the demo into a database that has no organisations yet; returns false (and changes
// nothing) when it already has some. Throws std::runtime_error naming the file, the step and
// the server's answer when a step fails.
bool LoadIfEmpty(accounts::AccountsService& accounts, const http::Router& router,
                 const std::vector<DataFile>& files);
// Gives every demo person a fresh random password and returns the sign-ins to print.
std::vector<SignIn> ResetDemoPasswords(accounts::AccountsService& accounts,
                                       const std::vector<DataFile>& files);

}  // namespace northstar::demo
