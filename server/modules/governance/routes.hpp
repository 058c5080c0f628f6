// HTTP routes of alliance governance (/api/v1/alliances/{id}/committees, …/meetings, …) and the
// signed-in user's actions across alliances (/api/v1/me/actions).
#pragma once

#include "modules/governance/service.hpp"
#include "platform/common/ical.hpp"
#include "platform/http/router.hpp"

namespace northstar::governance {

void RegisterRoutes(http::Router& router, GovernanceService& service);

// An action item's input as the API takes it, and the action as it answers (its due date judged
// against `today`): shared with the health module's action plans, which are action items.
Result<ActionInput> ReadAction(const json::object& body, bool creating);
json::object ActionJson(const ActionItem& a, const std::string& today);

// The iCalendar event of a meeting (for the meeting's .ics and the personal feed), and the
// calendar of one meeting.
ical::Event MeetingEvent(const Meeting& m, const std::string& alliance_name);
std::string MeetingCalendar(const Meeting& m, const std::string& alliance_name);

}  // namespace northstar::governance
