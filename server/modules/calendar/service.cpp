#include "modules/calendar/service.hpp"

#include "platform/audit/audit.hpp"
#include "platform/common/ids.hpp"
#include "platform/common/time.hpp"

namespace northstar::calendar {
namespace {

constexpr char kTokenPrefix[] = "nscal_";

void AuditFeed(db::Session& s, const auth::Principal& actor, const std::string& action) {
  audit::Event e;
  e.actor_id = actor.user_id;
  e.organization_id = actor.organization_id;
  e.record_type = "calendar_feed";
  e.record_id = actor.user_id;
  e.action = action;
  e.scope = {access::Visibility::kRestricted, actor.organization_id, actor.user_id, {}};
  audit::Record(s, e);
}

}  // namespace

FeedStatus CalendarService::Status(const auth::Principal& actor) {
  db::Session s(db_);
  db::Params p;
  p.Set("user", actor.user_id);
  auto row = s.QueryOne("SELECT created_at FROM calendar_feeds WHERE user_id = :user", p);
  if (!row) return {};
  return {true, row->Str("created_at")};
}

NewFeed CalendarService::CreateFeed(const auth::Principal& actor) {
  db::Session s(db_);
  db::Transaction tx(s);
  NewFeed feed{kTokenPrefix + RandomSecret(32), NowText()};
  db::Params p;
  p.Set("user", actor.user_id);
  const bool replacing = s.Exec("DELETE FROM calendar_feeds WHERE user_id = :user", p) > 0;
  p.Set("hash", HashSecret(feed.token)).Set("now", feed.created_at);
  s.Exec("INSERT INTO calendar_feeds (user_id, token_hash, created_at) VALUES (:user, :hash, :now)",
         p);
  AuditFeed(s, actor, replacing ? "reset" : "create");
  tx.Commit();
  return feed;
}

void CalendarService::RevokeFeed(const auth::Principal& actor) {
  db::Session s(db_);
  db::Transaction tx(s);
  db::Params p;
  p.Set("user", actor.user_id);
  if (s.Exec("DELETE FROM calendar_feeds WHERE user_id = :user", p) > 0) {
    AuditFeed(s, actor, "revoke");
  }
  tx.Commit();
}

std::optional<std::string> CalendarService::UserOfToken(const std::string& token) {
  if (token.rfind(kTokenPrefix, 0) != 0) return std::nullopt;
  db::Session s(db_);
  db::Params p;
  p.Set("hash", HashSecret(token));
  auto row = s.QueryOne(
      "SELECT f.user_id FROM calendar_feeds f JOIN users u ON u.id = f.user_id"
      " WHERE f.token_hash = :hash AND u.active = 1",
      p);
  if (!row) return std::nullopt;
  return row->Str("user_id");
}

}  // namespace northstar::calendar
