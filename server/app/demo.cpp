#include "app/demo.hpp"

#include <map>
#include <stdexcept>

#include "modules/accounts/store.hpp"
#include "platform/audit/audit.hpp"
#include "platform/auth/auth.hpp"
#include "platform/common/ids.hpp"

namespace northstar::demo {
namespace {

// Every demo address ends with this domain (reserved for examples), so demo people can be
// recognised, and never collide with real accounts.
constexpr char kDemoDomain[] = ".example";

struct OrgSpec {
  const char* key;
  const char* name;
  const char* type;
  const char* website;
};

struct PersonSpec {
  const char* org;
  const char* name;
  const char* email;
  bool admin;
};

struct PartySpec {
  const char* org;
  const char* role;
  const char* contribution;
  const char* expected_value;
};

struct NoteSpec {
  const char* author;  // e-mail
  const char* visibility;
  const char* entry_date;
  const char* title;
  const char* body;
  std::vector<const char*> readers;
};

struct AllianceSpec {
  const char* creator;  // e-mail of the manager who sets it up
  const char* name;
  const char* type;
  std::vector<std::string> areas;
  const char* territory;
  int tier;
  const char* description;
  const char* statement;
  const char* beneficiaries;
  std::vector<PartySpec> parties;
  std::vector<const char*> path;  // stages to move through after scouting, with reasons below
  std::vector<std::pair<const char*, const char*>> members;  // e-mail, role
  std::vector<NoteSpec> notes;
};

const std::vector<OrgSpec>& Orgs() {
  static const std::vector<OrgSpec> kOrgs = {
      {"meridian", "Meridian Therapeutics", "pharma", "https://meridian-therapeutics.example"},
      {"pulsewise", "Pulsewise Health", "startup", "https://pulsewise.example"},
      {"corvane", "Corvane Biologics", "biotech", "https://corvane.example"},
      {"eastmoor", "University of Eastmoor", "academic", "https://eastmoor.example"},
      {"lumen", "Lumen Clinical Research", "cro", "https://lumen-cro.example"},
      {"harbor", "Harbor Health Network", "provider", "https://harbor-health.example"},
      {"aster", "Aster Patient Foundation", "nonprofit", "https://aster-foundation.example"},
      {"quillon", "Quillon Data Systems", "technology", "https://quillon.example"},
      {"northfield", "Northfield Health Plan", "payer", "https://northfield-plan.example"},
      {"velara", "Velara Bio", "biotech", "https://velara.example"},
  };
  return kOrgs;
}

const std::vector<PersonSpec>& People() {
  static const std::vector<PersonSpec> kPeople = {
      {"meridian", "Alice Moreau", "alice@meridian.example", true},
      {"meridian", "Ben Okafor", "ben@meridian.example", false},
      {"meridian", "Chloe Lindqvist", "chloe@meridian.example", false},
      {"meridian", "Daniel Reyes", "daniel@meridian.example", false},
      {"pulsewise", "Dana Whitfield", "dana@pulsewise.example", true},
      {"pulsewise", "Emeka Nwosu", "emeka@pulsewise.example", false},
      {"corvane", "Farah Haddad", "farah@corvane.example", true},
      {"corvane", "Gustav Berg", "gustav@corvane.example", false},
      {"eastmoor", "Helen Achterberg", "helen@eastmoor.example", true},
      {"lumen", "Ivan Petrov", "ivan@lumen-cro.example", true},
      {"harbor", "Julia Santos", "julia@harbor-health.example", true},
      {"aster", "Kofi Mensah", "kofi@aster-foundation.example", true},
      {"quillon", "Lena Fischer", "lena@quillon.example", true},
      {"northfield", "Marcus Hale", "marcus@northfield-plan.example", true},
      {"velara", "Nadia Karim", "nadia@velara.example", true},
  };
  return kPeople;
}

std::vector<AllianceSpec> Alliances() {
  return {
      {"alice@meridian.example",
       "Meridian × Pulsewise — digital adherence for heart failure",
       "co_development",
       {"cardiology", "digital therapeutics"},
       "EU and US",
       1,
       "A prescription app that keeps heart-failure patients on guideline therapy, developed "
       "with Pulsewise and launched alongside Meridian's cardiology portfolio.",
       "Halve 12-month readmissions for heart-failure patients on guideline-directed therapy.",
       "Patients with chronic heart failure, their cardiologists and heart-failure nurses.",
       {{"meridian", "co_developer",
         "Clinical development, regulatory affairs, market access in 14 countries",
         "A differentiated offer for the cardiology franchise; real-world adherence data"},
        {"pulsewise", "co_developer",
         "The adherence platform, product team and patient-facing design",
         "Milestone payments, a validated medical-device claim, reach into hospital systems"}},
       {"evaluation", "due_diligence", "negotiation", "startup", "execution"},
       {{"ben@meridian.example", "member"},
        {"chloe@meridian.example", "executive"},
        {"dana@pulsewise.example", "manager"},
        {"emeka@pulsewise.example", "member"}},
       {{"alice@meridian.example",
         "alliance",
         "2026-09-14",
         "Kick-off agreed: North Star and first 90 days",
         "Both teams agreed the North Star and the early wins: usability study in Q4, CE-mark file "
         "in Q1.",
         {}},
        {"dana@pulsewise.example",
         "alliance",
         "2026-10-02",
         "Release cadence",
         "Pulsewise ships every two weeks; Meridian regulatory will review release notes monthly.",
         {}},
        {"alice@meridian.example",
         "party",
         "2026-10-20",
         "Our view: decision speed is the risk",
         "Pulsewise decides in days, our governance in weeks. Propose a lean JSC with a monthly "
         "30-minute slot and delegated authority for product decisions under 100k.",
         {}},
        {"dana@pulsewise.example",
         "party",
         "2026-10-21",
         "Runway and milestone timing",
         "Our runway depends on the CE-mark milestone payment landing before June.",
         {}},
        {"alice@meridian.example",
         "restricted",
         "2026-11-03",
         "Renewal negotiation position",
         "Walk-away point for the co-promotion option: see finance model v3.",
         {"chloe@meridian.example"}}}},
      {"farah@corvane.example",
       "Corvane–Velara bispecific co-development",
       "co_development",
       {"oncology"},
       "Worldwide",
       1,
       "Joint development of CVB-201, a bispecific antibody for solid tumours, with cost and "
       "profit "
       "sharing 50/50.",
       "Bring CVB-201 to a pivotal trial in second-line gastric cancer by 2028.",
       "Patients with advanced gastric cancer who progressed on first-line therapy.",
       {{"corvane", "lead", "Antibody engineering, CMC, phase 1 operations",
         "Shared profits, a late-stage asset"},
        {"velara", "co_developer", "Target biology, translational biomarkers, phase 2 design",
         "Shared profits, validation of its target discovery platform"}},
       {"evaluation", "due_diligence", "negotiation", "startup", "execution"},
       {{"gustav@corvane.example", "member"}, {"nadia@velara.example", "manager"}},
       {{"farah@corvane.example",
         "alliance",
         "2026-08-30",
         "Phase 1 dose escalation complete",
         "Cohort 5 cleared; the JDC will review the recommended phase 2 dose in October.",
         {}},
        {"nadia@velara.example",
         "party",
         "2026-09-12",
         "Biomarker strategy",
         "We want the companion diagnostic rights discussed before the phase 2 protocol is final.",
         {}}}},
      {"helen@eastmoor.example",
       "Eastmoor–Meridian fibrosis research collaboration",
       "research_collaboration",
       {"respiratory", "fibrosis"},
       "UK",
       2,
       "Three-year sponsored research on epithelial senescence in idiopathic pulmonary fibrosis.",
       "Identify two validated targets for IPF with human tissue evidence.",
       "People living with idiopathic pulmonary fibrosis.",
       {{"eastmoor", "lead", "Lab, tissue bank, two postdocs",
         "Funding, publications, PhD training"},
        {"meridian", "funder", "Funding, screening capacity, drug-discovery expertise",
         "Option to license targets"}},
       {"evaluation", "due_diligence", "negotiation", "startup", "execution"},
       {{"alice@meridian.example", "manager"}, {"daniel@meridian.example", "member"}},
       {{"helen@eastmoor.example",
         "alliance",
         "2026-07-15",
         "Publication review window",
         "Drafts go to Meridian 45 days before submission, as the agreement says.",
         {}}}},
      {"alice@meridian.example",
       "Precision Oncology Data Consortium",
       "consortium",
       {"oncology", "real-world data"},
       "EU",
       2,
       "A multi-party consortium that pools de-identified oncology outcomes data under a common "
       "data model.",
       "A shared, privacy-preserving oncology outcomes dataset that any member can query.",
       "Cancer patients, through faster evidence on what works in routine care.",
       {{"meridian", "member", "Funding and data science", "Faster real-world evidence"},
        {"harbor", "member", "Outcomes data from 12 hospitals", "Benchmarking and research access"},
        {"quillon", "member", "Federated analytics platform", "Reference deployment"},
        {"aster", "observer", "Patient voice on governance and consent",
         "Patient-relevant research questions"}},
       {"evaluation", "due_diligence", "negotiation", "startup"},
       {{"julia@harbor-health.example", "manager"},
        {"lena@quillon.example", "manager"},
        {"kofi@aster-foundation.example", "viewer"}},
       {{"lena@quillon.example",
         "alliance",
         "2026-10-10",
         "Data model v1 frozen",
         "OMOP-based model frozen; hospitals can start mapping.",
         {}}}},
      {"alice@meridian.example",
       "Meridian in-licensing of Velara's NASH programme",
       "in_licensing",
       {"hepatology"},
       "Worldwide excluding China",
       2,
       "Evaluating an exclusive licence to VL-330 for NASH.",
       "Decide by Q2 whether VL-330 fits the hepatology strategy.",
       "Patients with NASH fibrosis.",
       {{"meridian", "licensee", "Development and commercial capabilities",
         "A phase 2-ready asset"},
        {"velara", "licensor", "VL-330 data package and know-how",
         "Upfront, milestones, royalties"}},
       {"evaluation", "due_diligence"},
       {{"nadia@velara.example", "manager"}},
       {}},
      {"farah@corvane.example",
       "Corvane and Lumen CRO phase 2 services",
       "service",
       {"oncology"},
       "EU and US",
       3,
       "Clinical operations for the CVB-201 phase 2 study.",
       "Enrol the phase 2 study on time and within budget.",
       "Trial participants and investigators.",
       {{"corvane", "lead", "Sponsor oversight", "Reliable enrolment"},
        {"lumen", "member", "Site management and monitoring", "A multi-year service contract"}},
       {"evaluation", "due_diligence", "negotiation", "startup", "execution"},
       {{"ivan@lumen-cro.example", "manager"}},
       {}},
      {"dana@pulsewise.example",
       "Pulsewise and Northfield value-based contract",
       "platform_subscription",
       {"cardiology"},
       "US (Midwest)",
       2,
       "A payer subscription to the adherence platform with fees tied to avoided admissions.",
       "Prove avoided heart-failure admissions pay for the platform within a year.",
       "Northfield members with heart failure.",
       {{"pulsewise", "lead", "Platform and outcomes analytics", "Recurring revenue"},
        {"northfield", "member", "Member outreach, claims data", "Lower total cost of care"}},
       {"evaluation", "due_diligence", "negotiation"},
       {{"marcus@northfield-plan.example", "manager"}},
       {}},
      {"helen@eastmoor.example",
       "Eastmoor and Harbor public-private sepsis partnership",
       "public_private_partnership",
       {"infectious disease", "critical care"},
       "UK",
       3,
       "Early-warning score for sepsis validated across Harbor's hospitals.",
       "Detect sepsis six hours earlier in general wards.",
       "Hospital patients at risk of sepsis.",
       {{"eastmoor", "lead", "Algorithm research", "Impact and publications"},
        {"harbor", "member", "Clinical data and validation sites", "Fewer ICU transfers"}},
       {"evaluation"},
       {{"julia@harbor-health.example", "manager"}},
       {}},
      {"alice@meridian.example",
       "Meridian out-licensing of MT-114 in Japan",
       "out_licensing",
       {"immunology"},
       "Japan",
       3,
       "Regional licence of a marketed immunology product.",
       "Maximise patient access to MT-114 in Japan.",
       "Japanese patients with psoriasis.",
       {{"meridian", "licensor", "Product, dossier, supply", "Royalties and milestone income"},
        {"velara", "licensee", "Local development and sales force", "A marketed product"}},
       {"evaluation", "due_diligence", "negotiation", "startup", "execution", "renewal"},
       {{"nadia@velara.example", "manager"}},
       {}},
      {"farah@corvane.example",
       "Corvane and Quillon manufacturing data platform",
       "data_sharing",
       {"manufacturing"},
       "EU",
       3,
       "Shared batch-record analytics for biologics manufacturing.",
       "Cut batch-release time by a third.",
       "Patients, through more reliable supply.",
       {{"corvane", "member", "Batch records and process experts", "Faster release"},
        {"quillon", "lead", "Analytics platform", "A biologics reference customer"}},
       {"evaluation", "due_diligence", "negotiation", "startup", "execution", "wind_down"},
       {{"lena@quillon.example", "manager"}},
       {}},
      {"alice@meridian.example",
       "Meridian and Aster patient-insight programme",
       "research_collaboration",
       {"rare disease"},
       "EU",
       2,
       "Patient advisory boards and preference studies for rare-disease trials.",
       "Design trials patients can take part in.",
       "People living with rare diseases and carers.",
       {{"meridian", "funder", "Funding and trial designers", "Trials that enrol"},
        {"aster", "lead", "Patient communities and facilitation", "Patient voice in research"}},
       {"closed"},
       {{"kofi@aster-foundation.example", "manager"}},
       {}},
      {"dana@pulsewise.example",
       "Pulsewise joint venture scouting — remote monitoring",
       "joint_venture",
       {"cardiology", "remote monitoring"},
       "EU",
       3,
       "Early exploration of a joint venture for remote monitoring devices.",
       "Decide whether a joint venture beats a licence for remote monitoring.",
       "Patients with arrhythmia.",
       {{"pulsewise", "lead", "Software and clinical algorithms", "Hardware capability"},
        {"corvane", "member", "Not yet defined", "Not yet defined"}},
       {},
       {{"farah@corvane.example", "viewer"}},
       {}},
  };
}

std::string ReasonFor(const std::string& to) {
  static const std::map<std::string, std::string> kReasons = {
      {"evaluation", "Strategic fit confirmed by the portfolio review"},
      {"due_diligence", "Term sheet principles agreed; diligence lines of questioning opened"},
      {"negotiation", "Diligence closed without red flags"},
      {"startup", "Agreement signed"},
      {"execution", "Governance in place and kick-off held"},
      {"renewal", "Initial term ends within a year"},
      {"wind_down", "Objectives met; handing over to operations"},
      {"closed", "Programme completed"},
  };
  auto it = kReasons.find(to);
  return it == kReasons.end() ? "Moved on" : it->second;
}

}  // namespace

// Leases a connection only for the lookup: the services lease their own, and the pool may have one.
auth::Principal PrincipalOf(db::Database& database, const std::string& email) {
  db::Session s(database);
  auto user = accounts::store::FindUserByEmail(s, email);
  if (!user) throw std::logic_error("demo person missing: " + email);
  return accounts::PrincipalOf(*user);
}

// The partner of the first alliance keeps its own tier and proposes a wider territory, which
// waits for Meridian's decision: what a new user finds on the alliance's overview.
void LoadChangeControl(db::Database& database, alliances::AlliancesService& alliances,
                       const std::map<std::string, std::string>& alliance_ids) {
  const std::string id =
      alliance_ids.at("Meridian × Pulsewise — digital adherence for heart failure");
  const auth::Principal dana = PrincipalOf(database, "dana@pulsewise.example");
  alliances::AllianceInput priority;
  priority.tier = 1;
  priority.priority_note = "Our largest pharma partnership; the board reviews it every quarter.";
  const auto current = Must(alliances.Get(dana, id), "read for the tier");
  Must(alliances.Update(dana, id, current.alliance.version, priority), "Pulsewise's tier");
  alliances::ProposalInput proposal;
  proposal.changes.territory = "EU, UK and US";
  proposal.reason =
      "The UK is now a separate regulatory route (MHRA); our licence already covers it.";
  Must(alliances.Propose(dana, id, proposal), "a proposed change of territory");
}

bool LoadIfEmpty(db::Database& database, accounts::AccountsService& accounts,
                 alliances::AlliancesService& alliances, plans::PlansService& plans,
                 governance::GovernanceService& governance,
                 agreements::AgreementsService& agreements) {
  {
    db::Session s(database);
    if (s.QueryOne("SELECT COUNT(*) AS n FROM organizations")->Int("n") > 0) return false;
  }
  std::map<std::string, std::string> org_ids;
  for (const auto& o : Orgs()) {
    org_ids[o.key] =
        Must(accounts.CreateOrganization(std::nullopt, o.name, o.type, std::string(o.website)),
             o.name)
            .id;
  }
  for (const auto& p : People()) {
    // Placeholder passwords; ResetDemoPasswords() sets fresh ones before anyone signs in.
    Must(accounts.CreateUser(org_ids[p.org], p.email, p.name, p.admin, RandomSecret(18)), p.email);
  }
  std::map<std::string, std::string> alliance_ids;
  for (const auto& spec : Alliances()) {
    const auth::Principal creator = PrincipalOf(database, spec.creator);
    alliances::AllianceInput in;
    in.name = spec.name;
    in.type = spec.type;
    in.therapeutic_areas = spec.areas;
    in.territory = spec.territory;
    in.tier = spec.tier;
    in.description = spec.description;
    in.statement = spec.statement;
    in.beneficiaries = spec.beneficiaries;
    in.parties.emplace();
    in.contributions.emplace();
    for (const auto& p : spec.parties) {
      in.parties->push_back({org_ids[p.org], "", "", p.role, "", ""});
      in.contributions->push_back({org_ids[p.org], p.contribution, p.expected_value});
    }
    auto view = Must(alliances.Create(creator, in), spec.name);
    alliance_ids[spec.name] = view.alliance.id;
    int64_t version = view.alliance.version;
    for (const char* stage : spec.path) {
      std::string current = view.alliance.stage;
      // "closed" straight from scouting is allowed; other paths step through the lifecycle.
      view = Must(alliances.MoveStage(creator, view.alliance.id, version, stage, ReasonFor(stage)),
                  std::string(spec.name) + " → " + stage);
      version = view.alliance.version;
    }
    for (const auto& [email, role] : spec.members) {
      const auth::Principal person = PrincipalOf(database, email);
      if (person.organization_id == creator.organization_id) {
        Must(alliances.AddMember(creator, view.alliance.id, person.user_id, role), email);
      } else {
        // Partner people join through an invitation, as they would for real.
        accounts::NewInvitation inv{email, person.name, person.organization_id, view.alliance.id,
                                    std::string(role)};
        auto created = Must(accounts.Invite(creator, inv), "invite " + std::string(email));
        // Accepting needs the person's password; the demo sets a known one for the step.
        const std::string temporary = RandomSecret(18);
        {
          db::Session s(database);
          db::Transaction tx(s);
          accounts::store::SetPassword(s, person.user_id, auth::HashPassword(temporary));
          tx.Commit();
        }
        Must(accounts.AcceptInvitation(created.token, temporary, std::nullopt,
                                       auth::Caller{"demo", ""}),
             "accept " + std::string(email));
      }
    }
    for (const auto& n : spec.notes) {
      const auth::Principal author = PrincipalOf(database, n.author);
      alliances::NoteInput note;
      note.title = n.title;
      note.body = n.body;
      note.entry_date = n.entry_date;
      note.visibility = n.visibility;
      std::vector<std::string> readers;
      for (const char* r : n.readers) readers.push_back(PrincipalOf(database, r).user_id);
      note.readers = readers;
      Must(alliances.CreateNote(author, view.alliance.id, note), n.title);
    }
  }
  LoadPlans(database, plans, alliance_ids);
  LoadGovernance(database, governance, alliance_ids);
  LoadAgreements(database, agreements, plans, alliance_ids);
  LoadChangeControl(database, alliances, alliance_ids);
  return true;
}

std::vector<SignIn> ResetDemoPasswords(db::Database& database) {
  std::vector<SignIn> out;
  db::Session s(database);
  db::Transaction tx(s);
  for (const auto& p : People()) {
    auto user = accounts::store::FindUserByEmail(s, p.email);
    if (!user || user->email.find(kDemoDomain) == std::string::npos) continue;
    auto org = accounts::store::FindOrganization(s, user->organization_id);
    const std::string password = RandomSecret(12);
    accounts::store::SetPassword(s, user->id, auth::HashPassword(password));
    audit::Event e;
    e.organization_id = user->organization_id;
    e.record_type = "user";
    e.record_id = user->id;
    e.action = "demo_password_reset";
    e.scope.visibility = access::Visibility::kParty;
    e.scope.owner_organization_id = user->organization_id;
    audit::Record(s, e);
    out.push_back({org ? org->name : "", user->name, user->email, password,
                   user->org_role == "admin" ? "organisation admin" : "member"});
  }
  tx.Commit();
  return out;
}

}  // namespace northstar::demo
