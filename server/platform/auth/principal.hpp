// Who is making a request, once authenticated.
#pragma once

#include <string>

namespace northstar::auth {

struct Principal {
  std::string user_id;
  std::string organization_id;
  std::string org_role;  // "admin" | "member"
  std::string name;
  std::string email;
  std::string session_id;  // set when signed in with the session cookie
  std::string token_id;    // set when signed in with an API token
  std::string csrf_token;  // the session's CSRF token (cookie sessions only)
  bool via_cookie() const { return !session_id.empty(); }
  bool is_org_admin() const { return org_role == "admin"; }
};

}  // namespace northstar::auth
