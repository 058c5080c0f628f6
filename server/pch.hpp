// Precompiled header: the heavy, stable third-party headers every translation unit pays for.
#pragma once
#include <soci/soci.h>
#include <spdlog/spdlog.h>

#include <boost/json.hpp>
#include <chrono>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>
