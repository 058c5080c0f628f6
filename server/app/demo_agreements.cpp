// Agreements for two demo alliances. Meridian × Pulsewise has its confidentiality agreement, the
// co-development and licence agreement with a statement of work and an amendment, obligations in
// every status (a quarterly report with a late, a waived and an overdue occurrence, so that it
// signals an amendment; a disputed data exchange; a delivery due this week; a payment due after a
// Plan milestone), the exclusivity that the Pulsewise joint-venture scouting candidate runs into,
// the IP and data registers and a signed copy of the agreement. Corvane–Velara has its
// co-development agreement with a non-compete.
#include "app/demo.hpp"
#include "modules/agreements/service.hpp"
#include "platform/common/time.hpp"

namespace northstar::demo {
namespace {

using agreements::AgreementsService;

std::string Day(int offset) { return AddDays(TodayText(), offset); }

std::string AgreementOf(AgreementsService& a, const auth::Principal& author,
                        const std::string& alliance, agreements::AgreementInput in) {
  const std::string title = *in.title;
  return Must(a.CreateAgreement(author, alliance, in), title).record.agreement.id;
}

std::string ObligationOf(AgreementsService& a, const auth::Principal& author,
                         const std::string& alliance, agreements::ObligationInput in) {
  const std::string title = *in.title;
  return Must(a.CreateObligation(author, alliance, in), title).record.obligation.id;
}

void Record(AgreementsService& a, const auth::Principal& who, const std::string& alliance,
            const std::string& obligation, const std::string& due_on,
            agreements::OccurrenceInput in) {
  Must(a.RecordOccurrence(who, alliance, obligation, due_on, 0, in), "occurrence " + due_on);
}

// A small, valid PDF: the signed agreement's cover page.
std::string SignedCopy(const std::string& title) {
  const std::string text = "BT /F1 14 Tf 72 720 Td (" + title + " - signed copy) Tj ET";
  std::string pdf = "%PDF-1.4\n";
  std::vector<size_t> offsets;
  auto object = [&](const std::string& body) {
    offsets.push_back(pdf.size());
    pdf += std::to_string(offsets.size()) + " 0 obj\n" + body + "\nendobj\n";
  };
  object("<< /Type /Catalog /Pages 2 0 R >>");
  object("<< /Type /Pages /Kids [3 0 R] /Count 1 >>");
  object(
      "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R"
      " /Resources << /Font << /F1 5 0 R >> >> >>");
  object("<< /Length " + std::to_string(text.size()) + " >>\nstream\n" + text + "\nendstream");
  object("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>");
  const size_t xref = pdf.size();
  pdf += "xref\n0 " + std::to_string(offsets.size() + 1) + "\n0000000000 65535 f \n";
  for (size_t o : offsets) {
    char line[21];
    std::snprintf(line, sizeof line, "%010zu 00000 n \n", o);
    pdf += line;
  }
  pdf += "trailer\n<< /Size " + std::to_string(offsets.size() + 1) +
         " /Root 1 0 R >>\nstartxref\n" + std::to_string(xref) + "\n%%EOF\n";
  return pdf;
}

void MeridianPulsewise(db::Database& db, AgreementsService& a, plans::PlansService& plans,
                       const std::string& alliance) {
  const auto alice = PrincipalOf(db, "alice@meridian.example");
  const auto dana = PrincipalOf(db, "dana@pulsewise.example");
  const auto emeka = PrincipalOf(db, "emeka@pulsewise.example");
  const auto ben = PrincipalOf(db, "ben@meridian.example");
  const std::string meridian = alice.organization_id, pulsewise = dana.organization_id;

  agreements::AgreementInput cda;
  cda.title = "Mutual confidentiality agreement";
  cda.kind = "cda";
  cda.relation = "master";
  cda.status = "expired";
  cda.signed_on = std::optional(Day(-900));
  cda.effective_on = std::optional(Day(-900));
  cda.expiry_on = std::optional(Day(-170));
  cda.governing_law = "England and Wales";
  cda.summary =
      "Covered the evaluation and due diligence; superseded by the co-development"
      " agreement's confidentiality clause.";
  AgreementOf(a, alice, alliance, cda);

  agreements::AgreementInput master;
  master.title = "Co-development and licence agreement";
  master.kind = "co_development";
  master.relation = "master";
  master.status = "active";
  master.signed_on = std::optional(Day(-620));
  master.effective_on = std::optional(Day(-600));
  master.expiry_on = std::optional(Day(1226));
  master.notice_period_days = std::optional<int64_t>(180);
  master.governing_law = "England and Wales";
  master.field = "Digital adherence therapeutics for chronic heart failure";
  master.territory = "EU and US";
  master.exclusivity = "exclusive";
  master.summary =
      "Pulsewise develops the adherence app with Meridian; Meridian funds development, runs the"
      " pivotal study and holds an exclusive licence to commercialise in the EU and US.";
  const std::string master_id = AgreementOf(a, alice, alliance, master);
  Must(a.UploadDocument(alice, alliance, master_id, "co-development-agreement-signed.pdf",
                        "application/pdf", SignedCopy("Co-development and licence agreement")),
       "signed copy");

  agreements::AgreementInput sow;
  sow.title = "Statement of work 1 - pivotal usability study";
  sow.kind = "statement_of_work";
  sow.relation = "sub_agreement";
  sow.parent_id = std::optional(master_id);
  sow.status = "active";
  sow.signed_on = std::optional(Day(-200));
  sow.effective_on = std::optional(Day(-190));
  sow.expiry_on = std::optional(Day(175));
  sow.summary = "Usability study in 120 patients across four EU sites.";
  const std::string sow_id = AgreementOf(a, alice, alliance, sow);

  agreements::NoteInput note;
  note.visibility = "party";
  note.body =
      "Renewal: our fallback is a non-exclusive licence in the US if Pulsewise asks for"
      " the co-promotion option. Do not share.";
  Must(a.CreateNote(alice, alliance, master_id, note), "internal note");

  // The quarterly report: due at each quarter's end; one late, one waived, the last overdue.
  agreements::ObligationInput report;
  report.agreement_id = master_id;
  report.clause_ref = "§7.2";
  report.title = "Quarterly development report";
  report.description = "Progress, spend against budget and risks, to the JSC.";
  report.category = "reporting";
  report.direction = "owed";
  report.owed_by = std::optional(pulsewise);
  report.owed_to = std::optional(meridian);
  report.responsible_user_id = std::optional(emeka.user_id);
  report.schedule = "recurring";
  report.starts_on = std::optional(Day(-600));
  report.rrule = "FREQ=MONTHLY;INTERVAL=3;BYMONTHDAY=-1";
  const std::string report_id = ObligationOf(a, dana, alliance, report);
  auto past =
      Must(a.Occurrences(dana, alliance, report_id, Day(-600), Day(-1)), "reports").record.items;
  for (size_t i = 0; i < past.size(); ++i) {
    const std::string& due = past[i].due_on;
    if (i + 1 == past.size()) break;  // the last stays overdue
    if (i + 3 == past.size()) {
      Record(a, alice, alliance, report_id, due,
             {"waived", std::nullopt, std::nullopt,
              "Combined with the JSC's annual review this quarter."});
    } else if (i + 2 == past.size()) {
      Record(a, emeka, alliance, report_id, due,
             {"fulfilled", AddDays(due, 9), "Report v" + std::to_string(i + 1) + " sent to the JSC",
              std::nullopt});
    } else {
      Record(a, emeka, alliance, report_id, due,
             {"fulfilled", AddDays(due, -2),
              "Report v" + std::to_string(i + 1) + " sent to the JSC", std::nullopt});
    }
  }

  // Monthly safety data exchange, both ways; the last one is disputed.
  agreements::ObligationInput safety;
  safety.agreement_id = master_id;
  safety.clause_ref = "§9.4";
  safety.title = "Monthly device-safety data exchange";
  safety.category = "regulatory";
  safety.direction = "joint";
  safety.responsible_user_id = std::optional(ben.user_id);
  safety.schedule = "recurring";
  safety.starts_on = std::optional(Day(-100));
  safety.rrule = "FREQ=MONTHLY;BYMONTHDAY=15";
  const std::string safety_id = ObligationOf(a, alice, alliance, safety);
  auto months =
      Must(a.Occurrences(alice, alliance, safety_id, Day(-100), Day(-1)), "safety").record.items;
  for (size_t i = 0; i < months.size(); ++i) {
    if (i + 1 == months.size()) {
      Record(a, dana, alliance, safety_id, months[i].due_on,
             {"in_dispute", std::nullopt, std::nullopt,
              "Pulsewise says two complaint reports belong to the previous month."});
    } else {
      Record(
          a, ben, alliance, safety_id, months[i].due_on,
          {"fulfilled", months[i].due_on, "Exchange log entry " + months[i].due_on, std::nullopt});
    }
  }

  agreements::ObligationInput protocol;
  protocol.agreement_id = sow_id;
  protocol.clause_ref = "SOW §3";
  protocol.title = "Deliver the usability study protocol";
  protocol.category = "diligence";
  protocol.direction = "owed";
  protocol.owed_by = std::optional(pulsewise);
  protocol.owed_to = std::optional(meridian);
  protocol.responsible_user_id = std::optional(emeka.user_id);
  protocol.schedule = "once";
  protocol.due_on = std::optional(Day(3));
  ObligationOf(a, dana, alliance, protocol);

  agreements::ObligationInput audit;
  audit.agreement_id = master_id;
  audit.clause_ref = "§11.1";
  audit.title = "Annual audit of development costs";
  audit.category = "audit";
  audit.direction = "owed";
  audit.owed_by = std::optional(pulsewise);
  audit.owed_to = std::optional(meridian);
  audit.responsible_user_id = std::optional(dana.user_id);
  audit.schedule = "recurring";
  audit.starts_on = std::optional(Day(45));
  audit.rrule = "FREQ=YEARLY";
  audit.reminder_days = std::vector<int64_t>{30, 7};
  ObligationOf(a, dana, alliance, audit);

  // The payment falls due 30 days after the first achieved milestone of the plan.
  auto milestones = Must(plans.ListMilestones(alice, alliance), "milestones").record;
  for (const auto& m : milestones) {
    if (!m.milestone.actual_date) continue;
    agreements::ObligationInput payment;
    payment.agreement_id = master_id;
    payment.clause_ref = "§6.3";
    payment.title = "Milestone payment: " + m.milestone.title;
    payment.category = "payment";
    payment.direction = "owed";
    payment.owed_by = std::optional(meridian);
    payment.owed_to = std::optional(pulsewise);
    payment.responsible_user_id = std::optional(ben.user_id);
    payment.schedule = "milestone";
    payment.milestone_id = std::optional(m.milestone.id);
    payment.offset_days = 30;
    const std::string payment_id = ObligationOf(a, alice, alliance, payment);
    const std::string due = AddDays(*m.milestone.actual_date, 30);
    if (due < TodayText()) {
      Record(a, ben, alliance, payment_id, due,
             {"fulfilled", due, "Wire transfer reference MP-0412", std::nullopt});
    }
    break;
  }

  agreements::AgreementInput amendment;
  amendment.title = "Amendment No. 1 - longer term, UK added";
  amendment.kind = "co_development";
  amendment.relation = "amendment";
  amendment.parent_id = std::optional(master_id);
  amendment.status = "signed";
  amendment.signed_on = std::optional(Day(-60));
  amendment.effective_on = std::optional(Day(-45));
  agreements::TermChanges changes;
  changes.expiry_on = Day(1591);
  changes.territory = "EU, US and UK";
  amendment.term_changes = changes;
  amendment.obligation_changes = std::vector<agreements::ObligationChange>{
      {report_id, "Reports are due 30 days after quarter end instead of at quarter end."}};
  amendment.summary = "Extends the term by a year and adds the UK to the territory.";
  AgreementOf(a, alice, alliance, amendment);

  agreements::RestrictionInput exclusivity;
  exclusivity.agreement_id = master_id;
  exclusivity.kind = "exclusivity";
  exclusivity.clause_ref = "§12.1";
  exclusivity.description =
      "During the term Pulsewise does not develop or license a cardiology adherence or"
      " monitoring product with any other party in the territory.";
  exclusivity.restricted_party_id = std::optional(pulsewise);
  exclusivity.therapeutic_areas = std::vector<std::string>{"cardiology"};
  exclusivity.territories = std::vector<std::string>{"EU", "US"};
  Must(a.CreateRestriction(alice, alliance, exclusivity), "exclusivity");

  agreements::RestrictionInput non_compete;
  non_compete.agreement_id = master_id;
  non_compete.kind = "non_compete";
  non_compete.clause_ref = "§12.3";
  non_compete.description = "Meridian does not launch a competing heart-failure adherence app.";
  non_compete.restricted_party_id = std::optional(meridian);
  non_compete.therapeutic_areas = std::vector<std::string>{"cardiology"};
  non_compete.modalities = std::vector<std::string>{"digital therapeutic"};
  Must(a.CreateRestriction(alice, alliance, non_compete), "non-compete");

  agreements::IpAssetInput engine;
  engine.title = "Pulsewise adherence engine";
  engine.kind = "background";
  engine.description = "Reminder scheduling and behavioural nudging engine.";
  engine.agreement_id = std::optional(master_id);
  engine.owner_party_id = std::optional(pulsewise);
  engine.licences =
      std::vector<agreements::Licence>{{meridian, "Heart failure", "EU and US", false}};
  engine.patent_family = "EP3998877";
  engine.filing_on = std::optional(Day(-1400));
  engine.expiry_on = std::optional(Day(5900));
  Must(a.CreateIpAsset(dana, alliance, engine), "engine");

  agreements::IpAssetInput model;
  model.title = "Adherence outcome prediction model";
  model.kind = "foreground";
  model.description = "Predicts readmission risk from adherence patterns.";
  model.agreement_id = std::optional(master_id);
  model.shares = std::vector<agreements::Share>{{meridian, 50}, {pulsewise, 50}};
  model.patent_family = "WO2026/014512";
  model.filing_on = std::optional(Day(-120));
  Must(a.CreateIpAsset(alice, alliance, model), "model");

  agreements::DatasetInput study;
  study.name = "Usability study adherence data (pseudonymised)";
  study.agreement_id = std::optional(sow_id);
  study.provider_id = pulsewise;
  study.recipient_id = meridian;
  study.purposes = std::vector<std::string>{"Regulatory submission", "Health-economic model"};
  study.privacy_basis = "de_identified";
  study.security_requirements = "Encrypted at rest; access limited to the study team.";
  study.shared_on = std::optional(Day(-80));
  study.retention_until = std::optional(Day(20));
  study.destruction_due_on = std::optional(Day(20));
  Must(a.CreateDataset(dana, alliance, study), "study data");
}

void CorvaneVelara(db::Database& db, AgreementsService& a, const std::string& alliance) {
  const auto farah = PrincipalOf(db, "farah@corvane.example");
  const auto nadia = PrincipalOf(db, "nadia@velara.example");
  agreements::AgreementInput master;
  master.title = "CVB-201 co-development agreement";
  master.kind = "co_development";
  master.relation = "master";
  master.status = "active";
  master.signed_on = std::optional(Day(-400));
  master.effective_on = std::optional(Day(-400));
  master.expiry_on = std::optional(Day(3250));
  master.notice_period_days = std::optional<int64_t>(365);
  master.governing_law = "Delaware";
  master.field = "Bispecific antibodies against the CVB-201 target in solid tumours";
  master.territory = "Worldwide";
  master.exclusivity = "exclusive";
  master.summary = "Cost and profit sharing 50/50; Corvane leads CMC and phase 1.";
  const std::string master_id = AgreementOf(a, farah, alliance, master);

  agreements::ObligationInput plan;
  plan.agreement_id = master_id;
  plan.clause_ref = "§4.1";
  plan.title = "Annual development plan and budget";
  plan.category = "governance";
  plan.direction = "joint";
  plan.responsible_user_id = std::optional(farah.user_id);
  plan.schedule = "recurring";
  plan.starts_on = std::optional(Day(-380));
  plan.rrule = "FREQ=YEARLY";
  const std::string plan_id = ObligationOf(a, farah, alliance, plan);
  Must(a.RecordOccurrence(nadia, alliance, plan_id, Day(-380), 0,
                          {"fulfilled", Day(-383), "Plan approved by the JSC", std::nullopt}),
       "annual plan");

  agreements::RestrictionInput non_compete;
  non_compete.agreement_id = master_id;
  non_compete.kind = "non_compete";
  non_compete.clause_ref = "§15.2";
  non_compete.description =
      "Neither party develops another bispecific antibody against the CVB-201 target.";
  non_compete.therapeutic_areas = std::vector<std::string>{"oncology"};
  non_compete.modalities = std::vector<std::string>{"bispecific antibody"};
  Must(a.CreateRestriction(farah, alliance, non_compete), "CVB-201 non-compete");
}

}  // namespace

void LoadAgreements(db::Database& database, agreements::AgreementsService& agreements,
                    plans::PlansService& plans,
                    const std::map<std::string, std::string>& alliance_ids) {
  MeridianPulsewise(database, agreements, plans,
                    alliance_ids.at("Meridian × Pulsewise — digital adherence for heart failure"));
  CorvaneVelara(database, agreements, alliance_ids.at("Corvane–Velara bispecific co-development"));
}

}  // namespace northstar::demo
