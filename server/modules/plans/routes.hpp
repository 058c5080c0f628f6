// HTTP routes of alliance plans: /alliances/{id}/plan, objectives, milestones, kpis,
// workstreams and communications.
#pragma once

#include "modules/plans/service.hpp"
#include "platform/http/router.hpp"

namespace northstar::plans {

void RegisterRoutes(http::Router& router, PlansService& service);

}  // namespace northstar::plans
