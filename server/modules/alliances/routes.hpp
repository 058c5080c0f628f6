// HTTP routes of alliances: /alliances and everything under /alliances/{id}.
#pragma once

#include "modules/alliances/service.hpp"
#include "platform/http/router.hpp"

namespace northstar::alliances {

void RegisterRoutes(http::Router& router, AlliancesService& service);

}  // namespace northstar::alliances
