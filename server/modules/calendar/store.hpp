// SQL for calendar feeds: one per person, its secret stored only as a hash. No access decisions
// here: the service passes the caller's own user id.
#pragma once

#include <optional>
#include <string>

#include "platform/db/database.hpp"

namespace northstar::calendar::store {

// When the person's feed was made, if there is one.
std::optional<std::string> FeedCreatedAt(db::Session& s, const std::string& user_id);
// Removes the person's feed; false when there was none.
bool DeleteFeed(db::Session& s, const std::string& user_id);
void InsertFeed(db::Session& s, const std::string& user_id, const std::string& token_hash,
                const std::string& now);
// The active person whose feed has this secret hash.
std::optional<std::string> UserOfTokenHash(db::Session& s, const std::string& token_hash);

}  // namespace northstar::calendar::store
