// HTTP routes of the calendar feed: /api/v1/me/calendar-feed (signed in) and
// /api/v1/calendar/{token}.ics (the secret is the credential).
#pragma once

#include <vector>

#include "modules/calendar/service.hpp"
#include "platform/http/router.hpp"

namespace northstar::calendar {

void RegisterRoutes(http::Router& router, CalendarService& service,
                    std::vector<EventSource> sources);

}  // namespace northstar::calendar
