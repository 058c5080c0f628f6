// HTTP routes of agreements, obligations, restrictions and the IP and data registers:
// /api/v1/alliances/{id}/…, /api/v1/me/obligations and /api/v1/conflict-check.
#pragma once

#include "modules/agreements/service.hpp"
#include "platform/http/router.hpp"

namespace northstar::agreements {

void RegisterRoutes(http::Router& router, AgreementsService& service);

}  // namespace northstar::agreements
