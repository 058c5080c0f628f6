#include "platform/records/record.hpp"

namespace northstar::records {
namespace {

// The columns every record table has, in INSERT and UPDATE form.
constexpr char kBaseColumns[] =
    "id, alliance_id, party_id, visibility, owner_organization_id, owner_user_id, readers,"
    " version, created_at, updated_at";
constexpr char kBaseValues[] =
    ":id, :alliance, :party, :visibility, :owner_org, :owner_user, :readers, 1, :created,"
    " :updated";
constexpr char kBaseSet[] =
    "party_id = :party, visibility = :visibility, readers = :readers, version = version + 1,"
    " updated_at = :updated";

void BindBase(db::Params& p, const RecordBase& b) {
  p.Set("id", b.id)
      .Set("party", b.party_id)
      .Set("visibility", b.visibility)
      .Set("readers", access::ReadersToJson(b.readers))
      .Set("updated", b.updated_at);
}

}  // namespace

access::RecordScope ScopeOf(const RecordBase& r) {
  return access::RecordScope{
      access::ParseVisibility(r.visibility).value_or(access::Visibility::kParty),
      r.owner_organization_id, r.owner_user_id, r.readers};
}

void ReadCommon(InputReader& in, CommonInput& c) {
  c.party_id = in.Id("party_id", Presence::kOptional);
  c.visibility = in.Enum("visibility", Presence::kOptional, access::VisibilityNames());
  c.readers = in.StringArray("readers", Presence::kOptional, 50, 36);
}

Nullable<std::string> NullableId(InputReader& in, std::string_view key) {
  return ReadNullable<std::string>(in, key, [&] { return in.Id(key, Presence::kOptional); });
}

Nullable<std::string> NullableDate(InputReader& in, std::string_view key) {
  return ReadNullable<std::string>(in, key, [&] { return in.Date(key, Presence::kOptional); });
}

std::string SelectRecords(const std::string& table, const std::string& responsible_column) {
  std::string sql =
      "SELECT r.*, oo.name AS owner_organization_name, au.name AS author_name,"
      " po.name AS party_name";
  if (!responsible_column.empty()) sql += ", ru.name AS responsible_user_name";
  sql += " FROM " + table +
         " r JOIN organizations oo ON oo.id = r.owner_organization_id"
         " JOIN users au ON au.id = r.owner_user_id"
         " JOIN organizations po ON po.id = r.party_id";
  if (!responsible_column.empty()) {
    sql += " LEFT JOIN users ru ON ru.id = r." + responsible_column;
  }
  return sql;
}

std::string WhereVisible(db::Params& p, const std::string& alliance_id, const Audience& audience) {
  p.Set("a", alliance_id);
  if (!audience.member) return " WHERE r.alliance_id = :a AND r.visibility = 'alliance'";
  access::BindVisibility(p, *audience.member);
  return " WHERE r.alliance_id = :a AND " + access::VisibleRecordsSql("r");
}

void ReadRecordBase(const db::Row& r, RecordBase& b) {
  b.id = r.Str("id");
  b.alliance_id = r.Str("alliance_id");
  b.party_id = r.Str("party_id");
  b.party_name = r.Str("party_name");
  b.visibility = r.Str("visibility");
  b.owner_organization_id = r.Str("owner_organization_id");
  b.owner_organization_name = r.Str("owner_organization_name");
  b.owner_user_id = r.Str("owner_user_id");
  b.author_name = r.Str("author_name");
  b.readers = access::ReadersFromJson(r.Str("readers"));
  b.version = r.Int("version");
  b.created_at = r.Str("created_at");
  b.updated_at = r.Str("updated_at");
}

void InsertRecord(db::Session& s, const std::string& table, const RecordBase& b,
                  const std::string& columns, const std::string& values, db::Params& p) {
  BindBase(p, b);
  p.Set("alliance", b.alliance_id)
      .Set("owner_org", b.owner_organization_id)
      .Set("owner_user", b.owner_user_id)
      .Set("created", b.created_at);
  s.Exec("INSERT INTO " + table + " (" + kBaseColumns + ", " + columns + ") VALUES (" +
             kBaseValues + ", " + values + ")",
         p);
}

bool UpdateRecord(db::Session& s, const std::string& table, const RecordBase& b,
                  const std::string& set, db::Params& p, int64_t expected_version) {
  BindBase(p, b);
  p.Set("expected", expected_version);
  return s.Exec("UPDATE " + table + " SET " + kBaseSet + (set.empty() ? "" : ", " + set) +
                    " WHERE id = :id AND version = :expected",
                p) == 1;
}

void DeleteRecord(db::Session& s, const std::string& table, const std::string& id) {
  db::Params p;
  p.Set("id", id);
  s.Exec("DELETE FROM " + table + " WHERE id = :id", p);
}

void TouchRecord(db::Session& s, const std::string& table, const std::string& id,
                 const std::string& now) {
  db::Params p;
  p.Set("id", id).Set("now", now);
  s.Exec("UPDATE " + table + " SET version = version + 1, updated_at = :now WHERE id = :id", p);
}

void LockAlliance(db::Session& s, const std::string& alliance_id) {
  if (s.dialect() != db::Dialect::kPostgres) return;
  db::Params p;
  p.Set("a", alliance_id);
  s.Query("SELECT id FROM alliances WHERE id = :a FOR UPDATE", p);
}

access::RecordScope ScopeOfRow(const db::Row& r) {
  return access::RecordScope{
      access::ParseVisibility(r.Str("visibility")).value_or(access::Visibility::kRestricted),
      r.Str("owner_organization_id"), r.Str("owner_user_id"),
      access::ReadersFromJson(r.Str("readers"))};
}

json::object RecordJson(const RecordBase& r, json::object fields) {
  fields["id"] = r.id;
  fields["alliance_id"] = r.alliance_id;
  fields["party_id"] = r.party_id;
  fields["party_name"] = r.party_name;
  fields["visibility"] = r.visibility;
  fields["readers"] = ToJsonArray(r.readers);
  fields["owner_organization_id"] = r.owner_organization_id;
  fields["owner_organization_name"] = r.owner_organization_name;
  fields["author_id"] = r.owner_user_id;
  fields["author_name"] = r.author_name;
  fields["version"] = r.version;
  fields["created_at"] = r.created_at;
  fields["updated_at"] = r.updated_at;
  return fields;
}

json::object RecordAudit(const RecordBase& r) {
  return {
      {"party_id", r.party_id}, {"visibility", r.visibility}, {"readers", ToJsonArray(r.readers)}};
}

}  // namespace northstar::records
