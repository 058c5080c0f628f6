// The question bank shipped with Northstar: db/health/default-bank.json, embedded at build time
// (cmake/embed.cmake) and added to the database at start (HealthService::EnsureDefaultBank).
#pragma once

#include <string_view>

namespace northstar::health {

std::string_view DefaultBankDocument();

}  // namespace northstar::health
