#include "modules/calendar/store.hpp"

namespace northstar::calendar::store {

std::optional<std::string> FeedCreatedAt(db::Session& s, const std::string& user_id) {
  db::Params p;
  p.Set("user", user_id);
  auto row = s.QueryOne("SELECT created_at FROM calendar_feeds WHERE user_id = :user", p);
  if (!row) return std::nullopt;
  return row->Str("created_at");
}

bool DeleteFeed(db::Session& s, const std::string& user_id) {
  db::Params p;
  p.Set("user", user_id);
  return s.Exec("DELETE FROM calendar_feeds WHERE user_id = :user", p) > 0;
}

void InsertFeed(db::Session& s, const std::string& user_id, const std::string& token_hash,
                const std::string& now) {
  db::Params p;
  p.Set("user", user_id).Set("hash", token_hash).Set("now", now);
  s.Exec("INSERT INTO calendar_feeds (user_id, token_hash, created_at) VALUES (:user, :hash, :now)",
         p);
}

std::optional<std::string> UserOfTokenHash(db::Session& s, const std::string& token_hash) {
  db::Params p;
  p.Set("hash", token_hash);
  auto row = s.QueryOne(
      "SELECT f.user_id FROM calendar_feeds f JOIN users u ON u.id = f.user_id"
      " WHERE f.token_hash = :hash AND u.active = 1",
      p);
  if (!row) return std::nullopt;
  return row->Str("user_id");
}

}  // namespace northstar::calendar::store
