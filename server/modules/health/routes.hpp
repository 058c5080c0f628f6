// HTTP routes of health assessments: /api/v1/question-banks, the waves of an alliance
// (/api/v1/alliances/{id}/health-waves/…: the respondent's sheet and the results) and the
// caller's Surveys inbox, /api/v1/me/surveys.
#pragma once

#include "modules/health/service.hpp"
#include "platform/http/router.hpp"

namespace northstar::health {

void RegisterRoutes(http::Router& router, HealthService& service);

}  // namespace northstar::health
