#include "modules/agreements/store.hpp"

#include "platform/common/json.hpp"

namespace northstar::agreements::store {
namespace {

using records::ReadRecordBase;

void SetOptInt(db::Params& p, const std::string& name, const std::optional<int64_t>& v) {
  if (v) {
    p.Set(name, *v);
  } else {
    p.SetNull(name);
  }
}

json::value ParseJson(const std::string& text) {
  boost::system::error_code ec;
  json::value v = json::parse(text, ec);
  return ec ? json::value() : v;
}

std::string IntsText(const std::vector<int64_t>& v) {
  json::array a;
  for (int64_t x : v) a.push_back(x);
  return Serialize(a);
}

std::vector<int64_t> IntsFromText(const std::string& text) {
  std::vector<int64_t> out;
  const json::value v = ParseJson(text);
  if (!v.is_array()) return out;
  for (const auto& x : v.as_array()) {
    if (x.is_int64()) out.push_back(x.as_int64());
  }
  return out;
}

std::string StringsText(const std::vector<std::string>& v) { return Serialize(ToJsonArray(v)); }

std::string SharesText(const std::vector<Share>& v) {
  json::array a;
  for (const auto& x : v) a.push_back(json::object{{"organization_id", x.organization_id}, {"percent", x.percent}});
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
    if (const auto* pct = o.if_contains("percent")) sh.percent = pct->is_double() ? pct->as_double() : pct->is_int64() ? static_cast<double>(pct->as_int64()) : 0;
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

Agreement AgreementFromRow(const db::Row& r) {
  Agreement a;
  ReadRecordBase(r, a);
  a.title = r.Str("title");
  a.kind = r.Str("kind");
  a.relation = r.Str("relation");
  a.parent_id = r.OptStr("parent_id");
  a.party_ids = StringsFromJsonText(r.Str("party_ids"));
  a.status = r.Str("status");
  a.signed_on = r.OptStr("signed_on");
  a.effective_on = r.OptStr("effective_on");
  a.expiry_on = r.OptStr("expiry_on");
  a.notice_period_days = r.OptInt("notice_period_days");
  a.governing_law = r.Str("governing_law");
  a.field = r.Str("field");
  a.territory = r.Str("territory");
  a.exclusivity = r.Str("exclusivity");
  a.summary = r.Str("summary");
  a.reminder_days = IntsFromText(r.Str("reminder_days"));
  a.term_changes = TermChangesFromJson(ParseJson(r.Str("term_changes")));
  a.obligation_changes = ObligationChangesFromJson(ParseJson(r.Str("obligation_changes")));
  return a;
}

void BindAgreement(db::Params& p, const Agreement& a) {
  p.Set("title", a.title)
      .Set("kind", a.kind)
      .Set("relation", a.relation)
      .Set("parent", a.parent_id)
      .Set("parties", StringsText(a.party_ids))
      .Set("status", a.status)
      .Set("signed_on", a.signed_on)
      .Set("effective_on", a.effective_on)
      .Set("expiry_on", a.expiry_on)
      .Set("law", a.governing_law)
      .Set("field", a.field)
      .Set("territory", a.territory)
      .Set("exclusivity", a.exclusivity)
      .Set("summary", a.summary)
      .Set("reminders", IntsText(a.reminder_days))
      .Set("terms", Serialize(TermChangesJson(a.term_changes)))
      .Set("obligations", Serialize(ObligationChangesJson(a.obligation_changes)));
  SetOptInt(p, "notice", a.notice_period_days);
}

// ---- notes --------------------------------------------------------------------------------

Note NoteFromRow(const db::Row& r) {
  Note n;
  ReadRecordBase(r, n);
  n.agreement_id = r.Str("agreement_id");
  n.body = r.Str("body");
  return n;
}

void BindNote(db::Params& p, const Note& n) {
  p.Set("agreement", n.agreement_id).Set("body", n.body);
}

// ---- obligations --------------------------------------------------------------------------

Obligation ObligationFromRow(const db::Row& r) {
  Obligation o;
  ReadRecordBase(r, o);
  o.agreement_id = r.Str("agreement_id");
  o.agreement_title = r.Str("agreement_title");
  o.clause_ref = r.Str("clause_ref");
  o.title = r.Str("title");
  o.description = r.Str("description");
  o.category = r.Str("category");
  o.direction = r.Str("direction");
  o.owed_by = r.OptStr("owed_by");
  o.owed_to = r.OptStr("owed_to");
  o.responsible_user_id = r.OptStr("responsible_user_id");
  o.owed_by_name = r.OptStr("owed_by_name").value_or("");
  o.owed_to_name = r.OptStr("owed_to_name").value_or("");
  o.responsible_name = r.OptStr("responsible_user_name").value_or("");
  o.schedule = r.Str("schedule");
  o.due_on = r.OptStr("due_on");
  o.starts_on = r.OptStr("starts_on");
  o.rrule = r.OptStr("rrule");
  o.milestone_id = r.OptStr("milestone_id");
  o.offset_days = r.Int("offset_days");
  o.reminder_days = IntsFromText(r.Str("reminder_days"));
  return o;
}

void BindObligation(db::Params& p, const Obligation& o) {
  p.Set("agreement", o.agreement_id)
      .Set("clause", o.clause_ref)
      .Set("title", o.title)
      .Set("description", o.description)
      .Set("category", o.category)
      .Set("direction", o.direction)
      .Set("owed_by", o.owed_by)
      .Set("owed_to", o.owed_to)
      .Set("responsible", o.responsible_user_id)
      .Set("schedule", o.schedule)
      .Set("due_on", o.due_on)
      .Set("starts_on", o.starts_on)
      .Set("rrule", o.rrule)
      .Set("milestone", o.milestone_id)
      .Set("offset", o.offset_days)
      .Set("reminders", IntsText(o.reminder_days));
}

// ---- restrictions -------------------------------------------------------------------------

Restriction RestrictionFromRow(const db::Row& r) {
  Restriction x;
  ReadRecordBase(r, x);
  x.agreement_id = r.Str("agreement_id");
  x.agreement_title = r.Str("agreement_title");
  x.kind = r.Str("kind");
  x.clause_ref = r.Str("clause_ref");
  x.description = r.Str("description");
  x.restricted_party_id = r.OptStr("restricted_party_id");
  x.therapeutic_areas = StringsFromJsonText(r.Str("therapeutic_areas"));
  x.modalities = StringsFromJsonText(r.Str("modalities"));
  x.territories = StringsFromJsonText(r.Str("territories"));
  x.counterparties = StringsFromJsonText(r.Str("counterparties"));
  x.starts_on = r.OptStr("starts_on");
  x.ends_on = r.OptStr("ends_on");
  return x;
}

void BindRestriction(db::Params& p, const Restriction& x) {
  p.Set("agreement", x.agreement_id)
      .Set("kind", x.kind)
      .Set("clause", x.clause_ref)
      .Set("description", x.description)
      .Set("restricted", x.restricted_party_id)
      .Set("areas", StringsText(x.therapeutic_areas))
      .Set("modalities", StringsText(x.modalities))
      .Set("territories", StringsText(x.territories))
      .Set("counterparties", StringsText(x.counterparties))
      .Set("starts_on", x.starts_on)
      .Set("ends_on", x.ends_on);
}

// ---- IP assets ----------------------------------------------------------------------------

IpAsset IpAssetFromRow(const db::Row& r) {
  IpAsset x;
  ReadRecordBase(r, x);
  x.title = r.Str("title");
  x.kind = r.Str("kind");
  x.description = r.Str("description");
  x.agreement_id = r.OptStr("agreement_id");
  x.owner_party_id = r.OptStr("owner_party_id");
  x.shares = SharesFromText(r.Str("shares"));
  x.licences = LicencesFromText(r.Str("licences"));
  x.patent_family = r.Str("patent_family");
  x.filing_on = r.OptStr("filing_on");
  x.expiry_on = r.OptStr("expiry_on");
  return x;
}

void BindIpAsset(db::Params& p, const IpAsset& x) {
  p.Set("title", x.title)
      .Set("kind", x.kind)
      .Set("description", x.description)
      .Set("agreement", x.agreement_id)
      .Set("owner", x.owner_party_id)
      .Set("shares", SharesText(x.shares))
      .Set("licences", LicencesText(x.licences))
      .Set("family", x.patent_family)
      .Set("filing_on", x.filing_on)
      .Set("expiry_on", x.expiry_on);
}

// ---- datasets -----------------------------------------------------------------------------

Dataset DatasetFromRow(const db::Row& r) {
  Dataset x;
  ReadRecordBase(r, x);
  x.name = r.Str("name");
  x.description = r.Str("description");
  x.agreement_id = r.OptStr("agreement_id");
  x.provider_id = r.Str("provider_id");
  x.recipient_id = r.Str("recipient_id");
  x.purposes = StringsFromJsonText(r.Str("purposes"));
  x.privacy_basis = r.Str("privacy_basis");
  x.security_requirements = r.Str("security_requirements");
  x.shared_on = r.OptStr("shared_on");
  x.retention_until = r.OptStr("retention_until");
  x.destruction_due_on = r.OptStr("destruction_due_on");
  x.destroyed_on = r.OptStr("destroyed_on");
  x.destruction_evidence = r.OptStr("destruction_evidence");
  x.destruction_confirmed_by = r.OptStr("destruction_confirmed_by");
  x.destruction_confirmed_by_name = r.OptStr("responsible_user_name").value_or("");
  return x;
}

void BindDataset(db::Params& p, const Dataset& x) {
  p.Set("name", x.name)
      .Set("description", x.description)
      .Set("agreement", x.agreement_id)
      .Set("provider", x.provider_id)
      .Set("recipient", x.recipient_id)
      .Set("purposes", StringsText(x.purposes))
      .Set("basis", x.privacy_basis)
      .Set("security", x.security_requirements)
      .Set("shared_on", x.shared_on)
      .Set("retention", x.retention_until)
      .Set("destruction_due", x.destruction_due_on)
      .Set("destroyed_on", x.destroyed_on)
      .Set("evidence", x.destruction_evidence)
      .Set("confirmed_by", x.destruction_confirmed_by);
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

}  // namespace

const Table<Agreement>& Agreements() {
  static const Table<Agreement> t{
      "agreements",
      records::SelectRecords("agreements"),
      "title, kind, relation, parent_id, party_ids, status, signed_on, effective_on, expiry_on,"
      " notice_period_days, governing_law, field, territory, exclusivity, summary, reminder_days,"
      " term_changes, obligation_changes",
      ":title, :kind, :relation, :parent, :parties, :status, :signed_on, :effective_on,"
      " :expiry_on, :notice, :law, :field, :territory, :exclusivity, :summary, :reminders,"
      " :terms, :obligations",
      "title = :title, kind = :kind, relation = :relation, parent_id = :parent,"
      " party_ids = :parties, status = :status, signed_on = :signed_on,"
      " effective_on = :effective_on, expiry_on = :expiry_on, notice_period_days = :notice,"
      " governing_law = :law, field = :field, territory = :territory,"
      " exclusivity = :exclusivity, summary = :summary, reminder_days = :reminders,"
      " term_changes = :terms, obligation_changes = :obligations",
      "r.created_at, r.id",
      AgreementFromRow,
      BindAgreement};
  return t;
}

const Table<Note>& Notes() {
  static const Table<Note> t{"agreement_notes",
                             records::SelectRecords("agreement_notes"),
                             "agreement_id, body",
                             ":agreement, :body",
                             "agreement_id = :agreement, body = :body",
                             "r.created_at, r.id",
                             NoteFromRow,
                             BindNote};
  return t;
}

const Table<Obligation>& Obligations() {
  static const Table<Obligation> t{
      "obligations",
      WithPartyNames(
          WithAgreementTitle(records::SelectRecords("obligations", "responsible_user_id"), false)),
      "agreement_id, clause_ref, title, description, category, direction, owed_by, owed_to,"
      " responsible_user_id, schedule, due_on, starts_on, rrule, milestone_id, offset_days,"
      " reminder_days",
      ":agreement, :clause, :title, :description, :category, :direction, :owed_by, :owed_to,"
      " :responsible, :schedule, :due_on, :starts_on, :rrule, :milestone, :offset, :reminders",
      "agreement_id = :agreement, clause_ref = :clause, title = :title,"
      " description = :description, category = :category, direction = :direction,"
      " owed_by = :owed_by, owed_to = :owed_to, responsible_user_id = :responsible,"
      " schedule = :schedule, due_on = :due_on, starts_on = :starts_on, rrule = :rrule,"
      " milestone_id = :milestone, offset_days = :offset, reminder_days = :reminders",
      "r.created_at, r.id",
      ObligationFromRow,
      BindObligation};
  return t;
}

const Table<Restriction>& Restrictions() {
  static const Table<Restriction> t{
      "restrictions",
      WithAgreementTitle(records::SelectRecords("restrictions"), false),
      "agreement_id, kind, clause_ref, description, restricted_party_id, therapeutic_areas,"
      " modalities, territories, counterparties, starts_on, ends_on",
      ":agreement, :kind, :clause, :description, :restricted, :areas, :modalities,"
      " :territories, :counterparties, :starts_on, :ends_on",
      "agreement_id = :agreement, kind = :kind, clause_ref = :clause,"
      " description = :description, restricted_party_id = :restricted,"
      " therapeutic_areas = :areas, modalities = :modalities, territories = :territories,"
      " counterparties = :counterparties, starts_on = :starts_on, ends_on = :ends_on",
      "r.created_at, r.id",
      RestrictionFromRow,
      BindRestriction};
  return t;
}

const Table<IpAsset>& IpAssets() {
  static const Table<IpAsset> t{
      "ip_assets",
      records::SelectRecords("ip_assets"),
      "title, kind, description, agreement_id, owner_party_id, shares, licences, patent_family,"
      " filing_on, expiry_on",
      ":title, :kind, :description, :agreement, :owner, :shares, :licences, :family,"
      " :filing_on, :expiry_on",
      "title = :title, kind = :kind, description = :description, agreement_id = :agreement,"
      " owner_party_id = :owner, shares = :shares, licences = :licences,"
      " patent_family = :family, filing_on = :filing_on, expiry_on = :expiry_on",
      "r.created_at, r.id",
      IpAssetFromRow,
      BindIpAsset};
  return t;
}

const Table<Dataset>& Datasets() {
  static const Table<Dataset> t{
      "datasets",
      records::SelectRecords("datasets", "destruction_confirmed_by"),
      "name, description, agreement_id, provider_id, recipient_id, purposes, privacy_basis,"
      " security_requirements, shared_on, retention_until, destruction_due_on, destroyed_on,"
      " destruction_evidence, destruction_confirmed_by",
      ":name, :description, :agreement, :provider, :recipient, :purposes, :basis, :security,"
      " :shared_on, :retention, :destruction_due, :destroyed_on, :evidence, :confirmed_by",
      "name = :name, description = :description, agreement_id = :agreement,"
      " provider_id = :provider, recipient_id = :recipient, purposes = :purposes,"
      " privacy_basis = :basis, security_requirements = :security, shared_on = :shared_on,"
      " retention_until = :retention, destruction_due_on = :destruction_due,"
      " destroyed_on = :destroyed_on, destruction_evidence = :evidence,"
      " destruction_confirmed_by = :confirmed_by",
      "r.created_at, r.id",
      DatasetFromRow,
      BindDataset};
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
  auto row = s.QueryOne(
      "SELECT content FROM agreement_document_contents WHERE document_id = :id", p);
  if (!row) return std::nullopt;
  return row->Str("content");
}

std::map<std::string, int64_t> DocumentCounts(db::Session& s, const std::string& alliance_id) {
  db::Params p;
  p.Set("a", alliance_id);
  std::map<std::string, int64_t> out;
  for (const auto& r : s.Query(
           "SELECT d.agreement_id, COUNT(*) AS n FROM agreement_documents d"
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
  for (const auto& r : s.Query(std::string(kRecordedSelect) + " WHERE o.obligation_id IN (" +
                                   in + ") ORDER BY o.obligation_id, o.due_on",
                               p)) {
    out[r.Str("obligation_id")].push_back(RecordedFromRow(r));
  }
  return out;
}

std::optional<Recorded> FindRecorded(db::Session& s, const std::string& obligation_id,
                                     const std::string& due_on) {
  db::Params p;
  p.Set("o", obligation_id).Set("d", due_on);
  auto row = s.QueryOne(
      std::string(kRecordedSelect) + " WHERE o.obligation_id = :o AND o.due_on = :d", p);
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
  for (const auto& r : s.Query("SELECT DISTINCT alliance_id FROM " + table +
                                   " ORDER BY alliance_id",
                               db::Params{})) {
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
