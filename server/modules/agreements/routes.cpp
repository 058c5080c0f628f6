#include "modules/agreements/routes.hpp"

#include "modules/alliances/record_steps.hpp"
#include "platform/common/time.hpp"
#include "platform/common/words.hpp"
#include "platform/common/xlsx.hpp"
#include "platform/http/attachment.hpp"
#include "platform/http/collection.hpp"
#include "platform/http/request_helpers.hpp"

namespace northstar::agreements {
namespace {

using alliances::AnswerJson;
using alliances::AnswerVersion;
using http::Filtered;
using http::One;
using http::Paged;
using http::RequestContext;
using http::Response;
using records::NullableDate;
using records::NullableId;
using records::ReadCommon;
using records::ReadNullable;
using records::ReadObjects;
constexpr auto kRequired = Presence::kRequired;
constexpr auto kOptional = Presence::kOptional;
constexpr size_t kNameMax = 200, kTextMax = 5000, kLongTextMax = 10000, kEvidenceMax = 2000;
const std::vector<std::string> kByCreation = {"created_at"};
constexpr int64_t kMaxWindowDays = int64_t{5} * 366;

std::string Alliance(RequestContext& ctx) { return ctx.Param("id"); }

// The party's name, or null without a party (as plan and governance records answer).
json::value PartyNameOr(const RecordContext& c, const std::optional<std::string>& id) {
  return id ? json::value(alliances::PartyName(c, *id)) : json::value(nullptr);
}

json::value NameOr(const std::optional<std::string>& id, const std::string& name) {
  return id ? json::value(name) : json::value(nullptr);
}

// ---- reading bodies -----------------------------------------------------------------------

std::optional<std::vector<int64_t>> ReadDays(InputReader& in, std::string_view key, int64_t min,
                                             int64_t max) {
  const json::array* list = in.Array(key, kOptional, 5);
  if (!list) return std::nullopt;
  std::vector<int64_t> out;
  for (size_t i = 0; i < list->size(); ++i) {
    const auto& v = (*list)[i];
    if (!v.is_int64() || v.as_int64() < min || v.as_int64() > max) {
      in.AddError(std::string(key) + "[" + std::to_string(i) + "]",
                  "must be a whole number of days from " + std::to_string(min) + " to " +
                      std::to_string(max));
      return std::nullopt;
    }
    out.push_back(v.as_int64());
  }
  std::sort(out.begin(), out.end(), std::greater<>());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

std::optional<std::vector<std::string>> ReadTerms(InputReader& in, std::string_view key) {
  auto list = in.StringArray(key, kOptional, 50, kNameMax);
  if (!list) return list;
  for (size_t i = 0; i < list->size(); ++i) {
    if ((*list)[i].find_first_not_of(" \t") == std::string::npos) {
      in.AddError(std::string(key) + "[" + std::to_string(i) + "]", "must not be empty");
    }
  }
  return list;
}

std::optional<TermChanges> ReadTermChanges(InputReader& parent) {
  const json::object* o = parent.Object("term_changes", kOptional);
  if (!o) return std::nullopt;
  InputReader in(*o, "term_changes");
  TermChanges t;
  t.expiry_on = in.Date("expiry_on", kOptional);
  t.notice_period_days = in.Integer("notice_period_days", kOptional, 0, 3650);
  t.governing_law = in.String("governing_law", kOptional, kNameMax);
  t.field = in.String("field", kOptional, 1000);
  t.territory = in.String("territory", kOptional, 500);
  t.exclusivity = in.Enum("exclusivity", kOptional, kExclusivities);
  parent.Merge(in.Finish());
  return t;
}

Result<AgreementInput> ReadAgreement(const json::object& body, bool creating) {
  const Presence core = creating ? kRequired : kOptional;
  InputReader in(body);
  AgreementInput a;
  ReadCommon(in, a);
  a.title = in.String("title", core, kNameMax, 1);
  a.kind = in.Enum("kind", core, kKinds);
  a.relation = in.Enum("relation", core, kRelations);
  a.parent_id = NullableId(in, "parent_id");
  a.party_ids = in.StringArray("party_ids", kOptional, 20, 36);
  a.status = in.Enum("status", kOptional, kStatuses);
  a.signed_on = NullableDate(in, "signed_on");
  a.effective_on = NullableDate(in, "effective_on");
  a.expiry_on = NullableDate(in, "expiry_on");
  a.notice_period_days = ReadNullable<int64_t>(in, "notice_period_days", [&] {
    return in.Integer("notice_period_days", kOptional, 0, 3650);
  });
  a.governing_law = in.String("governing_law", kOptional, kNameMax);
  a.field = in.String("field", kOptional, 1000);
  a.territory = in.String("territory", kOptional, 500);
  a.exclusivity = in.Enum("exclusivity", kOptional, kExclusivities);
  a.summary = in.String("summary", kOptional, kLongTextMax);
  a.reminder_days = ReadDays(in, "reminder_days", 1, 730);
  a.term_changes = ReadTermChanges(in);
  a.obligation_changes =
      ReadObjects<ObligationChange>(in, "obligation_changes", kOptional, 50,
                                    [](InputReader& item) -> std::optional<ObligationChange> {
                                      auto id = item.Id("obligation_id", kRequired);
                                      auto change = item.String("change", kRequired, 1000, 1);
                                      if (!id || !change) return std::nullopt;
                                      return ObligationChange{*id, *change};
                                    });
  NS_TRY(FieldErrorsToStatus(in.Finish()));
  return a;
}

Result<NoteInput> ReadNote(const json::object& body, bool creating) {
  InputReader in(body);
  NoteInput n;
  ReadCommon(in, n);
  if (creating && !n.visibility) n.visibility = "party";
  n.body = in.String("body", creating ? kRequired : kOptional, kLongTextMax, 1);
  NS_TRY(FieldErrorsToStatus(in.Finish()));
  return n;
}

Result<ObligationInput> ReadObligation(const json::object& body, bool creating) {
  const Presence core = creating ? kRequired : kOptional;
  InputReader in(body);
  ObligationInput o;
  ReadCommon(in, o);
  o.agreement_id = in.Id("agreement_id", core);
  o.clause_ref = in.String("clause_ref", kOptional, 100);
  o.title = in.String("title", core, kNameMax, 1);
  o.description = in.String("description", kOptional, kTextMax);
  o.category = in.Enum("category", core, kCategories);
  o.direction = in.Enum("direction", core, kDirections);
  o.owed_by = NullableId(in, "owed_by");
  o.owed_to = NullableId(in, "owed_to");
  o.responsible_user_id = NullableId(in, "responsible_user_id");
  o.schedule = in.Enum("schedule", core, kSchedules);
  o.due_on = NullableDate(in, "due_on");
  o.starts_on = NullableDate(in, "starts_on");
  o.rrule =
      ReadNullable<std::string>(in, "rrule", [&] { return in.String("rrule", kOptional, 500, 1); });
  o.milestone_id = NullableId(in, "milestone_id");
  o.offset_days = in.Integer("offset_days", kOptional, 0, 3650);
  o.reminder_days = ReadDays(in, "reminder_days", 0, 365);
  NS_TRY(FieldErrorsToStatus(in.Finish()));
  return o;
}

Result<OccurrenceInput> ReadOccurrence(const json::object& body) {
  InputReader in(body);
  OccurrenceInput o;
  auto status = in.Enum("status", kRequired, kRecordedStatuses);
  o.fulfilled_on = in.Date("fulfilled_on", kOptional);
  o.evidence = in.String("evidence", kOptional, kEvidenceMax, 1);
  o.reason = in.String("reason", kOptional, kEvidenceMax, 1);
  if (status) {
    o.status = *status;
    if (o.status == "fulfilled" && !o.evidence) in.AddError("evidence", "is required to fulfil");
    if ((o.status == "waived" || o.status == "in_dispute") && !o.reason) {
      in.AddError("reason", "is required with " + o.status);
    }
  }
  NS_TRY(FieldErrorsToStatus(in.Finish()));
  return o;
}

Result<RestrictionInput> ReadRestriction(const json::object& body, bool creating) {
  const Presence core = creating ? kRequired : kOptional;
  InputReader in(body);
  RestrictionInput r;
  ReadCommon(in, r);
  r.agreement_id = in.Id("agreement_id", core);
  r.kind = in.Enum("kind", core, kRestrictionKinds);
  r.clause_ref = in.String("clause_ref", kOptional, 100);
  r.description = in.String("description", kOptional, kTextMax);
  r.restricted_party_id = NullableId(in, "restricted_party_id");
  r.therapeutic_areas = ReadTerms(in, "therapeutic_areas");
  r.modalities = ReadTerms(in, "modalities");
  r.territories = ReadTerms(in, "territories");
  r.counterparties = ReadTerms(in, "counterparties");
  r.starts_on = NullableDate(in, "starts_on");
  r.ends_on = NullableDate(in, "ends_on");
  NS_TRY(FieldErrorsToStatus(in.Finish()));
  return r;
}

Result<IpAssetInput> ReadIpAsset(const json::object& body, bool creating) {
  const Presence core = creating ? kRequired : kOptional;
  InputReader in(body);
  IpAssetInput x;
  ReadCommon(in, x);
  x.title = in.String("title", core, kNameMax, 1);
  x.kind = in.Enum("kind", core, kIpKinds);
  x.description = in.String("description", kOptional, kTextMax);
  x.agreement_id = NullableId(in, "agreement_id");
  x.owner_party_id = NullableId(in, "owner_party_id");
  x.shares = ReadObjects<Share>(in, "shares", kOptional, 20,
                                [](InputReader& item) -> std::optional<Share> {
                                  auto org = item.Id("organization_id", kRequired);
                                  auto percent = item.Number("percent", kRequired);
                                  if (!org || !percent) return std::nullopt;
                                  return Share{*org, *percent};
                                });
  x.licences = ReadObjects<Licence>(
      in, "licences", kOptional, 20, [](InputReader& item) -> std::optional<Licence> {
        auto licensee = item.Id("licensee_id", kRequired);
        auto field = item.String("field", kOptional, 1000);
        auto territory = item.String("territory", kOptional, 500);
        auto exclusive = item.Bool("exclusive", kOptional);
        if (!licensee) return std::nullopt;
        return Licence{*licensee, field.value_or(""), territory.value_or(""),
                       exclusive.value_or(false)};
      });
  x.patent_family = in.String("patent_family", kOptional, kNameMax);
  x.filing_on = NullableDate(in, "filing_on");
  x.expiry_on = NullableDate(in, "expiry_on");
  NS_TRY(FieldErrorsToStatus(in.Finish()));
  return x;
}

Result<DatasetInput> ReadDataset(const json::object& body, bool creating) {
  const Presence core = creating ? kRequired : kOptional;
  InputReader in(body);
  DatasetInput x;
  ReadCommon(in, x);
  x.name = in.String("name", core, kNameMax, 1);
  x.description = in.String("description", kOptional, kTextMax);
  x.agreement_id = NullableId(in, "agreement_id");
  x.provider_id = in.Id("provider_id", core);
  x.recipient_id = in.Id("recipient_id", core);
  x.purposes = in.StringArray("purposes", core, 20, kNameMax);
  x.privacy_basis = in.Enum("privacy_basis", core, kPrivacyBases);
  x.security_requirements = in.String("security_requirements", kOptional, kTextMax);
  x.shared_on = NullableDate(in, "shared_on");
  x.retention_until = NullableDate(in, "retention_until");
  x.destruction_due_on = NullableDate(in, "destruction_due_on");
  NS_TRY(FieldErrorsToStatus(in.Finish()));
  return x;
}

// ---- JSON ---------------------------------------------------------------------------------

json::object AgreementJson(const RecordContext& c, const AgreementView& v) {
  const Agreement& a = v.agreement;
  json::array parties;
  for (const auto& id : a.party_ids) {
    parties.push_back(
        {{"organization_id", id}, {"organization_name", alliances::PartyName(c, id)}});
  }
  const Terms& t = v.as_amended;
  json::array amendments;
  for (const auto& m : v.amendments) {
    amendments.push_back({{"id", m.id},
                          {"title", m.title},
                          {"status", m.status},
                          {"effective_on", OptionalJson(m.effective_on)},
                          {"term_changes", TermChangesJson(m.term_changes)},
                          {"obligation_changes", ObligationChangesJson(m.obligation_changes)},
                          {"in_force", m.in_force}});
  }
  return records::Json(a, {{"parties", std::move(parties)},
                           {"term_changes", TermChangesJson(a.term_changes)},
                           {"obligation_changes", ObligationChangesJson(a.obligation_changes)},
                           {"notice_deadline", OptionalJson(t.notice_deadline)},
                           {"as_amended",
                            {{"expiry_on", OptionalJson(t.expiry_on)},
                             {"notice_period_days", OptionalJson(t.notice_period_days)},
                             {"governing_law", t.governing_law},
                             {"field", t.field},
                             {"territory", t.territory},
                             {"exclusivity", t.exclusivity},
                             {"notice_deadline", OptionalJson(t.notice_deadline)},
                             {"applied_amendment_ids", ToJsonArray(t.applied_amendment_ids)}}},
                           {"amendments", std::move(amendments)},
                           {"document_count", v.document_count},
                           {"obligation_count", v.obligation_count}});
}

json::object DocumentJson(const Document& d) {
  return {{"id", d.id},
          {"agreement_id", d.agreement_id},
          {"name", d.name},
          {"version", d.version},
          {"latest", d.latest},
          {"content_type", d.content_type},
          {"size_bytes", d.size_bytes},
          {"sha256", d.sha256},
          {"uploaded_by", d.uploaded_by},
          {"uploaded_by_name", d.uploaded_by_name},
          {"uploaded_at", d.uploaded_at}};
}

json::object NoteJson(const Note& n) { return records::Json(n); }

json::object SignalJson(const AmendmentSignal& s) {
  return {{"consider_amendment", s.consider_amendment},
          {"late", s.late},
          {"waived", s.waived},
          {"considered", s.considered},
          {"reason", s.reason}};
}

// Who owes an obligation to whom, and who sees to it: in an obligation and in each occurrence.
void AddWho(json::object& out, const Obligation& o) {
  out["owed_by"] = OptionalJson(o.owed_by);
  out["owed_by_name"] = NameOr(o.owed_by, o.owed_by_name);
  out["owed_to"] = OptionalJson(o.owed_to);
  out["owed_to_name"] = NameOr(o.owed_to, o.owed_to_name);
  out["responsible_user_id"] = OptionalJson(o.responsible_user_id);
  out["responsible_name"] = NameOr(o.responsible_user_id, o.responsible_name);
}

json::object ObligationJson(const RecordContext& c, const ObligationView& v) {
  const Obligation& o = v.obligation;
  json::array amended;
  for (const auto& a : v.amended_by) {
    amended.push_back({{"agreement_id", a.agreement_id}, {"title", a.title}, {"change", a.change}});
  }
  json::value next = nullptr;
  if (v.next_due)
    next = json::object{{"due_on", v.next_due->first}, {"status", v.next_due->second}};
  json::object fields{{"agreement_title", o.agreement_title},
                      {"milestone_title", NameOr(o.milestone_id, o.milestone_title)},
                      {"next_due", std::move(next)},
                      {"amended_by", std::move(amended)},
                      {"signal", SignalJson(v.signal)}};
  AddWho(fields, o);
  return records::Json(o, std::move(fields));
}

json::object OccurrenceJson(const OccurrenceList& list, const Occurrence& item) {
  const ObligationView& v = list.obligations[item.obligation];
  const Obligation& o = v.obligation;
  const Recorded* r = item.recorded ? &*item.recorded : nullptr;
  std::optional<bool> on_time;
  if (item.status == "fulfilled" && r && r->fulfilled_on) on_time = *r->fulfilled_on <= item.due_on;
  json::object out{{"obligation_id", o.id},
                   {"obligation_title", o.title},
                   {"agreement_id", o.agreement_id},
                   {"agreement_title", o.agreement_title},
                   {"clause_ref", o.clause_ref},
                   {"category", o.category},
                   {"direction", o.direction},
                   {"due_on", item.due_on},
                   {"status", item.status},
                   {"fulfilled_on", r ? OptionalJson(r->fulfilled_on) : nullptr},
                   {"evidence", r ? OptionalJson(r->evidence) : nullptr},
                   {"on_time", OptionalJson(on_time)},
                   {"reason", r ? OptionalJson(r->reason) : nullptr},
                   {"approver_id", r ? OptionalJson(r->approver_id) : nullptr},
                   {"approver_name", r ? OptionalJson(r->approver_name) : nullptr},
                   {"recorded_by_name", r ? json::value(r->recorded_by_name) : nullptr},
                   {"version", r ? r->version : 0},
                   {"updated_at", r ? json::value(r->updated_at) : nullptr}};
  AddWho(out, o);
  return out;
}

json::object RestrictionJson(const RecordContext& c, const Restriction& r) {
  return records::Json(r, {{"agreement_title", r.agreement_title},
                           {"restricted_party_name", PartyNameOr(c, r.restricted_party_id)}});
}

json::object IpAssetJson(const RecordContext& c, const IpAsset& x) {
  json::array shares;
  for (const auto& s : x.shares) {
    shares.push_back({{"organization_id", s.organization_id},
                      {"organization_name", alliances::PartyName(c, s.organization_id)},
                      {"percent", s.percent}});
  }
  json::array licences;
  for (const auto& l : x.licences) {
    licences.push_back({{"licensee_id", l.licensee_id},
                        {"licensee_name", alliances::PartyName(c, l.licensee_id)},
                        {"field", l.field},
                        {"territory", l.territory},
                        {"exclusive", l.exclusive}});
  }
  return records::Json(x, {{"owner_party_name", PartyNameOr(c, x.owner_party_id)},
                           {"shares", std::move(shares)},
                           {"licences", std::move(licences)}});
}

json::object DatasetJson(const RecordContext& c, const DatasetView& v) {
  const Dataset& x = v.dataset;
  return records::Json(x,
                       {{"provider_name", alliances::PartyName(c, x.provider_id)},
                        {"recipient_name", alliances::PartyName(c, x.recipient_id)},
                        {"destruction_confirmed_by_name",
                         x.destroyed_on ? json::value(x.destruction_confirmed_by_name) : nullptr},
                        {"destruction_status", v.destruction_status}},
                       {"destruction_confirmed_by"});
}

json::object TallyJson(const std::string& key, const std::string& name, const Tally& t) {
  return {{"key", key},
          {"name", name},
          {"due", t.due},
          {"on_time", t.on_time},
          {"late", t.late},
          {"overdue", t.overdue},
          {"waived", t.waived},
          {"in_dispute", t.in_dispute},
          {"on_time_rate", OptionalJson(t.Rate())}};
}

json::object ProposalJson(const Proposal& p) {
  return {{"therapeutic_areas", ToJsonArray(p.therapeutic_areas)},
          {"modalities", ToJsonArray(p.modalities)},
          {"territories", ToJsonArray(p.territories)},
          {"counterparty", p.counterparty},
          {"starts_on", OptionalJson(p.starts_on)},
          {"ends_on", OptionalJson(p.ends_on)}};
}

// ---- windows ------------------------------------------------------------------------------

struct Window {
  std::string from, to;
};

// `from` and `to` from the query (defaults today + the offsets), in order and at most five years.
Result<Window> ReadWindow(const http::Request& request, int64_t from_offset, int64_t to_offset) {
  const std::string today = TodayText();
  Window w{AddDays(today, from_offset), AddDays(today, to_offset)};
  for (auto [name, target] : {std::pair{"from", &w.from}, std::pair{"to", &w.to}}) {
    if (auto v = request.Query(name); v && !v->empty()) {
      if (!IsValidDate(*v)) return Invalid(name, "must be a date YYYY-MM-DD");
      *target = *v;
    }
  }
  if (w.to < w.from) return Invalid("to", "is before from: dates out of order");
  if (DaysBetween(w.from, w.to) > kMaxWindowDays) {
    return Invalid("to", "is more than five years after from");
  }
  return w;
}

// ---- handlers -----------------------------------------------------------------------------

using Svc = AgreementsService;

// Agreements.
Result<Response> ListAgreements(Svc& svc, RequestContext& ctx) {
  NS_ASSIGN_OR_RETURN(auto list, svc.ListAgreements(ctx.user(), Alliance(ctx)));
  json::array all;
  for (const auto& v : list.record) all.push_back(AgreementJson(list.context, v));
  NS_ASSIGN_OR_RETURN(all, Filtered(ctx.request, std::move(all),
                                    {{"kind", "kind", kKinds},
                                     {"status", "status", kStatuses},
                                     {"relation", "relation", kRelations},
                                     {"parent_id", "parent_id", {}, true}}));
  // The tree in order: masters by title, each followed by its children (by title), and theirs.
  std::map<std::string, const Agreement*> by_id;
  for (const auto& v : list.record) by_id[v.agreement.id] = &v.agreement;
  std::map<std::string, std::string> path;
  for (const auto& [id, a] : by_id) {
    std::string p;
    for (const Agreement* x = a; x;) {
      // 0x1e and 0x1f sort before any character of a title: a parent comes before its children.
      p.insert(0, "\x1e" + x->title + "\x1f" + x->id);
      const auto parent = x->parent_id ? by_id.find(*x->parent_id) : by_id.end();
      x = parent == by_id.end() || p.size() > 100000 ? nullptr : parent->second;
    }
    path[id] = std::move(p);
  }
  return http::PagedBy(ctx.request, std::move(all), 1, [&](const json::object& item) {
    return std::vector<std::string>{path[std::string(item.at("id").as_string())]};
  });
}

// Documents.
Result<Response> ListDocuments(Svc& svc, RequestContext& ctx) {
  NS_ASSIGN_OR_RETURN(auto list,
                      svc.ListDocuments(ctx.user(), Alliance(ctx), ctx.Param("agreement_id")));
  json::array items;
  for (const auto& d : list) items.push_back(DocumentJson(d));
  return http::JsonResponse(200, json::object{{"items", std::move(items)}});
}

Result<Response> UploadDocument(Svc& svc, RequestContext& ctx) {
  const auto name = ctx.request.Query("name");
  if (auto problem = http::FileNameProblem(name.value_or(""), kNameMax)) {
    return Invalid("name", *problem);
  }
  NS_ASSIGN_OR_RETURN(
      auto d,
      svc.UploadDocument(ctx.user(), Alliance(ctx), ctx.Param("agreement_id"), *name,
                         ctx.request.Header("content-type").value_or(""), ctx.request.body));
  return http::JsonResponse(201, DocumentJson(d));
}

Result<Response> DownloadDocument(Svc& svc, RequestContext& ctx) {
  NS_ASSIGN_OR_RETURN(auto d,
                      svc.DownloadDocument(ctx.user(), Alliance(ctx), ctx.Param("agreement_id"),
                                           ctx.Param("document_id")));
  Response r;
  r.status = 200;
  r.body = std::move(d.bytes);
  r.SetHeader("Content-Type", d.document.content_type);
  r.SetHeader("Content-Disposition", http::AttachmentDisposition(d.document.name));
  r.SetHeader("X-Content-Type-Options", "nosniff");
  r.SetHeader("ETag", "\"" + d.document.sha256 + "\"");
  return r;
}

// Notes.
Result<Response> ListNotes(Svc& svc, RequestContext& ctx) {
  NS_ASSIGN_OR_RETURN(auto list,
                      svc.ListNotes(ctx.user(), Alliance(ctx), ctx.Param("agreement_id")));
  json::array all;
  for (const auto& n : list.record) all.push_back(NoteJson(n));
  return Paged(ctx.request, all, kByCreation);
}

Result<Response> CreateNote(Svc& svc, RequestContext& ctx) {
  NS_ASSIGN_OR_RETURN(json::object body, http::JsonBody(ctx.request));
  NS_ASSIGN_OR_RETURN(NoteInput input, ReadNote(body, true));
  NS_ASSIGN_OR_RETURN(auto n,
                      svc.CreateNote(ctx.user(), Alliance(ctx), ctx.Param("agreement_id"), input));
  return One(201, NoteJson(n.record), n.record.version);
}

Result<Response> UpdateNote(Svc& svc, RequestContext& ctx) {
  NS_ASSIGN_OR_RETURN(int64_t version, http::RequireIfMatch(ctx.request));
  NS_ASSIGN_OR_RETURN(json::object body, http::JsonBody(ctx.request));
  NS_ASSIGN_OR_RETURN(NoteInput input, ReadNote(body, false));
  NS_ASSIGN_OR_RETURN(auto n, svc.UpdateNote(ctx.user(), Alliance(ctx), ctx.Param("agreement_id"),
                                             ctx.Param("note_id"), version, input));
  return One(200, NoteJson(n.record), n.record.version);
}

Result<Response> DeleteNote(Svc& svc, RequestContext& ctx) {
  NS_TRY(
      svc.DeleteNote(ctx.user(), Alliance(ctx), ctx.Param("agreement_id"), ctx.Param("note_id")));
  return http::NoContent();
}

// Obligations.
Result<Response> ListObligations(Svc& svc, RequestContext& ctx) {
  NS_ASSIGN_OR_RETURN(auto list, svc.ListObligations(ctx.user(), Alliance(ctx)));
  json::array all;
  for (const auto& v : list.record) all.push_back(ObligationJson(list.context, v));
  NS_ASSIGN_OR_RETURN(all, Filtered(ctx.request, std::move(all),
                                    {{"agreement_id", "agreement_id", {}, true},
                                     {"category", "category", kCategories},
                                     {"owed_by", "owed_by", {}, true},
                                     {"responsible_user_id", "responsible_user_id", {}, true}}));
  return Paged(ctx.request, all, kByCreation);
}

json::array OccurrencesJson(const OccurrenceList& list) {
  json::array all;
  for (const auto& item : list.items) {
    json::object o = OccurrenceJson(list, item);
    const auto& v = list.obligations[item.obligation];
    if (!v.alliance_name.empty()) {
      o["alliance_id"] = v.obligation.alliance_id;
      o["alliance_name"] = v.alliance_name;
    }
    all.push_back(std::move(o));
  }
  return all;
}

Result<Response> OccurrencesResponse(const http::Request& request, json::array all) {
  NS_ASSIGN_OR_RETURN(all, Filtered(request, std::move(all),
                                    {{"status", "status", kOccurrenceStatuses},
                                     {"category", "category", kCategories},
                                     {"owed_by", "owed_by", {}, true},
                                     {"agreement_id", "agreement_id", {}, true},
                                     {"responsible_user_id", "responsible_user_id", {}, true}}));
  return http::JsonResponse(200, json::object{{"items", std::move(all)}});
}

Result<Response> ObligationOccurrences(Svc& svc, RequestContext& ctx) {
  NS_ASSIGN_OR_RETURN(Window w, ReadWindow(ctx.request, -90, 365));
  NS_ASSIGN_OR_RETURN(auto list, svc.Occurrences(ctx.user(), Alliance(ctx),
                                                 ctx.Param("obligation_id"), w.from, w.to));
  return OccurrencesResponse(ctx.request, OccurrencesJson(list.record));
}

Result<Response> AllianceOccurrences(Svc& svc, RequestContext& ctx) {
  NS_ASSIGN_OR_RETURN(Window w, ReadWindow(ctx.request, -90, 365));
  NS_ASSIGN_OR_RETURN(auto list,
                      svc.Occurrences(ctx.user(), Alliance(ctx), std::nullopt, w.from, w.to));
  return OccurrencesResponse(ctx.request, OccurrencesJson(list.record));
}

Result<Response> RecordOccurrence(Svc& svc, RequestContext& ctx) {
  const std::string due_on = ctx.Param("due_on");
  if (!IsValidDate(due_on)) return NotFound("The occurrence's date is not a date YYYY-MM-DD.");
  NS_ASSIGN_OR_RETURN(int64_t version, http::RequireIfMatch(ctx.request, 0));
  NS_ASSIGN_OR_RETURN(json::object body, http::JsonBody(ctx.request));
  NS_ASSIGN_OR_RETURN(OccurrenceInput input, ReadOccurrence(body));
  NS_ASSIGN_OR_RETURN(
      auto list, svc.RecordOccurrence(ctx.user(), Alliance(ctx), ctx.Param("obligation_id"), due_on,
                                      version, input));
  const auto& item = list.record.items.front();
  return One(200, OccurrenceJson(list.record, item), item.recorded ? item.recorded->version : 0);
}

Result<Response> MyObligations(Svc& svc, RequestContext& ctx) {
  NS_ASSIGN_OR_RETURN(Window w, ReadWindow(ctx.request, -90, 90));
  NS_ASSIGN_OR_RETURN(auto list, svc.MyObligations(ctx.user(), w.from, w.to));
  json::array all = OccurrencesJson(list);
  NS_ASSIGN_OR_RETURN(
      all, Filtered(ctx.request, std::move(all), {{"status", "status", kOccurrenceStatuses}}));
  return http::JsonResponse(200, json::object{{"items", std::move(all)}});
}

// Compliance.
Result<Response> GetCompliance(Svc& svc, RequestContext& ctx) {
  NS_ASSIGN_OR_RETURN(Window w, ReadWindow(ctx.request, -365, 0));
  NS_ASSIGN_OR_RETURN(const DayPattern days, http::ReadDayPattern(ctx.request));
  NS_ASSIGN_OR_RETURN(auto r, svc.GetCompliance(ctx.user(), Alliance(ctx), w.from, w.to));
  const Compliance& c = r.record;
  auto rows = [](const std::vector<ComplianceRow>& v) {
    json::array a;
    for (const auto& row : v) a.push_back(TallyJson(row.key, row.name, row.tally));
    return a;
  };
  json::array quarters;
  for (const auto& q : c.by_quarter) {
    quarters.push_back({{"quarter", q.quarter},
                        {"organization_id", OptionalJson(q.organization_id)},
                        {"name", q.name},
                        {"due", q.tally.due},
                        {"on_time", q.tally.on_time},
                        {"on_time_rate", OptionalJson(q.tally.Rate())}});
  }
  auto items = [&](const std::vector<size_t>& indices) {
    json::array a;
    for (size_t i : indices) {
      a.push_back(OccurrenceJson(c.occurrences, c.occurrences.items[i]));
    }
    return a;
  };
  json::array signals;
  for (const auto& s : c.signals) {
    const auto& o = c.occurrences.obligations[s.obligation].obligation;
    signals.push_back({{"obligation_id", o.id},
                       {"title", o.title},
                       {"agreement_id", o.agreement_id},
                       {"agreement_title", o.agreement_title},
                       {"late", s.signal.late},
                       {"waived", s.signal.waived},
                       {"considered", s.signal.considered},
                       {"reason", s.signal.reason}});
  }
  return http::JsonResponse(
      200, json::object{{"from", c.from},
                        {"to", c.to},
                        {"today", c.today},
                        {"by_party", rows(c.by_party)},
                        {"by_category", rows(c.by_category)},
                        {"by_quarter", std::move(quarters)},
                        {"overdue", items(c.overdue)},
                        {"due_within",
                         {{"d30", items(c.d30)}, {"d60", items(c.d60)}, {"d90", items(c.d90)}}},
                        {"signals", std::move(signals)}});
}

Result<Response> ExportCompliance(Svc& svc, RequestContext& ctx) {
  NS_ASSIGN_OR_RETURN(Window w, ReadWindow(ctx.request, -365, 0));
  NS_ASSIGN_OR_RETURN(const DayPattern days, http::ReadDayPattern(ctx.request));
  NS_ASSIGN_OR_RETURN(auto r, svc.GetCompliance(ctx.user(), Alliance(ctx), w.from, w.to));
  const Compliance& c = r.record;
  // The same words as the page: categories and statuses from docs/words.json, and who owes whom
  // in one column ("Helix Pharma → Nimbus Health", or "Joint").
  xlsx::Sheet obligations{
      "Obligations",
      {"Due on", "Obligation", "Agreement", "Clause", "Category", "Owed", "Responsible", "Status",
       "Fulfilled on", "On time", "Evidence", "Reason", "Approver"},
      {}};
  for (const auto& item : c.occurrences.items) {
    if (item.due_on < c.from || item.due_on > c.to) continue;
    const auto& o = c.occurrences.obligations[item.obligation].obligation;
    const Recorded* rec = item.recorded ? &*item.recorded : nullptr;
    std::string on_time;
    if (item.status == "fulfilled" && rec && rec->fulfilled_on) {
      on_time = Word("answer", *rec->fulfilled_on <= item.due_on ? "yes" : "no");
    }
    const std::string owed = o.direction == "joint" ? Word("obligation.owed", "joint")
                                                    : o.owed_by_name + " \u2192 " + o.owed_to_name;
    obligations.rows.push_back(
        {xlsx::Date(item.due_on), xlsx::Text(o.title), xlsx::Text(o.agreement_title),
         xlsx::Text(o.clause_ref), xlsx::Text(Word("obligation.category", o.category)),
         xlsx::Text(owed), xlsx::Text(o.responsible_name),
         xlsx::Text(Word("occurrence.status", item.status)),
         xlsx::Date(rec ? rec->fulfilled_on : std::nullopt), xlsx::Text(on_time),
         xlsx::Text(rec ? rec->evidence.value_or("") : ""),
         xlsx::Text(rec ? rec->reason.value_or("") : ""),
         xlsx::Text(rec ? rec->approver_name.value_or("") : "")});
  }
  xlsx::Sheet compliance{"Compliance",
                         {"View", "Party or category", "Due", "On time", "Late", "Overdue",
                          "Waived", "In dispute", "On-time rate"},
                         {}};
  auto add = [&](const char* view, const std::vector<ComplianceRow>& rows) {
    for (const auto& row : rows) {
      const Tally& t = row.tally;
      compliance.rows.push_back(
          {xlsx::Text(view), xlsx::Text(row.name), xlsx::Number(static_cast<double>(t.due)),
           xlsx::Number(static_cast<double>(t.on_time)), xlsx::Number(static_cast<double>(t.late)),
           xlsx::Number(static_cast<double>(t.overdue)),
           xlsx::Number(static_cast<double>(t.waived)),
           xlsx::Number(static_cast<double>(t.in_dispute)), xlsx::Percent(t.Rate())});
    }
  };
  add("By party", c.by_party);
  add("By category", c.by_category);
  Response res;
  res.status = 200;
  res.body = xlsx::Workbook({obligations, compliance}, days.SpreadsheetFormat());
  res.SetHeader("Content-Type",
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
  res.SetHeader("Content-Disposition",
                http::AttachmentDisposition("compliance-" + c.from + "-to-" + c.to + ".xlsx"));
  return res;
}

// Restrictions and the conflict check.
Result<Response> ListRestrictions(Svc& svc, RequestContext& ctx) {
  NS_ASSIGN_OR_RETURN(auto list, svc.ListRestrictions(ctx.user(), Alliance(ctx)));
  json::array all;
  for (const auto& r : list.record) all.push_back(RestrictionJson(list.context, r));
  NS_ASSIGN_OR_RETURN(all, Filtered(ctx.request, std::move(all),
                                    {{"agreement_id", "agreement_id", {}, true},
                                     {"kind", "kind", kRestrictionKinds}}));
  return Paged(ctx.request, all, kByCreation);
}

Response ConflictResponse(const ConflictCheck& check) {
  json::array hits;
  for (const auto& h : check.hits) {
    RecordContext names;  // party names of a restriction in another alliance: not resolved here
    json::object restriction = RestrictionJson(names, h.restriction);
    restriction["restricted_party_name"] = h.restriction.restricted_party_id
                                               ? json::value(check.organization_name)
                                               : json::value(nullptr);
    hits.push_back({{"restriction", std::move(restriction)},
                    {"alliance_id", h.alliance_id},
                    {"alliance_name", h.alliance_name},
                    {"agreement_id", h.restriction.agreement_id},
                    {"agreement_title", h.restriction.agreement_title},
                    {"clause_ref", h.restriction.clause_ref},
                    {"matched", ToJsonArray(h.matched)}});
  }
  return http::JsonResponse(200, json::object{{"checked_on", check.checked_on},
                                              {"organization_id", check.organization_id},
                                              {"organization_name", check.organization_name},
                                              {"proposal", ProposalJson(check.proposal)},
                                              {"hits", std::move(hits)}});
}

Result<Response> CheckConflicts(Svc& svc, RequestContext& ctx) {
  NS_ASSIGN_OR_RETURN(json::object body, http::JsonBody(ctx.request));
  InputReader in(body);
  ProposalInput input;
  input.proposal.therapeutic_areas =
      ReadTerms(in, "therapeutic_areas").value_or(std::vector<std::string>{});
  input.proposal.modalities = ReadTerms(in, "modalities").value_or(std::vector<std::string>{});
  input.proposal.territories = ReadTerms(in, "territories").value_or(std::vector<std::string>{});
  input.proposal.counterparty = in.String("counterparty", kOptional, kNameMax).value_or("");
  input.proposal.starts_on = in.Date("starts_on", kOptional);
  input.proposal.ends_on = in.Date("ends_on", kOptional);
  input.exclude_alliance_id = in.Id("exclude_alliance_id", kOptional);
  if (input.proposal.starts_on && input.proposal.ends_on &&
      *input.proposal.ends_on < *input.proposal.starts_on) {
    in.AddError("ends_on", "is before starts_on: dates out of order");
  }
  NS_TRY(FieldErrorsToStatus(in.Finish()));
  NS_ASSIGN_OR_RETURN(auto check, svc.CheckConflicts(ctx.user(), input));
  return ConflictResponse(check);
}

Result<Response> CheckAlliance(Svc& svc, RequestContext& ctx) {
  NS_ASSIGN_OR_RETURN(auto check, svc.CheckAlliance(ctx.user(), Alliance(ctx)));
  return ConflictResponse(check);
}

// The IP register.
Result<Response> ListIpAssets(Svc& svc, RequestContext& ctx) {
  NS_ASSIGN_OR_RETURN(auto list, svc.ListIpAssets(ctx.user(), Alliance(ctx)));
  json::array all;
  for (const auto& x : list.record) all.push_back(IpAssetJson(list.context, x));
  NS_ASSIGN_OR_RETURN(
      all, Filtered(ctx.request, std::move(all),
                    {{"kind", "kind", kIpKinds}, {"owner_party_id", "owner_party_id", {}, true}}));
  return Paged(ctx.request, all, kByCreation);
}

// The data register.
Result<Response> ListDatasets(Svc& svc, RequestContext& ctx) {
  NS_ASSIGN_OR_RETURN(auto list, svc.ListDatasets(ctx.user(), Alliance(ctx)));
  json::array all;
  for (const auto& v : list.record) all.push_back(DatasetJson(list.context, v));
  return Paged(ctx.request, all, kByCreation);
}

Result<Response> ConfirmDestruction(Svc& svc, RequestContext& ctx) {
  NS_ASSIGN_OR_RETURN(int64_t version, http::RequireIfMatch(ctx.request));
  NS_ASSIGN_OR_RETURN(json::object body, http::JsonBody(ctx.request));
  InputReader in(body);
  auto destroyed_on = in.Date("destroyed_on", kRequired);
  auto evidence = in.String("evidence", kRequired, kEvidenceMax, 1);
  NS_TRY(FieldErrorsToStatus(in.Finish()));
  NS_ASSIGN_OR_RETURN(
      auto v, svc.ConfirmDestruction(ctx.user(), Alliance(ctx), ctx.Param("dataset_id"), version,
                                     *destroyed_on, *evidence));
  return One(200, DatasetJson(v.context, v.record), v.record.dataset.version);
}

// ---- one collection of records: create, read, update, delete --------------------------------

int64_t AgreementVersion(const AgreementView& v) { return v.agreement.version; }
int64_t ObligationVersion(const ObligationView& v) { return v.obligation.version; }
int64_t DatasetVersion(const DatasetView& v) { return v.dataset.version; }

template <typename View, typename Input>
using Collection = http::Collection<Svc, Input, WithContext<View>>;

}  // namespace

void RegisterRoutes(http::Router& router, AgreementsService& svc) {
  using Fn = Result<Response> (*)(Svc&, RequestContext&);
  auto bind = [&svc](Fn fn) { return [&svc, fn](RequestContext& ctx) { return fn(svc, ctx); }; };
  const std::string base = "/api/v1/alliances/{id}";
  http::AddCollection(router, svc, base, "id",
                      Collection<AgreementView, AgreementInput>{
                          "agreements", "agreement_id", ListAgreements, ReadAgreement,
                          &Svc::GetAgreement, &Svc::CreateAgreement, &Svc::UpdateAgreement,
                          &Svc::DeleteAgreement, AnswerJson<AgreementView, AgreementJson>,
                          AnswerVersion<AgreementView, AgreementVersion>});
  http::AddCollection(router, svc, base, "id",
                      Collection<ObligationView, ObligationInput>{
                          "obligations", "obligation_id", ListObligations, ReadObligation,
                          &Svc::GetObligation, &Svc::CreateObligation, &Svc::UpdateObligation,
                          &Svc::DeleteObligation, AnswerJson<ObligationView, ObligationJson>,
                          AnswerVersion<ObligationView, ObligationVersion>});
  http::AddCollection(router, svc, base, "id",
                      Collection<Restriction, RestrictionInput>{
                          "restrictions", "restriction_id", ListRestrictions, ReadRestriction,
                          &Svc::GetRestriction, &Svc::CreateRestriction, &Svc::UpdateRestriction,
                          &Svc::DeleteRestriction, AnswerJson<Restriction, RestrictionJson>,
                          AnswerVersion<Restriction, records::VersionOf<Restriction>>});
  http::AddCollection(
      router, svc, base, "id",
      Collection<IpAsset, IpAssetInput>{"ip-assets", "ip_asset_id", ListIpAssets, ReadIpAsset,
                                        &Svc::GetIpAsset, &Svc::CreateIpAsset, &Svc::UpdateIpAsset,
                                        &Svc::DeleteIpAsset, AnswerJson<IpAsset, IpAssetJson>,
                                        AnswerVersion<IpAsset, records::VersionOf<IpAsset>>});
  http::AddCollection(
      router, svc, base, "id",
      Collection<DatasetView, DatasetInput>{
          "datasets", "dataset_id", ListDatasets, ReadDataset, &Svc::GetDataset,
          &Svc::CreateDataset, &Svc::UpdateDataset, &Svc::DeleteDataset,
          AnswerJson<DatasetView, DatasetJson>, AnswerVersion<DatasetView, DatasetVersion>});
  const std::string agreement = base + "/agreements/{agreement_id}";
  router.Add("GET", agreement + "/documents", bind(ListDocuments));
  router.Add("POST", agreement + "/documents", bind(UploadDocument),
             {http::Access::kSignedIn, http::Work::kDatabase, http::Body::kRaw});
  router.Add("GET", agreement + "/documents/{document_id}/content", bind(DownloadDocument));
  router.Add("GET", agreement + "/notes", bind(ListNotes));
  router.Add("POST", agreement + "/notes", bind(CreateNote));
  router.Add("PATCH", agreement + "/notes/{note_id}", bind(UpdateNote));
  router.Add("DELETE", agreement + "/notes/{note_id}", bind(DeleteNote));
  const std::string obligation = base + "/obligations/{obligation_id}";
  router.Add("GET", obligation + "/occurrences", bind(ObligationOccurrences));
  router.Add("PUT", obligation + "/occurrences/{due_on}", bind(RecordOccurrence));
  router.Add("GET", base + "/occurrences", bind(AllianceOccurrences));
  router.Add("GET", base + "/compliance", bind(GetCompliance));
  router.Add("GET", base + "/compliance/export.xlsx", bind(ExportCompliance));
  router.Add("GET", base + "/conflict-check", bind(CheckAlliance));
  router.Add("POST", base + "/datasets/{dataset_id}/destruction", bind(ConfirmDestruction));
  router.Add("POST", "/api/v1/conflict-check", bind(CheckConflicts));
  router.Add("GET", "/api/v1/me/obligations", bind(MyObligations));
}

}  // namespace northstar::agreements
