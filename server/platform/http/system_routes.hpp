// Routes every deployment needs: liveness, readiness and the API contract.
#pragma once

#include "platform/db/database.hpp"
#include "platform/http/router.hpp"

namespace northstar::http {

void RegisterSystemRoutes(Router& router, db::Database& database);

}  // namespace northstar::http
