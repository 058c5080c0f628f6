// HTTP routes of the signed-in user's notifications (/api/v1/me/notifications).
#pragma once

#include "modules/notifications/service.hpp"
#include "platform/http/router.hpp"

namespace northstar::notifications {

void RegisterRoutes(http::Router& router, NotificationsService& service);

}  // namespace northstar::notifications
