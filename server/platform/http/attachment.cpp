#include "platform/http/attachment.hpp"

#include <cstdint>

#include "platform/common/json.hpp"

namespace northstar::http {
namespace {

// Decodes the code point at `i` of valid UTF-8 and moves `i` past it.
uint32_t NextCodePoint(std::string_view s, size_t& i) {
  const auto c = static_cast<unsigned char>(s[i]);
  size_t n = c < 0x80 ? 0 : (c & 0xE0) == 0xC0 ? 1 : (c & 0xF0) == 0xE0 ? 2 : 3;
  uint32_t cp = n == 0 ? c : n == 1 ? (c & 0x1F) : n == 2 ? (c & 0x0F) : (c & 0x07);
  for (size_t k = 1; k <= n && i + k < s.size(); ++k) {
    cp = (cp << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3F);
  }
  i += n + 1;
  return cp;
}

bool IsControl(uint32_t cp) { return cp < 0x20 || (cp >= 0x7F && cp <= 0x9F); }

// Characters that change how the text around them is shown without being seen themselves.
bool IsInvisibleFormatting(uint32_t cp) {
  return (cp >= 0x200B && cp <= 0x200F) ||  // zero-width spaces and joiners, LRM, RLM
         (cp >= 0x202A && cp <= 0x202E) ||  // bidirectional embeddings and overrides
         (cp >= 0x2066 && cp <= 0x2069) ||  // bidirectional isolates
         cp == 0x061C || cp == 0xFEFF;      // Arabic letter mark, byte-order mark
}

}  // namespace

std::optional<std::string> FileNameProblem(std::string_view name, size_t max_bytes) {
  if (name.empty()) return "is required: the file's name";
  if (name.size() > max_bytes) {
    return "must be at most " + std::to_string(max_bytes) + " bytes long";
  }
  if (!IsValidUtf8(name)) return "must be valid UTF-8";
  if (name == "." || name == "..") return "must be a file name, not a folder";
  if (name.front() == ' ' || name.back() == ' ') return "must not begin or end with a space";
  for (size_t i = 0; i < name.size();) {
    const uint32_t cp = NextCodePoint(name, i);
    if (IsControl(cp)) return "must not contain control characters";
    if (cp == '/' || cp == '\\') return "must be a plain file name, without / or \\";
    if (cp == '"') return "must not contain a double quote";
    if (IsInvisibleFormatting(cp)) {
      return "must not contain invisible or text-direction formatting characters";
    }
  }
  return std::nullopt;
}

std::string AttachmentDisposition(std::string_view file_name) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string fallback, encoded;
  const bool utf8 = IsValidUtf8(file_name);
  for (size_t i = 0; i < file_name.size();) {
    const size_t start = i;
    const uint32_t cp =
        utf8 ? NextCodePoint(file_name, i) : static_cast<unsigned char>(file_name[i++]);
    const bool printable_ascii = cp >= 0x20 && cp < 0x7F && cp != '"' && cp != '\\';
    fallback += printable_ascii ? static_cast<char>(cp) : '_';
    for (size_t k = start; k < i; ++k) {
      const auto b = static_cast<unsigned char>(file_name[k]);
      // RFC 8187 attr-char: ALPHA / DIGIT / "!#$&+-.^_`|~"; everything else percent-encoded.
      const bool attr_char =
          (b >= 'a' && b <= 'z') || (b >= 'A' && b <= 'Z') || (b >= '0' && b <= '9') ||
          std::string_view("!#$&+-.^_`|~").find(static_cast<char>(b)) != std::string_view::npos;
      if (attr_char) {
        encoded += static_cast<char>(b);
      } else {
        encoded += '%';
        encoded += kHex[b >> 4];
        encoded += kHex[b & 0x0F];
      }
    }
  }
  if (fallback.empty()) fallback = "download";
  std::string header = "attachment; filename=\"" + fallback + "\"";
  // The extended form only where it adds something: a name that is plain ASCII already is exact.
  if (fallback != file_name && utf8) header += "; filename*=UTF-8''" + encoded;
  return header;
}

}  // namespace northstar::http
