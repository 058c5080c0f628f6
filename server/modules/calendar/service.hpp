// Each person's calendar feed: a secret URL a calendar program subscribes to, without signing
// in. The secret is shown once and stored hashed; a new one replaces the old, and revoking ends
// it. What the feed holds comes from the capabilities (meetings now, obligations later), each
// as an EventSource that applies the access policy for the person.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "platform/auth/principal.hpp"
#include "platform/common/error.hpp"
#include "platform/common/ical.hpp"
#include "platform/db/database.hpp"

namespace northstar::calendar {

struct FeedStatus {
  bool active = false;
  std::optional<std::string> created_at;
};

struct NewFeed {
  std::string token;  // the secret: shown once
  std::string created_at;
};

// The events of one person's feed, only those the person may see.
using EventSource = std::function<std::vector<ical::Event>(const std::string& user_id)>;

class CalendarService {
 public:
  explicit CalendarService(db::Database& database) : db_(database) {}

  FeedStatus Status(const auth::Principal& actor);
  NewFeed CreateFeed(const auth::Principal& actor);
  void RevokeFeed(const auth::Principal& actor);
  // The active person whose feed `token` is; nullopt for an unknown or revoked token.
  std::optional<std::string> UserOfToken(const std::string& token);

 private:
  db::Database& db_;
};

}  // namespace northstar::calendar
