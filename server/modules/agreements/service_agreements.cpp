// Agreements with their documents and internal notes, restrictions and the conflict check, and
// the IP and data registers.
#include <sodium.h>

#include <algorithm>
#include <cmath>
#include <set>

#include "modules/agreements/service_common.hpp"
#include "modules/alliances/service.hpp"
#include "modules/notifications/service.hpp"
#include "platform/common/ids.hpp"
#include "platform/common/time.hpp"

namespace northstar::agreements {

// Besides the described fields: the shares and licences.
json::object AuditOf(const IpAsset& i) {
  json::object o = records::Audit(i);
  json::array shares;
  for (const auto& s : i.shares) {
    shares.push_back(json::object{{"organization_id", s.organization_id}, {"percent", s.percent}});
  }
  o["shares"] = std::move(shares);
  json::array licences;
  for (const auto& l : i.licences) {
    licences.push_back(json::object{{"licensee_id", l.licensee_id},
                                    {"field", l.field},
                                    {"territory", l.territory},
                                    {"exclusive", l.exclusive}});
  }
  o["licences"] = std::move(licences);
  return o;
}

namespace internal {

bool IsWriter(const access::Membership& m) {
  return access::Authorize(m, access::AllianceAction::kWriteRecords).ok();
}

bool IsManager(const access::Membership& m) {
  return access::Authorize(m, access::AllianceAction::kCommitParty).ok();
}

Status RequireOrder(const std::optional<std::string>& earlier, const std::string& earlier_field,
                    const std::optional<std::string>& later, const std::string& later_field) {
  if (earlier && later && *later < *earlier) {
    return Invalid(later_field, "is before " + earlier_field + ": dates out of order");
  }
  return OkStatus();
}

std::vector<Amendment> AmendmentsOf(const Agreement& a, const std::vector<Agreement>& all) {
  std::vector<Amendment> out;
  for (const auto& x : all) {
    if (x.relation != "amendment" || x.parent_id != a.id) continue;
    out.push_back({x.id, x.status, x.created_at, x.effective_on, x.signed_on, x.term_changes});
  }
  return out;
}

Terms TermsOn(const Agreement& a, const std::vector<Agreement>& all, const std::string& today) {
  Terms base;
  base.expiry_on = a.expiry_on;
  base.notice_period_days = a.notice_period_days;
  base.governing_law = a.governing_law;
  base.field = a.field;
  base.territory = a.territory;
  base.exclusivity = a.exclusivity;
  return AsAmended(std::move(base), AmendmentsOf(a, all), today);
}

}  // namespace internal

using namespace internal;

namespace {

// An agreement of the alliance (of any visibility) that `referring` may point to.
Status RequireAgreement(db::Session& s, const RecordContext& c, const std::string& agreement_id,
                        const RecordBase& referring, const std::string& field) {
  return RequireCovered(
      c, records::Find(s, store::Agreements(), c.membership.alliance_id, agreement_id), referring,
      field, "an agreement");
}

Status RequireParties(const RecordContext& c, const std::vector<std::string>& ids,
                      const std::string& field) {
  std::set<std::string> seen;
  for (size_t i = 0; i < ids.size(); ++i) {
    const std::string path = field + "[" + std::to_string(i) + "]";
    if (!alliances::IsParty(c, ids[i])) return Invalid(path, "is not a party of this alliance");
    if (!seen.insert(ids[i]).second) return Invalid(path, "is listed twice");
  }
  return OkStatus();
}

// The amendments of `id` the caller may read, oldest first, with the terms as amended today.
AgreementView ViewOf(const RecordContext& c, Agreement a, const std::vector<Agreement>& visible,
                     int64_t document_count, int64_t obligation_count) {
  AgreementView v;
  std::vector<Amendment> amendments = AmendmentsOf(a, visible);
  // The history, oldest first: by the date each takes effect, then by creation.
  std::sort(amendments.begin(), amendments.end(), [](const Amendment& l, const Amendment& r) {
    const std::string lk =
        l.effective_on.value_or(l.signed_on.value_or(l.created_at.substr(0, 10)));
    const std::string rk =
        r.effective_on.value_or(r.signed_on.value_or(r.created_at.substr(0, 10)));
    return std::tie(lk, l.created_at) < std::tie(rk, r.created_at);
  });
  for (const auto& m : amendments) {
    const auto& x = *std::find_if(visible.begin(), visible.end(),
                                  [&](const Agreement& g) { return g.id == m.id; });
    v.amendments.push_back({x.id, x.title, x.status, x.effective_on, x.term_changes,
                            x.obligation_changes, AmendmentInForce(m, c.today)});
  }
  v.as_amended = TermsOn(a, visible, c.today);
  v.document_count = document_count;
  v.obligation_count = obligation_count;
  v.agreement = std::move(a);
  return v;
}

std::vector<AgreementView> ViewsOf(db::Session& s, const RecordContext& c,
                                   const std::vector<Agreement>& visible,
                                   const std::vector<std::string>& only = {}) {
  const auto documents = store::DocumentCounts(s, c.membership.alliance_id);
  std::map<std::string, int64_t> obligations;
  for (const auto& o :
       records::List(s, store::Obligations(), c.membership.alliance_id, {c.membership})) {
    ++obligations[o.agreement_id];
  }
  std::vector<AgreementView> out;
  for (const auto& a : visible) {
    if (!only.empty() && std::find(only.begin(), only.end(), a.id) == only.end()) continue;
    const auto d = documents.find(a.id);
    const auto o = obligations.find(a.id);
    out.push_back(ViewOf(c, a, visible, d == documents.end() ? 0 : d->second,
                         o == obligations.end() ? 0 : o->second));
  }
  return out;
}

Result<WithContext<AgreementView>> AgreementResult(db::Session& s, RecordContext c,
                                                   const std::string& id) {
  auto visible = records::List(s, store::Agreements(), c.membership.alliance_id, {c.membership});
  auto views = ViewsOf(s, c, visible, {id});
  if (views.empty()) return NotFound();
  return Within(std::move(c), std::move(views.front()));
}

// How deep sub-agreements may nest under a master agreement.
constexpr size_t kMaxDepth = 8;

// The access scopes of every record that refers to agreement `id`, whoever may see them.
std::vector<access::RecordScope> DependentScopes(db::Session& s, const std::string& alliance_id,
                                                 const std::string& id) {
  std::vector<access::RecordScope> out;
  auto add = [&](const auto& table, auto refers) {
    for (const auto& r : records::All(s, table, alliance_id)) {
      if (refers(r)) out.push_back(ScopeOf(r));
    }
  };
  add(store::Agreements(), [&](const Agreement& r) { return r.parent_id == id; });
  add(store::Notes(), [&](const Note& r) { return r.agreement_id == id; });
  add(store::Obligations(), [&](const Obligation& r) { return r.agreement_id == id; });
  add(store::Restrictions(), [&](const Restriction& r) { return r.agreement_id == id; });
  add(store::IpAssets(), [&](const IpAsset& r) { return r.agreement_id == id; });
  add(store::Datasets(), [&](const Dataset& r) { return r.agreement_id == id; });
  return out;
}

Status ApplyAgreement(db::Session& s, const RecordContext& c, const AgreementInput& in,
                      Agreement& a, const Agreement* current) {
  // A new agreement binds every party of the alliance unless it names its parties.
  if (!current && !in.party_ids) {
    for (const auto& p : c.parties) a.party_ids.push_back(p.organization_id);
  }
  Assign(a.term_changes, in.term_changes);
  Assign(a.obligation_changes, in.obligation_changes);

  if (a.party_ids.empty()) return Invalid("party_ids", "needs at least one party");
  NS_TRY(RequireParties(c, a.party_ids, "party_ids"));
  NS_TRY(RequireOrder(a.effective_on, "effective_on", a.expiry_on, "expiry_on"));
  NS_TRY(RequireOrder(a.signed_on, "signed_on", a.expiry_on, "expiry_on"));
  // A signature still to come is an expected date: it belongs to a draft or a negotiation, not
  // to an agreement recorded as signed or in force.
  if (IsInForce(a.status) && a.signed_on && *a.signed_on > c.today) {
    return Invalid("signed_on", "is in the future: an agreement that is " +
                                    std::string(a.status == "active" ? "active" : "signed") +
                                    " was signed on or before today");
  }
  const std::string& alliance_id = c.membership.alliance_id;
  if (a.relation == "master") {
    if (a.parent_id) return Invalid("parent_id", "must be null for a master agreement");
  } else {
    if (!a.parent_id) return Invalid("parent_id", "is required for a " + a.relation);
    if (*a.parent_id == a.id) return Invalid("parent_id", "would create a cycle");
    auto parent = records::Find(s, store::Agreements(), alliance_id, *a.parent_id);
    NS_TRY(RequireCovered(c, parent, a, "parent_id", "an agreement"));
    if (parent->relation == "amendment") {
      return Invalid("parent_id", "is an amendment; amendments have no sub-agreements");
    }
    // Walk up from the parent: reaching this agreement again would close a cycle.
    const auto all = records::All(s, store::Agreements(), alliance_id);
    std::optional<std::string> up = parent->parent_id;
    size_t depth = 1;
    for (; up && depth <= all.size(); ++depth) {
      if (*up == a.id) return Invalid("parent_id", "would create a cycle");
      auto it =
          std::find_if(all.begin(), all.end(), [&](const Agreement& x) { return x.id == *up; });
      up = it == all.end() ? std::nullopt : it->parent_id;
    }
    if (depth > kMaxDepth) {  // depth: the new agreement's level under its master
      return Invalid("parent_id", "is nested too deeply: at most " + std::to_string(kMaxDepth) +
                                      " levels under a master agreement");
    }
  }
  // A narrower agreement must still be readable by everyone who reads a record that refers to
  // it (its title shows in them); the records are not named, whoever may see them.
  if (current && !access::Covers(ScopeOf(a), ScopeOf(*current))) {
    for (const auto& dependent : DependentScopes(s, alliance_id, a.id)) {
      if (!access::Covers(ScopeOf(a), dependent)) {
        return Conflict(
            "Records that refer to this agreement are visible to people this change"
            " would hide the agreement from; narrow those records first.");
      }
    }
  }
  if (current && a.relation == "amendment" &&
      store::CountReferences(s, "agreements", "parent_id", a.id) > 0) {
    return Invalid("relation",
                   "the agreement has sub-agreements or amendments; an amendment"
                   " cannot");
  }
  if (a.relation != "amendment") {
    if (!a.term_changes.Empty()) return Invalid("term_changes", "only an amendment changes terms");
    if (!a.obligation_changes.empty()) {
      return Invalid("obligation_changes", "only an amendment changes obligations");
    }
  }
  for (size_t i = 0; i < a.obligation_changes.size(); ++i) {
    auto o =
        records::Find(s, store::Obligations(), alliance_id, a.obligation_changes[i].obligation_id);
    const std::string path = "obligation_changes[" + std::to_string(i) + "].obligation_id";
    NS_TRY(RequireCovered(c, o, a, path, "an obligation"));
    if (o->agreement_id != a.parent_id) {
      return Invalid(path, "is not an obligation of the amended agreement");
    }
  }
  return OkStatus();
}

}  // namespace

// ---- agreements ---------------------------------------------------------------------------

Result<WithContext<std::vector<AgreementView>>> AgreementsService::ListAgreements(
    const auth::Principal& actor, const std::string& alliance_id) {
  db::Session s(db_);
  db::ReadSnapshot snapshot(s);
  NS_ASSIGN_OR_RETURN(RecordContext c, EnterAlliance(s, actor, alliance_id));
  auto visible = records::List(s, store::Agreements(), alliance_id, {c.membership});
  auto views = ViewsOf(s, c, visible);
  return Within(std::move(c), std::move(views));
}

Result<WithContext<AgreementView>> AgreementsService::GetAgreement(const auth::Principal& actor,
                                                                   const std::string& alliance_id,
                                                                   const std::string& id) {
  db::Session s(db_);
  db::ReadSnapshot snapshot(s);
  NS_ASSIGN_OR_RETURN(RecordContext c, EnterAlliance(s, actor, alliance_id));
  return AgreementResult(s, std::move(c), id);
}

Result<WithContext<AgreementView>> AgreementsService::CreateAgreement(
    const auth::Principal& actor, const std::string& alliance_id, const AgreementInput& input) {
  NS_ASSIGN_OR_RETURN(auto created, CreateOf(db_, actor, alliance_id, store::Agreements(),
                                             "agreement", input, ApplyAgreement));
  return GetAgreement(actor, alliance_id, created.record.id);
}

Result<WithContext<AgreementView>> AgreementsService::UpdateAgreement(
    const auth::Principal& actor, const std::string& alliance_id, const std::string& id,
    int64_t version, const AgreementInput& input) {
  NS_ASSIGN_OR_RETURN(auto updated, UpdateOf(db_, actor, alliance_id, store::Agreements(),
                                             "agreement", id, version, input, ApplyAgreement));
  return GetAgreement(actor, alliance_id, updated.record.id);
}

Status AgreementsService::DeleteAgreement(const auth::Principal& actor,
                                          const std::string& alliance_id, const std::string& id) {
  return DeleteOf(db_, actor, alliance_id, store::Agreements(), "agreement", id,
                  [&actor](db::Session& s, const Agreement& a) -> Status {
                    const std::pair<const char*, const char*> refs[] = {
                        {"agreements", "parent_id"},      {"obligations", "agreement_id"},
                        {"restrictions", "agreement_id"}, {"agreement_documents", "agreement_id"},
                        {"ip_assets", "agreement_id"},    {"datasets", "agreement_id"}};
                    for (const auto& [table, column] : refs) {
                      if (store::CountReferences(s, table, column, a.id) > 0) {
                        return Conflict(
                            "Records still refer to the agreement (sub-agreements, amendments,"
                            " obligations, restrictions, documents or register entries); remove"
                            " them first or set its status to terminated.");
                      }
                    }
                    // Each party's internal notes on the agreement go with it, audited.
                    for (const auto& n : records::All(s, store::Notes(), a.alliance_id)) {
                      if (n.agreement_id != a.id) continue;
                      records::Delete(s, store::Notes(), n.id);
                      alliances::AuditRecord(s, actor.user_id, n, "agreement_note", "delete",
                                             audit::Deleted(alliances::AuditView(n)), ScopeOf(n));
                    }
                    return OkStatus();
                  });
}

// ---- documents ----------------------------------------------------------------------------

namespace {

std::string Sha256Hex(const std::string& bytes) {
  unsigned char digest[crypto_hash_sha256_BYTES];
  crypto_hash_sha256(digest, reinterpret_cast<const unsigned char*>(bytes.data()), bytes.size());
  static const char* hex = "0123456789abcdef";
  std::string out;
  for (unsigned char b : digest) {
    out += hex[b >> 4];
    out += hex[b & 15];
  }
  return out;
}

std::string ToBase64(const std::string& bytes) {
  std::string out(sodium_base64_ENCODED_LEN(bytes.size(), sodium_base64_VARIANT_ORIGINAL), '\0');
  sodium_bin2base64(out.data(), out.size(), reinterpret_cast<const unsigned char*>(bytes.data()),
                    bytes.size(), sodium_base64_VARIANT_ORIGINAL);
  out.resize(out.size() - 1);  // the terminating NUL
  return out;
}

std::optional<std::string> FromBase64(const std::string& text) {
  std::string out(text.size() / 4 * 3 + 3, '\0');
  size_t length = 0;
  if (sodium_base642bin(reinterpret_cast<unsigned char*>(out.data()), out.size(), text.data(),
                        text.size(), nullptr, &length, nullptr,
                        sodium_base64_VARIANT_ORIGINAL) != 0) {
    return std::nullopt;
  }
  out.resize(length);
  return out;
}

// The agreement, when the caller may read it.
Result<Agreement> ReadableAgreement(db::Session& s, const RecordContext& c,
                                    const std::string& agreement_id) {
  return alliances::Visible(
      c, records::Find(s, store::Agreements(), c.membership.alliance_id, agreement_id));
}

}  // namespace

Result<std::vector<Document>> AgreementsService::ListDocuments(const auth::Principal& actor,
                                                               const std::string& alliance_id,
                                                               const std::string& agreement_id) {
  db::Session s(db_);
  db::ReadSnapshot snapshot(s);
  NS_ASSIGN_OR_RETURN(RecordContext c, EnterAlliance(s, actor, alliance_id));
  NS_ASSIGN_OR_RETURN(Agreement a, ReadableAgreement(s, c, agreement_id));
  return store::ListDocuments(s, a.id);
}

Result<Document> AgreementsService::UploadDocument(
    const auth::Principal& actor, const std::string& alliance_id, const std::string& agreement_id,
    const std::string& name, const std::string& declared_type, const std::string& bytes) {
  db::Session s(db_);
  db::Transaction tx(s);
  records::LockAlliance(s, alliance_id);
  NS_ASSIGN_OR_RETURN(RecordContext c, EnterAlliance(s, actor, alliance_id));
  NS_ASSIGN_OR_RETURN(Agreement a, ReadableAgreement(s, c, agreement_id));
  NS_TRY(access::AuthorizeByRecordRole(c.membership, ScopeOf(a), IsWriter(c.membership),
                                       "alliance managers and members"));
  if (bytes.size() > upload_limit_) {
    return MakeError(ErrorCode::kPayloadTooLarge, "The file is larger than the limit of " +
                                                      std::to_string(upload_limit_) + " bytes.");
  }
  // Browsers on Windows declare a .csv as a spreadsheet or as plain text: not a claim to check.
  std::string declared = declared_type.substr(0, declared_type.find(';'));
  const bool csv = name.size() > 4 && (name.substr(name.size() - 4) == ".csv" ||
                                       name.substr(name.size() - 4) == ".CSV");
  if (csv && (declared == "application/vnd.ms-excel" || declared == "text/plain" ||
              declared == "application/csv")) {
    declared.clear();
  }
  const UploadCheck check = CheckUpload(name, declared.empty() ? "" : declared_type, bytes);
  if (!check.ok) return Invalid("file", check.error);
  Document d;
  d.id = NewId();
  d.agreement_id = a.id;
  d.name = name;
  d.version = store::NextDocumentVersion(s, a.id, name);
  d.content_type = check.content_type;
  d.size_bytes = static_cast<int64_t>(bytes.size());
  d.sha256 = Sha256Hex(bytes);
  d.uploaded_by = actor.user_id;
  d.uploaded_at = NowText();
  store::InsertDocument(s, d, ToBase64(bytes));
  alliances::AuditRecord(s, actor.user_id, a, "agreement", "document_upload",
                         {{"document",
                           {{"before", nullptr},
                            {"after", json::object{{"id", d.id},
                                                   {"name", d.name},
                                                   {"version", d.version},
                                                   {"content_type", d.content_type},
                                                   {"size_bytes", d.size_bytes},
                                                   {"sha256", d.sha256}}}}}},
                         ScopeOf(a));
  auto stored = store::FindDocument(s, a.id, d.id);
  tx.Commit();
  return std::move(*stored);
}

Result<DocumentContent> AgreementsService::DownloadDocument(const auth::Principal& actor,
                                                            const std::string& alliance_id,
                                                            const std::string& agreement_id,
                                                            const std::string& document_id) {
  db::Session s(db_);
  db::ReadSnapshot snapshot(s);
  NS_ASSIGN_OR_RETURN(RecordContext c, EnterAlliance(s, actor, alliance_id));
  NS_ASSIGN_OR_RETURN(Agreement a, ReadableAgreement(s, c, agreement_id));
  auto d = store::FindDocument(s, a.id, document_id);
  if (!d) return NotFound();
  auto text = store::DocumentContent(s, d->id);
  auto bytes = text ? FromBase64(*text) : std::nullopt;
  if (!bytes) return NotFound("The document's content is missing.");
  return DocumentContent{std::move(*d), std::move(*bytes)};
}

// ---- internal notes -----------------------------------------------------------------------

namespace {

Status ApplyNote(db::Session& s, const RecordContext& c, const NoteInput&, Note& n, const Note*) {
  return RequireAgreement(s, c, n.agreement_id, n, "agreement_id");
}

}  // namespace

Result<WithContext<std::vector<Note>>> AgreementsService::ListNotes(
    const auth::Principal& actor, const std::string& alliance_id, const std::string& agreement_id) {
  NS_TRY(GetOf(db_, actor, alliance_id, store::Agreements(), agreement_id));
  NS_ASSIGN_OR_RETURN(auto list, ListOf(db_, actor, alliance_id, store::Notes()));
  std::erase_if(list.record, [&](const Note& n) { return n.agreement_id != agreement_id; });
  return list;
}

Result<WithContext<Note>> AgreementsService::CreateNote(const auth::Principal& actor,
                                                        const std::string& alliance_id,
                                                        const std::string& agreement_id,
                                                        const NoteInput& input) {
  NS_TRY(GetOf(db_, actor, alliance_id, store::Agreements(), agreement_id));
  return CreateOf(db_, actor, alliance_id, store::Notes(), "agreement_note", input,
                  [&](db::Session& s, const RecordContext& c, const NoteInput& in, Note& n,
                      const Note* current) {
                    n.agreement_id = agreement_id;
                    return ApplyNote(s, c, in, n, current);
                  });
}

Result<WithContext<Note>> AgreementsService::UpdateNote(const auth::Principal& actor,
                                                        const std::string& alliance_id,
                                                        const std::string& agreement_id,
                                                        const std::string& id, int64_t version,
                                                        const NoteInput& input) {
  NS_ASSIGN_OR_RETURN(auto note, GetOf(db_, actor, alliance_id, store::Notes(), id));
  if (note.record.agreement_id != agreement_id) return NotFound();
  return UpdateOf(db_, actor, alliance_id, store::Notes(), "agreement_note", id, version, input,
                  ApplyNote);
}

Status AgreementsService::DeleteNote(const auth::Principal& actor, const std::string& alliance_id,
                                     const std::string& agreement_id, const std::string& id) {
  return DeleteOf(db_, actor, alliance_id, store::Notes(), "agreement_note", id,
                  [&](db::Session&, const Note& n) -> Status {
                    return n.agreement_id == agreement_id ? OkStatus() : Status(NotFound());
                  });
}

// ---- restrictions and the conflict check --------------------------------------------------

namespace {

Status ApplyRestriction(db::Session& s, const RecordContext& c, const RestrictionInput&,
                        Restriction& r, const Restriction*) {
  NS_TRY(RequireOrder(r.starts_on, "starts_on", r.ends_on, "ends_on"));
  auto agreement = records::Find(s, store::Agreements(), c.membership.alliance_id, r.agreement_id);
  NS_TRY(RequireCovered(c, agreement, r, "agreement_id", "an agreement"));
  if (r.restricted_party_id && std::find(agreement->party_ids.begin(), agreement->party_ids.end(),
                                         *r.restricted_party_id) == agreement->party_ids.end()) {
    return Invalid("restricted_party_id", "is not a party of the agreement");
  }
  return OkStatus();
}

// The restriction's scope, its open dates falling back to the agreement's.
RestrictionScope ScopeFor(const Restriction& r, const Agreement& a) {
  RestrictionScope scope{r.therapeutic_areas, r.modalities, r.territories,
                         r.counterparties,    r.starts_on,  r.ends_on};
  if (!scope.starts_on) scope.starts_on = a.effective_on ? a.effective_on : a.signed_on;
  if (!scope.ends_on) scope.ends_on = a.expiry_on;
  return scope;
}

// The check for one person of `organization_id`: every restriction they may read, in agreements
// in force that their organisation is a party to and bound by, in every alliance they belong to.
// `proposals`: one per counterparty (an alliance with several other parties proposes a deal with
// each); `shown` is what the answer reports as the proposal.
ConflictCheck RunCheck(db::Session& s, const std::string& user_id,
                       const std::string& organization_id, const std::vector<Proposal>& proposals,
                       const Proposal& shown, const std::optional<std::string>& exclude_alliance_id,
                       const std::string& today) {
  ConflictCheck out;
  out.checked_on = today;
  out.organization_id = organization_id;
  out.organization_name = store::OrganizationName(s, organization_id);
  out.proposal = shown;
  for (const auto& b : store::AlliancesOf(s, user_id)) {
    if (b.alliance_id == exclude_alliance_id) continue;
    auto member = access::FindMembership(s, b.alliance_id, user_id);
    if (!member) continue;
    const records::Audience audience{*member};
    std::map<std::string, Agreement> agreements;
    for (auto& a : records::List(s, store::Agreements(), b.alliance_id, audience)) {
      agreements.emplace(a.id, std::move(a));
    }
    for (auto& r : records::List(s, store::Restrictions(), b.alliance_id, audience)) {
      const auto a = agreements.find(r.agreement_id);
      if (a == agreements.end() || !IsInForce(a->second.status)) continue;
      const auto& parties = a->second.party_ids;
      if (std::find(parties.begin(), parties.end(), organization_id) == parties.end()) continue;
      if (r.restricted_party_id && *r.restricted_party_id != organization_id) continue;
      std::optional<std::vector<std::string>> matched;
      for (const auto& proposal : proposals) {
        matched = MayTouch(ScopeFor(r, a->second), proposal, today);
        if (matched) break;
      }
      if (!matched) continue;
      out.hits.push_back({std::move(r), b.alliance_id, b.alliance_name, std::move(*matched)});
    }
  }
  return out;
}

// What an alliance proposes to `organization_id`: its areas and territory from today, with each
// other party as a counterparty (one proposal per counterparty), and the same as one for display.
struct AllianceProposal {
  std::vector<Proposal> each;
  Proposal shown;
};

AllianceProposal ProposalOf(const alliances::Alliance& a, const std::string& organization_id,
                            const std::string& today) {
  AllianceProposal out;
  Proposal& p = out.shown;
  p.therapeutic_areas = a.therapeutic_areas;
  if (!a.territory.empty()) p.territories = {a.territory};
  p.starts_on = today;
  for (const auto& party : a.parties) {
    if (party.organization_id == organization_id) continue;
    Proposal one = p;
    one.counterparty = party.organization_name;
    out.each.push_back(std::move(one));
  }
  for (const auto& one : out.each) {
    p.counterparty += (p.counterparty.empty() ? "" : ", ") + one.counterparty;
  }
  if (out.each.empty()) out.each.push_back(p);
  return out;
}

}  // namespace

Result<WithContext<std::vector<Restriction>>> AgreementsService::ListRestrictions(
    const auth::Principal& actor, const std::string& alliance_id) {
  return ListOf(db_, actor, alliance_id, store::Restrictions());
}

Result<WithContext<Restriction>> AgreementsService::GetRestriction(const auth::Principal& actor,
                                                                   const std::string& alliance_id,
                                                                   const std::string& id) {
  return GetOf(db_, actor, alliance_id, store::Restrictions(), id);
}

Result<WithContext<Restriction>> AgreementsService::CreateRestriction(
    const auth::Principal& actor, const std::string& alliance_id, const RestrictionInput& input) {
  return CreateOf(db_, actor, alliance_id, store::Restrictions(), "restriction", input,
                  ApplyRestriction);
}

Result<WithContext<Restriction>> AgreementsService::UpdateRestriction(
    const auth::Principal& actor, const std::string& alliance_id, const std::string& id,
    int64_t version, const RestrictionInput& input) {
  return UpdateOf(db_, actor, alliance_id, store::Restrictions(), "restriction", id, version, input,
                  ApplyRestriction);
}

Status AgreementsService::DeleteRestriction(const auth::Principal& actor,
                                            const std::string& alliance_id, const std::string& id) {
  return DeleteOf(db_, actor, alliance_id, store::Restrictions(), "restriction", id);
}

Result<ConflictCheck> AgreementsService::CheckConflicts(const auth::Principal& actor,
                                                        const ProposalInput& input) {
  db::Session s(db_);
  db::ReadSnapshot snapshot(s);
  return RunCheck(s, actor.user_id, actor.organization_id, {input.proposal}, input.proposal,
                  input.exclude_alliance_id, TodayText());
}

Result<ConflictCheck> AgreementsService::CheckAlliance(const auth::Principal& actor,
                                                       const std::string& alliance_id) {
  db::Session s(db_);
  db::ReadSnapshot snapshot(s);
  NS_ASSIGN_OR_RETURN(RecordContext c, EnterAlliance(s, actor, alliance_id));
  auto alliance = alliances::LoadAlliance(s, alliance_id);
  if (!alliance) return NotFound();
  const auto proposal = ProposalOf(*alliance, c.membership.organization_id, c.today);
  return RunCheck(s, actor.user_id, c.membership.organization_id, proposal.each, proposal.shown,
                  alliance_id, c.today);
}

void AgreementsService::OnNegotiation(db::Session& s, const std::string& alliance_id,
                                      const std::string& transition_id) {
  auto alliance = alliances::LoadAlliance(s, alliance_id);
  if (!alliance) return;
  const std::string today = TodayText();
  const std::string dedupe_key = "conflict_check:" + alliance_id + ":" + transition_id;
  for (const auto& m : alliances::MembersOf(s, alliance_id)) {
    if (m.role != "manager") continue;
    const auto proposal = ProposalOf(*alliance, m.organization_id, today);
    const ConflictCheck check = RunCheck(s, m.user_id, m.organization_id, proposal.each,
                                         proposal.shown, alliance_id, today);
    if (check.hits.empty()) continue;
    std::string clauses;
    for (const auto& h : check.hits) {
      if (!clauses.empty()) clauses += "; ";
      clauses += h.restriction.agreement_title +
                 (h.restriction.clause_ref.empty() ? "" : " " + h.restriction.clause_ref) + " (" +
                 h.alliance_name + ")";
    }
    const auto n = std::to_string(check.hits.size());
    notifications::Notify(
        s, {m.user_id, alliance_id, "conflict_check",
            "Conflict check: " + n + (check.hits.size() == 1 ? " restriction" : " restrictions") +
                " may be touched by " + alliance->name,
            alliance->name + " moved to negotiation. Restrictions in " + check.organization_name +
                "'s signed agreements it may touch: " + clauses + ".",
            "/alliances/" + alliance_id + "/agreements?section=restrictions", "alliance",
            alliance_id, dedupe_key});
  }
}

// ---- the IP register ----------------------------------------------------------------------

namespace {

Status ApplyIpAsset(db::Session& s, const RecordContext& c, const IpAssetInput& in, IpAsset& x,
                    const IpAsset*) {
  Assign(x.shares, in.shares);
  Assign(x.licences, in.licences);
  NS_TRY(RequireOrder(x.filing_on, "filing_on", x.expiry_on, "expiry_on"));
  if (x.agreement_id) NS_TRY(RequireAgreement(s, c, *x.agreement_id, x, "agreement_id"));
  if (x.owner_party_id) {
    NS_TRY(alliances::RequireParty(c, *x.owner_party_id, "owner_party_id"));
    if (!x.shares.empty())
      return Invalid("shares", "are only for jointly owned IP (owner_party_id null)");
  } else {
    if (x.shares.size() < 2)
      return Invalid("shares", "jointly owned IP needs the shares of at least two parties");
    double total = 0;
    std::set<std::string> seen;
    for (size_t i = 0; i < x.shares.size(); ++i) {
      const std::string path = "shares[" + std::to_string(i) + "]";
      NS_TRY(alliances::RequireParty(c, x.shares[i].organization_id, path + ".organization_id"));
      if (!seen.insert(x.shares[i].organization_id).second) {
        return Invalid(path + ".organization_id", "is listed twice");
      }
      if (!(x.shares[i].percent > 0 && x.shares[i].percent <= 100)) {
        return Invalid(path + ".percent", "must be more than 0 and at most 100");
      }
      total += x.shares[i].percent;
    }
    if (std::abs(total - 100.0) > 0.001) return Invalid("shares", "must add up to 100 percent");
  }
  for (size_t i = 0; i < x.licences.size(); ++i) {
    NS_TRY(alliances::RequireParty(c, x.licences[i].licensee_id,
                                   "licences[" + std::to_string(i) + "].licensee_id"));
  }
  return OkStatus();
}

}  // namespace

Result<WithContext<std::vector<IpAsset>>> AgreementsService::ListIpAssets(
    const auth::Principal& actor, const std::string& alliance_id) {
  return ListOf(db_, actor, alliance_id, store::IpAssets());
}

Result<WithContext<IpAsset>> AgreementsService::GetIpAsset(const auth::Principal& actor,
                                                           const std::string& alliance_id,
                                                           const std::string& id) {
  return GetOf(db_, actor, alliance_id, store::IpAssets(), id);
}

Result<WithContext<IpAsset>> AgreementsService::CreateIpAsset(const auth::Principal& actor,
                                                              const std::string& alliance_id,
                                                              const IpAssetInput& input) {
  return CreateOf(db_, actor, alliance_id, store::IpAssets(), "ip_asset", input, ApplyIpAsset);
}

Result<WithContext<IpAsset>> AgreementsService::UpdateIpAsset(const auth::Principal& actor,
                                                              const std::string& alliance_id,
                                                              const std::string& id,
                                                              int64_t version,
                                                              const IpAssetInput& input) {
  return UpdateOf(db_, actor, alliance_id, store::IpAssets(), "ip_asset", id, version, input,
                  ApplyIpAsset);
}

Status AgreementsService::DeleteIpAsset(const auth::Principal& actor,
                                        const std::string& alliance_id, const std::string& id) {
  return DeleteOf(db_, actor, alliance_id, store::IpAssets(), "ip_asset", id);
}

// ---- the data register --------------------------------------------------------------------

namespace {

Status ApplyDataset(db::Session& s, const RecordContext& c, const DatasetInput&, Dataset& x,
                    const Dataset*) {
  NS_TRY(alliances::RequireParty(c, x.provider_id, "provider_id"));
  NS_TRY(alliances::RequireParty(c, x.recipient_id, "recipient_id"));
  if (x.provider_id == x.recipient_id) {
    return Invalid("recipient_id", "must be a different party from the provider");
  }
  if (x.purposes.empty()) return Invalid("purposes", "needs at least one permitted purpose");
  NS_TRY(RequireOrder(x.shared_on, "shared_on", x.retention_until, "retention_until"));
  NS_TRY(RequireOrder(x.shared_on, "shared_on", x.destruction_due_on, "destruction_due_on"));
  if (x.agreement_id) NS_TRY(RequireAgreement(s, c, *x.agreement_id, x, "agreement_id"));
  return OkStatus();
}

Result<WithContext<DatasetView>> DatasetResult(Result<WithContext<Dataset>> r) {
  NS_ASSIGN_OR_RETURN(auto d, std::move(r));
  std::string status =
      DestructionStatus(d.record.destruction_due_on, d.record.destroyed_on, d.context.today);
  return Within(std::move(d.context), DatasetView{std::move(d.record), std::move(status)});
}

}  // namespace

Result<WithContext<std::vector<DatasetView>>> AgreementsService::ListDatasets(
    const auth::Principal& actor, const std::string& alliance_id) {
  NS_ASSIGN_OR_RETURN(auto list, ListOf(db_, actor, alliance_id, store::Datasets()));
  std::vector<DatasetView> views;
  for (auto& d : list.record) {
    std::string status =
        DestructionStatus(d.destruction_due_on, d.destroyed_on, list.context.today);
    views.push_back({std::move(d), std::move(status)});
  }
  return Within(std::move(list.context), std::move(views));
}

Result<WithContext<DatasetView>> AgreementsService::GetDataset(const auth::Principal& actor,
                                                               const std::string& alliance_id,
                                                               const std::string& id) {
  return DatasetResult(GetOf(db_, actor, alliance_id, store::Datasets(), id));
}

Result<WithContext<DatasetView>> AgreementsService::CreateDataset(const auth::Principal& actor,
                                                                  const std::string& alliance_id,
                                                                  const DatasetInput& input) {
  return DatasetResult(
      CreateOf(db_, actor, alliance_id, store::Datasets(), "dataset", input, ApplyDataset));
}

Result<WithContext<DatasetView>> AgreementsService::UpdateDataset(const auth::Principal& actor,
                                                                  const std::string& alliance_id,
                                                                  const std::string& id,
                                                                  int64_t version,
                                                                  const DatasetInput& input) {
  return DatasetResult(UpdateOf(db_, actor, alliance_id, store::Datasets(), "dataset", id, version,
                                input, ApplyDataset));
}

Result<WithContext<DatasetView>> AgreementsService::ConfirmDestruction(
    const auth::Principal& actor, const std::string& alliance_id, const std::string& id,
    int64_t version, const std::string& destroyed_on, const std::string& evidence) {
  db::Session s(db_);
  db::Transaction tx(s);
  NS_ASSIGN_OR_RETURN(RecordContext c, EnterAlliance(s, actor, alliance_id));
  NS_ASSIGN_OR_RETURN(Dataset current,
                      alliances::Visible(c, records::Find(s, store::Datasets(), alliance_id, id)));
  NS_TRY(access::AuthorizeByRecordRole(
      c.membership, ScopeOf(current),
      IsWriter(c.membership) && c.membership.organization_id == current.recipient_id,
      "the recipient party"));
  if (current.destroyed_on) return Conflict("The destruction was confirmed already.");
  if (destroyed_on > c.today) return Invalid("destroyed_on", "may not be in the future");
  if (current.shared_on && destroyed_on < *current.shared_on) {
    return Invalid("destroyed_on", "is before shared_on: dates out of order");
  }
  if (current.version != version) return Stale();
  Dataset next = current;
  next.destroyed_on = destroyed_on;
  next.destruction_evidence = evidence;
  next.destruction_confirmed_by = actor.user_id;
  next.updated_at = NowText();
  if (!records::Update(s, store::Datasets(), next, version)) return Stale();
  alliances::AuditUpdate(s, actor, current, next, "dataset");
  auto updated = records::Find(s, store::Datasets(), alliance_id, id);
  tx.Commit();
  return DatasetResult(Within(std::move(c), std::move(*updated)));
}

Status AgreementsService::DeleteDataset(const auth::Principal& actor,
                                        const std::string& alliance_id, const std::string& id) {
  return DeleteOf(db_, actor, alliance_id, store::Datasets(), "dataset", id);
}

}  // namespace northstar::agreements
