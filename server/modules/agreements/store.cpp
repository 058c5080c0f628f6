#include "modules/agreements/store.hpp"

#include "platform/common/json.hpp"

namespace northstar::agreements::store {
namespace {

json::value ParseJson(const std::string& text) {
  boost::system::error_code ec;
  json::value v = json::parse(text, ec);
  return ec ? json::value() : v;
}

std::string SharesText(const std::vector<Share>& v) {
  json::array a;
  for (const auto& x : v)
    a.push_back(json::object{{"organization_id", x.organization_id}, {"percent", x.percent}});
  return Serialize(a);
}

std::vector<Share> SharesFromText(const std::string& text) {
  std::vector<Share> out;
  const json::value v = ParseJson(text);
  if (!v.is_array()) return out;
  for (const auto& x : v.as_array()) {
    if (!x.is_object()) continue;
    const auto& o = x.as_object();
    Share sh;
    sh.organization_id = StringField(o, "organization_id").value_or("");
    if (const auto* pct = o.if_contains("percent"))
      sh.percent = pct->is_double()  ? pct->as_double()
                   : pct->is_int64() ? static_cast<double>(pct->as_int64())
                                     : 0;
    out.push_back(std::move(sh));
  }
  return out;
}

std::string LicencesText(const std::vector<Licence>& v) {
  json::array a;
  for (const auto& x : v) {
    a.push_back(json::object{{"licensee_id", x.licensee_id},
                             {"field", x.field},
                             {"territory", x.territory},
                             {"exclusive", x.exclusive}});
  }
  return Serialize(a);
}

std::vector<Licence> LicencesFromText(const std::string& text) {
  std::vector<Licence> out;
  const json::value v = ParseJson(text);
  if (!v.is_array()) return out;
  for (const auto& x : v.as_array()) {
    if (!x.is_object()) continue;
    const auto& o = x.as_object();
    Licence l;
    l.licensee_id = StringField(o, "licensee_id").value_or("");
    l.field = StringField(o, "field").value_or("");
    l.territory = StringField(o, "territory").value_or("");
    if (const auto* e = o.if_contains("exclusive"); e && e->is_bool()) l.exclusive = e->as_bool();
    out.push_back(std::move(l));
  }
  return out;
}

// ---- agreements ---------------------------------------------------------------------------

// An amendment's changes are stored as JSON text.
void ReadChanges(const db::Row& r, Agreement& a) {
  a.term_changes = TermChangesFromJson(ParseJson(r.Str("term_changes")));
  a.obligation_changes = ObligationChangesFromJson(ParseJson(r.Str("obligation_changes")));
}
void BindChanges(db::Params& p, const Agreement& a) {
  p.Set("term_changes", Serialize(TermChangesJson(a.term_changes)))
      .Set("obligation_changes", Serialize(ObligationChangesJson(a.obligation_changes)));
}

// ---- obligations --------------------------------------------------------------------------

// The agreement's title and the names of the parties and the responsible person, joined.
void ReadObligationNames(const db::Row& r, Obligation& o) {
  o.agreement_title = r.Str("agreement_title");
  o.owed_by_name = r.OptStr("owed_by_name").value_or("");
  o.owed_to_name = r.OptStr("owed_to_name").value_or("");
  o.responsible_name = r.OptStr("responsible_user_name").value_or("");
}

// ---- restrictions -------------------------------------------------------------------------

void ReadAgreementTitle(const db::Row& r, Restriction& x) {
  x.agreement_title = r.Str("agreement_title");
}

// ---- IP assets ----------------------------------------------------------------------------

// Shares and licences are stored as JSON text.
void ReadShares(const db::Row& r, IpAsset& x) {
  x.shares = SharesFromText(r.Str("shares"));
  x.licences = LicencesFromText(r.Str("licences"));
}
void BindShares(db::Params& p, const IpAsset& x) {
  p.Set("shares", SharesText(x.shares)).Set("licences", LicencesText(x.licences));
}

// ---- datasets -----------------------------------------------------------------------------

void ReadConfirmedByName(const db::Row& r, Dataset& x) {
  x.destruction_confirmed_by_name = r.OptStr("responsible_user_name").value_or("");
}

// A select with the title of the record's agreement.
std::string WithAgreementTitle(std::string select, bool optional) {
  select.replace(select.find(" FROM "), 0, ", ag.title AS agreement_title");
  select += std::string(optional ? " LEFT" : "") + " JOIN agreements ag ON ag.id = r.agreement_id";
  return select;
}

// An obligation's select with the names of the owing and owed parties.
std::string WithPartyNames(std::string select) {
  select.replace(select.find(" FROM "), 0, ", ob.name AS owed_by_name, ot.name AS owed_to_name");
  select +=
      " LEFT JOIN organizations ob ON ob.id = r.owed_by"
      " LEFT JOIN organizations ot ON ot.id = r.owed_to";
  return select;
}

Document DocumentFromRow(const db::Row& r) {
  Document d;
  d.id = r.Str("id");
  d.agreement_id = r.Str("agreement_id");
  d.name = r.Str("name");
  d.version = r.Int("version");
  d.content_type = r.Str("content_type");
  d.size_bytes = r.Int("size_bytes");
  d.sha256 = r.Str("sha256");
  d.uploaded_by = r.Str("uploaded_by");
  d.uploaded_by_name = r.Str("uploaded_by_name");
  d.uploaded_at = r.Str("uploaded_at");
  return d;
}

const char* kDocumentSelect =
    "SELECT d.*, u.name AS uploaded_by_name FROM agreement_documents d"
    " JOIN users u ON u.id = d.uploaded_by";

Recorded RecordedFromRow(const db::Row& r) {
  Recorded x;
  x.obligation_id = r.Str("obligation_id");
  x.due_on = r.Str("due_on");
  x.status = r.Str("status");
  x.fulfilled_on = r.OptStr("fulfilled_on");
  x.evidence = r.OptStr("evidence");
  x.reason = r.OptStr("reason");
  x.approver_id = r.OptStr("approver_id");
  x.approver_name = r.OptStr("approver_name");
  x.recorded_by = r.Str("recorded_by");
  x.recorded_by_name = r.Str("recorded_by_name");
  x.version = r.Int("version");
  x.updated_at = r.Str("updated_at");
  return x;
}

const char* kRecordedSelect =
    "SELECT o.*, ap.name AS approver_name, rb.name AS recorded_by_name"
    " FROM obligation_occurrences o LEFT JOIN users ap ON ap.id = o.approver_id"
    " JOIN users rb ON rb.id = o.recorded_by";

constexpr char kByCreation[] = "r.created_at, r.id";

}  // namespace

const Table<Agreement>& Agreements() {
  static const Table<Agreement> t{.name = "agreements",
                                  .select = records::SelectRecords("agreements"),
                                  .order = kByCreation,
                                  .read = ReadChanges,
                                  .extra_columns = "term_changes, obligation_changes",
                                  .bind = BindChanges};
  return t;
}

const Table<Note>& Notes() {
  static const Table<Note> t{.name = "agreement_notes",
                             .select = records::SelectRecords("agreement_notes"),
                             .order = kByCreation};
  return t;
}

const Table<Obligation>& Obligations() {
  static const Table<Obligation> t{
      .name = "obligations",
      .select = WithPartyNames(
          WithAgreementTitle(records::SelectRecords("obligations", "responsible_user_id"), false)),
      .order = kByCreation,
      .read = ReadObligationNames};
  return t;
}

const Table<Restriction>& Restrictions() {
  static const Table<Restriction> t{
      .name = "restrictions",
      .select = WithAgreementTitle(records::SelectRecords("restrictions"), false),
      .order = kByCreation,
      .read = ReadAgreementTitle};
  return t;
}

const Table<IpAsset>& IpAssets() {
  static const Table<IpAsset> t{.name = "ip_assets",
                                .select = records::SelectRecords("ip_assets"),
                                .order = kByCreation,
                                .read = ReadShares,
                                .extra_columns = "shares, licences",
                                .bind = BindShares};
  return t;
}

const Table<Dataset>& Datasets() {
  static const Table<Dataset> t{
      .name = "datasets",
      .select = records::SelectRecords("datasets", "destruction_confirmed_by"),
      .order = kByCreation,
      .read = ReadConfirmedByName};
  return t;
}

int64_t CountReferences(db::Session& s, const std::string& table, const std::string& column,
                        const std::string& id) {
  db::Params p;
  p.Set("id", id);
  auto row = s.QueryOne("SELECT COUNT(*) AS n FROM " + table + " WHERE " + column + " = :id", p);
  return row ? row->Int("n") : 0;
}

// ---- documents ----------------------------------------------------------------------------

std::vector<Document> ListDocuments(db::Session& s, const std::string& agreement_id) {
  db::Params p;
  p.Set("agreement", agreement_id);
  std::vector<Document> out;
  std::map<std::string, int64_t> newest;
  for (const auto& r : s.Query(std::string(kDocumentSelect) +
                                   " WHERE d.agreement_id = :agreement"
                                   " ORDER BY d.uploaded_at DESC, d.name, d.version DESC",
                               p)) {
    out.push_back(DocumentFromRow(r));
    auto& n = newest[out.back().name];
    n = std::max(n, out.back().version);
  }
  for (auto& d : out) d.latest = newest[d.name] == d.version;
  return out;
}

std::optional<Document> FindDocument(db::Session& s, const std::string& agreement_id,
                                     const std::string& id) {
  for (auto& d : ListDocuments(s, agreement_id)) {
    if (d.id == id) return d;
  }
  return std::nullopt;
}

int64_t NextDocumentVersion(db::Session& s, const std::string& agreement_id,
                            const std::string& name) {
  db::Params p;
  p.Set("agreement", agreement_id).Set("name", name);
  auto row = s.QueryOne(
      "SELECT COALESCE(MAX(version), 0) AS v FROM agreement_documents"
      " WHERE agreement_id = :agreement AND name = :name",
      p);
  return (row ? row->Int("v") : 0) + 1;
}

void InsertDocument(db::Session& s, const Document& d, const std::string& content_base64) {
  db::Params p;
  p.Set("id", d.id)
      .Set("agreement", d.agreement_id)
      .Set("name", d.name)
      .Set("version", d.version)
      .Set("type", d.content_type)
      .Set("size", d.size_bytes)
      .Set("sha", d.sha256)
      .Set("by", d.uploaded_by)
      .Set("at", d.uploaded_at);
  s.Exec(
      "INSERT INTO agreement_documents (id, agreement_id, name, version, content_type,"
      " size_bytes, sha256, uploaded_by, uploaded_at)"
      " VALUES (:id, :agreement, :name, :version, :type, :size, :sha, :by, :at)",
      p);
  db::Params c;
  c.Set("id", d.id).Set("content", content_base64);
  s.Exec("INSERT INTO agreement_document_contents (document_id, content) VALUES (:id, :content)",
         c);
}

std::optional<std::string> DocumentContent(db::Session& s, const std::string& document_id) {
  db::Params p;
  p.Set("id", document_id);
  auto row =
      s.QueryOne("SELECT content FROM agreement_document_contents WHERE document_id = :id", p);
  if (!row) return std::nullopt;
  return row->Str("content");
}

std::map<std::string, int64_t> DocumentCounts(db::Session& s, const std::string& alliance_id) {
  db::Params p;
  p.Set("a", alliance_id);
  std::map<std::string, int64_t> out;
  for (const auto& r :
       s.Query("SELECT d.agreement_id, COUNT(*) AS n FROM agreement_documents d"
               " JOIN agreements ag ON ag.id = d.agreement_id WHERE ag.alliance_id = :a"
               " GROUP BY d.agreement_id",
               p)) {
    out[r.Str("agreement_id")] = r.Int("n");
  }
  return out;
}

// ---- occurrences --------------------------------------------------------------------------

std::map<std::string, std::vector<Recorded>> RecordedFor(db::Session& s,
                                                         const std::vector<std::string>& ids) {
  std::map<std::string, std::vector<Recorded>> out;
  if (ids.empty()) return out;
  db::Params p;
  std::string in;
  for (size_t i = 0; i < ids.size(); ++i) {
    const std::string name = "o" + std::to_string(i);
    p.Set(name, ids[i]);
    in += (i ? ", :" : ":") + name;
  }
  for (const auto& r : s.Query(std::string(kRecordedSelect) + " WHERE o.obligation_id IN (" + in +
                                   ") ORDER BY o.obligation_id, o.due_on",
                               p)) {
    out[r.Str("obligation_id")].push_back(RecordedFromRow(r));
  }
  return out;
}

std::optional<Recorded> FindRecorded(db::Session& s, const std::string& obligation_id,
                                     const std::string& due_on) {
  db::Params p;
  p.Set("o", obligation_id).Set("d", due_on);
  auto row =
      s.QueryOne(std::string(kRecordedSelect) + " WHERE o.obligation_id = :o AND o.due_on = :d", p);
  if (!row) return std::nullopt;
  return RecordedFromRow(*row);
}

bool SaveRecorded(db::Session& s, const Recorded& r, int64_t expected_version) {
  db::Params p;
  p.Set("o", r.obligation_id)
      .Set("d", r.due_on)
      .Set("status", r.status)
      .Set("fulfilled_on", r.fulfilled_on)
      .Set("evidence", r.evidence)
      .Set("reason", r.reason)
      .Set("approver", r.approver_id)
      .Set("by", r.recorded_by)
      .Set("at", r.updated_at);
  if (expected_version == 0) {
    p.Set("version", int64_t{1});
    // A concurrent first recording inserts nothing: stale, like any other race.
    return s.Exec(
               "INSERT INTO obligation_occurrences (obligation_id, due_on, status, fulfilled_on,"
               " evidence, reason, approver_id, recorded_by, version, updated_at)"
               " VALUES (:o, :d, :status, :fulfilled_on, :evidence, :reason, :approver, :by,"
               " :version, :at) ON CONFLICT (obligation_id, due_on) DO NOTHING",
               p) == 1;
  }
  p.Set("expected", expected_version);
  return s.Exec(
             "UPDATE obligation_occurrences SET status = :status, fulfilled_on = :fulfilled_on,"
             " evidence = :evidence, reason = :reason, approver_id = :approver,"
             " recorded_by = :by, version = version + 1, updated_at = :at"
             " WHERE obligation_id = :o AND due_on = :d AND version = :expected",
             p) == 1;
}

bool DeleteRecorded(db::Session& s, const std::string& obligation_id, const std::string& due_on,
                    int64_t expected_version) {
  db::Params p;
  p.Set("o", obligation_id).Set("d", due_on).Set("expected", expected_version);
  return s.Exec(
             "DELETE FROM obligation_occurrences WHERE obligation_id = :o AND due_on = :d"
             " AND version = :expected",
             p) == 1;
}

// ---- across alliances ---------------------------------------------------------------------

std::vector<Belonging> AlliancesOf(db::Session& s, const std::string& user_id) {
  db::Params p;
  p.Set("user", user_id);
  std::vector<Belonging> out;
  for (const auto& r : s.Query(
           "SELECT am.alliance_id, al.name, am.organization_id, am.role FROM alliance_members am"
           " JOIN alliances al ON al.id = am.alliance_id WHERE am.user_id = :user"
           " ORDER BY al.name, al.id",
           p)) {
    out.push_back({r.Str("alliance_id"), r.Str("name"), r.Str("organization_id"), r.Str("role")});
  }
  return out;
}

std::vector<std::string> AlliancesWith(db::Session& s, const std::string& table) {
  std::vector<std::string> out;
  for (const auto& r : s.Query(
           "SELECT DISTINCT alliance_id FROM " + table + " ORDER BY alliance_id", db::Params{})) {
    out.push_back(r.Str("alliance_id"));
  }
  return out;
}

std::string OrganizationName(db::Session& s, const std::string& organization_id) {
  db::Params p;
  p.Set("id", organization_id);
  auto row = s.QueryOne("SELECT name FROM organizations WHERE id = :id", p);
  return row ? row->Str("name") : "";
}

}  // namespace northstar::agreements::store
