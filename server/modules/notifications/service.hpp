// In-app notifications: what a job or a change tells a person (an issue escalated, a reminder
// due). Every capability delivers through Notify, inside its own transaction; a notification is
// stored once per (user, dedupe key), so delivering the same event twice — a restart, a second
// server node, a job run again — never shows it twice. People read and mark their own.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "platform/auth/principal.hpp"
#include "platform/common/error.hpp"
#include "platform/db/database.hpp"

namespace northstar::notifications {

struct Notification {
  std::string id, user_id;
  std::optional<std::string> alliance_id, alliance_name;
  std::string kind, title, body, link, record_type, record_id, created_at;
  std::optional<std::string> read_at;
};

struct NewNotification {
  std::string user_id;
  std::optional<std::string> alliance_id;
  std::string kind, title, body, link, record_type, record_id;
  std::string dedupe_key;  // the event: the same key for the same user is stored once
};

// Stores the notification unless this user already has one with the same key; true if stored.
bool Notify(db::Session& s, const NewNotification& n);

struct Inbox {
  std::vector<Notification> items;  // newest first; limit + 1 rows when there is a next page
  int64_t unread_count = 0;
};

class NotificationsService {
 public:
  explicit NotificationsService(db::Database& database) : db_(database) {}

  // After the keyset position (created_at, id) when given.
  Result<Inbox> List(const auth::Principal& actor, bool unread_only,
                     const std::optional<std::pair<std::string, std::string>>& after, int limit);
  Status MarkRead(const auth::Principal& actor, const std::string& id);
  Status MarkAllRead(const auth::Principal& actor);

 private:
  db::Database& db_;
};

}  // namespace northstar::notifications
