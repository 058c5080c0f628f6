// Expected failures as values. A Result<T> holds either a T or an Error; the HTTP layer turns an
// Error into an RFC 9457 problem response. Exceptions are for bugs and broken infrastructure.
#pragma once

#include <string>
#include <utility>
#include <variant>
#include <vector>

namespace northstar {

enum class ErrorCode {
  kMalformed,             // 400
  kUnauthenticated,       // 401
  kForbidden,             // 403
  kNotFound,              // 404
  kMethodNotAllowed,      // 405
  kConflict,              // 409
  kStale,                 // 412
  kPayloadTooLarge,       // 413
  kUnsupportedMediaType,  // 415
  kValidation,            // 422
  kPreconditionRequired,  // 428
  kTooManyRequests,       // 429
  kUnavailable,           // 503
  kInternal,              // 500
};

struct FieldError {
  std::string field;
  std::string message;
};

struct Error {
  ErrorCode code = ErrorCode::kInternal;
  std::string detail;
  std::vector<FieldError> fields;
  // Extra members merged into the problem body (e.g. "allowed" stages), as a JSON object text.
  std::string extra_json;
  int retry_after_seconds = 0;
  // A finer-grained problem type suffix than the code gives, e.g. "csrf".
  std::string type_override;
};

inline Error MakeError(ErrorCode code, std::string detail) {
  Error e;
  e.code = code;
  e.detail = std::move(detail);
  return e;
}
inline Error NotFound(std::string what = "The record does not exist or is not visible to you.") {
  return MakeError(ErrorCode::kNotFound, std::move(what));
}
inline Error Forbidden(std::string why) { return MakeError(ErrorCode::kForbidden, std::move(why)); }
inline Error Conflict(std::string why) { return MakeError(ErrorCode::kConflict, std::move(why)); }
inline Error Malformed(std::string why) { return MakeError(ErrorCode::kMalformed, std::move(why)); }
inline Error Invalid(std::vector<FieldError> fields) {
  Error e = MakeError(ErrorCode::kValidation,
                      fields.size() == 1 ? fields[0].field + ": " + fields[0].message
                                         : std::to_string(fields.size()) + " fields are invalid");
  e.fields = std::move(fields);
  return e;
}
inline Error Invalid(std::string field, std::string message) {
  return Invalid(std::vector<FieldError>{{std::move(field), std::move(message)}});
}
inline Error Stale() {
  return MakeError(ErrorCode::kStale,
                   "The record was changed by someone else since you read it; reload and retry.");
}

template <typename T>
class [[nodiscard]] Result {
 public:
  Result(T value) : v_(std::move(value)) {}      // NOLINT(google-explicit-constructor)
  Result(Error error) : v_(std::move(error)) {}  // NOLINT(google-explicit-constructor)

  bool ok() const { return v_.index() == 0; }
  explicit operator bool() const { return ok(); }
  T& value() & { return std::get<0>(v_); }
  const T& value() const& { return std::get<0>(v_); }
  T&& value() && { return std::get<0>(std::move(v_)); }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }
  T& operator*() & { return value(); }
  T&& operator*() && { return std::move(*this).value(); }
  const Error& error() const { return std::get<1>(v_); }

 private:
  std::variant<T, Error> v_;
};

struct Ok {};
using Status = Result<Ok>;
inline Status OkStatus() { return Ok{}; }

// Propagates an error out of a function returning Result<...>.
#define NS_TRY(expr)                                         \
  do {                                                       \
    auto ns_try_result_ = (expr);                            \
    if (!ns_try_result_.ok()) return ns_try_result_.error(); \
  } while (0)

#define NS_ASSIGN_CAT_(a, b) a##b
#define NS_ASSIGN_CAT(a, b) NS_ASSIGN_CAT_(a, b)
// NOLINTBEGIN(bugprone-macro-parentheses): `tmp` is a name and `lhs` may be a declaration
// (`auto x`), which parentheses would break; only `expr` is an expression.
#define NS_ASSIGN_OR_RETURN_IMPL_(tmp, lhs, expr) \
  auto tmp = (expr);                              \
  if (!tmp.ok()) return tmp.error();              \
  lhs = std::move(tmp).value()
// NOLINTEND(bugprone-macro-parentheses)
#define NS_ASSIGN_OR_RETURN(lhs, expr) \
  NS_ASSIGN_OR_RETURN_IMPL_(NS_ASSIGN_CAT(ns_result_, __LINE__), lhs, expr)

}  // namespace northstar
