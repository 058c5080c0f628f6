// File names that come from people (uploaded documents, later imports) and the
// Content-Disposition header that hands a file back (RFC 6266), shared by every download and
// export so that no name can break a response or disguise what a file is.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace northstar::http {

// Why `name` cannot be a stored file name, or nullopt when it can. A name is 1 to `max_bytes`
// bytes of UTF-8 with no path separator (/ \), no quote, no control character (C0, DEL, C1), no
// bidirectional or invisible formatting character (which can make "invoice<U+202E>fdp.exe" read as
// a PDF), not "." or "..", and without white space at either end.
std::optional<std::string> FileNameProblem(std::string_view name, size_t max_bytes = 200);

// `attachment; filename="<ASCII fallback>"; filename*=UTF-8''<percent-encoded name>` (RFC 6266,
// RFC 8187). The fallback keeps printable ASCII and replaces anything else (and any quote,
// backslash or control character) by '_', so even a name stored before these rules is safe.
std::string AttachmentDisposition(std::string_view file_name);

}  // namespace northstar::http
