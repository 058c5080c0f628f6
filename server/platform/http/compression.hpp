// Content codings (RFC 9110 section 8.4 and 12.5.3): which of Brotli and gzip a client accepts,
// and gzip for large text answers made at request time. The web app's static files are
// compressed once at build time (web/scripts/compress-assets.mjs); StaticFiles picks the
// variant. Every answer whose type could be compressed says `Vary: Accept-Encoding`, so that a
// shared cache never hands a compressed body to a client that did not ask for one.
#pragma once

#include <string>
#include <string_view>

#include "platform/http/message.hpp"

namespace northstar::http {

struct AcceptedCodings {
  bool br = false;
  bool gzip = false;
};
// From an Accept-Encoding header: a coding is accepted when listed (or covered by "*") with a
// q-value above 0. No header accepts neither: identity is always acceptable and preferred then.
AcceptedCodings ParseAcceptEncoding(std::string_view header);

// Whether a body of this Content-Type gains from compression (text, JSON, YAML, SVG, ...).
bool IsCompressibleType(std::string_view content_type);

// Answers smaller than this are sent as they are: the saving would not pay for the work.
inline constexpr size_t kCompressMinBytes = 2048;

// Gzips `response` in place when the client accepts gzip, the body is compressible and at least
// kCompressMinBytes, and it carries no Content-Encoding and no ETag (an ETag names one exact
// representation, and If-Match compares strongly); adds Vary for every compressible type.
void CompressForClient(const Request& request, Response& response);

// gzip (RFC 1952) of `data`, as `gzip -<level>` would write it.
std::string Gzip(std::string_view data, int level = 6);

}  // namespace northstar::http
