// Fuzzes the check of an uploaded agreement document, CheckUpload (modules/agreements/model.hpp):
// what the bytes really are, against the file name's extension and the declared Content-Type.
// The input is "name\<any byte>declared type\<any byte>bytes" (FuzzedDataProvider strings: a
// backslash and the byte after it end a string; "\\" is a backslash). Checks, beyond not
// crashing:
//  - an accepted file has one of the accepted types, the one its extension names, and bytes that
//    really are that type (%PDF-, a ZIP with the right part, OLE2, or UTF-8 text without NUL);
//  - a refused file has a known kind and a message; executables (by name or by magic bytes) and
//    empty files are always refused;
//  - folders in the name, trailing dots and spaces, and the case of the extension change nothing;
//    declaring nothing is never stricter than declaring something, and declaring the detected
//    type (in any case, with parameters) is never refused.
#include <fuzzer/FuzzedDataProvider.h>

#include <algorithm>
#include <array>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "fuzz_support.hpp"
#include "modules/agreements/model.hpp"

namespace {

namespace agr = northstar::agreements;
using northstar::fuzz::Require;

constexpr std::array<std::string_view, 8> kAcceptedTypes = {
    "application/pdf",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "application/vnd.openxmlformats-officedocument.presentationml.presentation",
    "application/msword",
    "application/vnd.ms-excel",
    "text/csv",
    "text/plain"};

bool Same(const agr::UploadCheck& a, const agr::UploadCheck& b) {
  return a.ok == b.ok && a.content_type == b.content_type && a.kind == b.kind;
}

std::string Upper(std::string s) {
  for (char& c : s) {
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
  }
  return s;
}

bool StartsWith(std::string_view s, std::string_view prefix) {
  return s.substr(0, prefix.size()) == prefix;
}

// The bytes really are `type`, judged from the bytes alone.
bool BytesAre(std::string_view type, std::string_view b) {
  using namespace std::string_view_literals;
  if (type == "application/pdf") return StartsWith(b, "%PDF-");
  if (type.find("openxmlformats") != std::string_view::npos) return StartsWith(b, "PK\x03\x04"sv);
  if (type == "application/msword" || type == "application/vnd.ms-excel") {
    return StartsWith(b, "\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"sv);
  }
  return northstar::fuzz::IsWellFormedUtf8(b) && b.find('\0') == std::string_view::npos;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  FuzzedDataProvider provider(data, size);
  const std::string name = provider.ConsumeRandomLengthString(256);
  const std::string declared = provider.ConsumeRandomLengthString(256);
  const std::string bytes = provider.ConsumeRemainingBytesAsString();

  const agr::UploadCheck check = agr::CheckUpload(name, declared, bytes);
  const std::string detail = name + " | " + declared;
  if (check.ok) {
    Require(check.error.empty() && check.kind.empty(), "an accepted file has no error", detail);
    Require(std::find(kAcceptedTypes.begin(), kAcceptedTypes.end(), check.content_type) !=
                kAcceptedTypes.end(),
            "an accepted file has an accepted type", check.content_type);
    Require(BytesAre(check.content_type, bytes), "an accepted file's bytes are its type",
            check.content_type);
    Require(!bytes.empty(), "an empty file is refused", detail);
    Require(!StartsWith(bytes, "MZ") &&
                !StartsWith(bytes,
                            "\x7f"
                            "ELF") &&
                !StartsWith(bytes, "#!"),
            "an executable is refused", detail);
  } else {
    Require(check.kind == "executable" || check.kind == "mismatch" || check.kind == "unsupported" ||
                check.kind == "empty",
            "a refusal has a known kind", check.kind);
    Require(!check.error.empty(), "a refusal says why", detail);
    Require(check.content_type.empty(), "a refusal detects no type", detail);
  }

  // Where the name sits and how it is spelled do not matter.
  Require(Same(agr::CheckUpload("uploads/2026\\" + name, declared, bytes), check),
          "folders in the name change nothing", detail);
  Require(Same(agr::CheckUpload(name + ". ", declared, bytes), check),
          "trailing dots and spaces change nothing", detail);
  Require(Same(agr::CheckUpload(Upper(name), declared, bytes), check),
          "the case of the name changes nothing", detail);

  // Declaring nothing is never stricter; declaring what was detected is never refused.
  const agr::UploadCheck undeclared = agr::CheckUpload(name, "", bytes);
  Require(Same(agr::CheckUpload(name, "application/octet-stream", bytes), undeclared),
          "octet-stream declares nothing", detail);
  if (check.ok) {
    Require(Same(undeclared, check), "an accepted file is accepted undeclared", detail);
    Require(
        Same(agr::CheckUpload(name, Upper(check.content_type) + "; charset=utf-8", bytes), check),
        "declaring the detected type is accepted", detail);
  }
  return 0;
}
