// SQL for a person's notifications. No access decisions here: every statement is scoped to the
// user it is given, and the service passes the caller's.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "modules/notifications/service.hpp"
#include "platform/db/database.hpp"

namespace northstar::notifications::store {

// Stores `n` once per (user, dedupe key): false when it was already there.
bool Insert(db::Session& s, const NewNotification& n, const std::string& id,
            const std::string& now);
// Newest first, after the (created_at, id) cursor when given.
std::vector<Notification> List(db::Session& s, const std::string& user_id, bool unread_only,
                               const std::optional<std::pair<std::string, std::string>>& after,
                               int limit);
int64_t UnreadCount(db::Session& s, const std::string& user_id);
bool Exists(db::Session& s, const std::string& id, const std::string& user_id);
void MarkRead(db::Session& s, const std::string& id, const std::string& user_id,
              const std::string& now);
void MarkAllRead(db::Session& s, const std::string& user_id, const std::string& now);

}  // namespace northstar::notifications::store
