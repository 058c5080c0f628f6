// The OpenAPI document (docs/openapi.yaml), compiled into the binary.
#pragma once
#include <string_view>
namespace northstar::http {
std::string_view OpenApiDocument();
}
