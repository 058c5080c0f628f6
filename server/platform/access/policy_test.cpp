#include "platform/access/policy.hpp"

#include <gtest/gtest.h>

namespace northstar::access {
namespace {

const Membership kPharmaManager{"A", "u-pm", "pharma", AllianceRole::kManager};
const Membership kPharmaMember{"A", "u-pmem", "pharma", AllianceRole::kMember};
const Membership kPharmaViewer{"A", "u-pv", "pharma", AllianceRole::kViewer};
const Membership kPharmaExec{"A", "u-pe", "pharma", AllianceRole::kExecutive};
const Membership kStartupManager{"A", "u-sm", "startup", AllianceRole::kManager};
const Membership kStartupMember{"A", "u-smem", "startup", AllianceRole::kMember};

RecordScope Scope(Visibility v, std::string org = "pharma", std::string owner = "u-pmem",
                  std::vector<std::string> readers = {}) {
  return {v, std::move(org), std::move(owner), std::move(readers)};
}

TEST(ChangeControl, EachPartyOwnsItsWords) {
  EXPECT_TRUE(AuthorizePartyWords(kPharmaManager, "pharma", "Pharma", true).ok());
  EXPECT_EQ(AuthorizePartyWords(kPharmaManager, "startup", "Start-up", true).error().code,
            ErrorCode::kForbidden);
  // Before anyone of the start-up joins, the alliance can be drafted in full.
  EXPECT_TRUE(AuthorizePartyWords(kPharmaManager, "startup", "Start-up", false).ok());
  for (const auto& m : {kPharmaMember, kPharmaViewer, kPharmaExec}) {
    EXPECT_EQ(AuthorizePartyWords(m, "pharma", "Pharma", true).error().code, ErrorCode::kForbidden);
  }
}

TEST(ChangeControl, OnlyTheOtherPartiesManagersDecide) {
  const std::vector<std::string> consenting{"startup"};
  EXPECT_TRUE(AuthorizeConsent(kStartupManager, "pharma", consenting).ok());
  EXPECT_EQ(AuthorizeConsent(kStartupMember, "pharma", consenting).error().code,
            ErrorCode::kForbidden);
  // The proposing party does not consent to its own proposal.
  EXPECT_EQ(AuthorizeConsent(kPharmaManager, "pharma", consenting).error().code,
            ErrorCode::kForbidden);
  // A party whose consent is not needed does not decide.
  EXPECT_EQ(AuthorizeConsent(kPharmaManager, "startup", {}).error().code, ErrorCode::kForbidden);
}

TEST(ChangeControl, OnlyTheProposingPartyWithdraws) {
  EXPECT_TRUE(AuthorizeWithdrawal(kPharmaManager, "pharma").ok());
  EXPECT_EQ(AuthorizeWithdrawal(kStartupManager, "pharma").error().code, ErrorCode::kForbidden);
  EXPECT_EQ(AuthorizeWithdrawal(kPharmaMember, "pharma").error().code, ErrorCode::kForbidden);
}

TEST(Minutes, TheCommitteesRecordKeepersAndTheMeetingsOwnersWriteThem) {
  const auto meeting = Scope(Visibility::kAlliance, "pharma", "u-pmem");
  // The partner's co-chair or secretary, even as a viewer of the alliance.
  EXPECT_TRUE(AuthorizeMinutesChange(kStartupMember, meeting, true).ok());
  EXPECT_TRUE(AuthorizeMinutesChange(kPharmaViewer, meeting, true).ok());
  // The author and the owning party's managers, as for any change of the meeting.
  EXPECT_TRUE(AuthorizeMinutesChange(kPharmaMember, meeting, false).ok());
  EXPECT_TRUE(AuthorizeMinutesChange(kPharmaManager, meeting, false).ok());
  EXPECT_EQ(AuthorizeMinutesChange(kStartupManager, meeting, false).error().code,
            ErrorCode::kForbidden);
  EXPECT_EQ(AuthorizeMinutesChange(kPharmaExec, meeting, false).error().code,
            ErrorCode::kForbidden);
  // A party-private meeting stays invisible to the other party, seat or not.
  EXPECT_EQ(AuthorizeMinutesChange(kStartupMember, Scope(Visibility::kParty), true).error().code,
            ErrorCode::kNotFound);
}

TEST(Read, AllianceRecordsAreReadByEveryParty) {
  for (const auto& m : {kPharmaManager, kPharmaViewer, kStartupManager, kStartupMember}) {
    EXPECT_TRUE(CanRead(m, Scope(Visibility::kAlliance)));
  }
}

TEST(Read, PartyRecordsStayWithTheOwningParty) {
  const auto scope = Scope(Visibility::kParty);
  EXPECT_TRUE(CanRead(kPharmaManager, scope));
  EXPECT_TRUE(CanRead(kPharmaViewer, scope));
  EXPECT_TRUE(CanRead(kPharmaExec, scope));
  EXPECT_FALSE(CanRead(kStartupManager, scope));
  EXPECT_FALSE(CanRead(kStartupMember, scope));
}

TEST(Read, RestrictedRecordsOnlyForOwnerAndReaders) {
  const auto scope = Scope(Visibility::kRestricted, "pharma", "u-pmem", {"u-sm"});
  EXPECT_TRUE(CanRead(kPharmaMember, scope));    // owner
  EXPECT_TRUE(CanRead(kStartupManager, scope));  // named reader, even of another party
  EXPECT_FALSE(CanRead(kPharmaManager, scope));  // own party's manager is not named
  EXPECT_FALSE(CanRead(kStartupMember, scope));
}

TEST(Read, InvisibleIsNotFoundNeverForbidden) {
  Status s = AuthorizeRead(kStartupManager, Scope(Visibility::kParty));
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.error().code, ErrorCode::kNotFound);
  s = AuthorizeRecordChange(kStartupManager, Scope(Visibility::kParty));
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.error().code, ErrorCode::kNotFound);
}

TEST(Write, AuthorOrManagerOfOwningParty) {
  const auto scope = Scope(Visibility::kAlliance, "pharma", "u-pmem");
  EXPECT_TRUE(AuthorizeRecordChange(kPharmaMember, scope).ok());
  EXPECT_TRUE(AuthorizeRecordChange(kPharmaManager, scope).ok());
  // The partner's manager reads the record but may not change it.
  Status s = AuthorizeRecordChange(kStartupManager, scope);
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.error().code, ErrorCode::kForbidden);
  // A viewer of the owning party may not either.
  s = AuthorizeRecordChange(kPharmaViewer, scope);
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.error().code, ErrorCode::kForbidden);
}

TEST(Write, CreateOnlyInOwnNameAndParty) {
  EXPECT_TRUE(
      AuthorizeRecordCreate(kPharmaMember, Scope(Visibility::kParty, "pharma", "u-pmem")).ok());
  EXPECT_FALSE(
      AuthorizeRecordCreate(kPharmaMember, Scope(Visibility::kParty, "startup", "u-pmem")).ok());
  EXPECT_FALSE(
      AuthorizeRecordCreate(kPharmaViewer, Scope(Visibility::kParty, "pharma", "u-pv")).ok());
  EXPECT_FALSE(
      AuthorizeRecordCreate(kPharmaExec, Scope(Visibility::kAlliance, "pharma", "u-pe")).ok());
}

TEST(Scopes, AnUpdateEventIsReadOnlyByWhoReadBothVersions) {
  const auto alliance = Scope(Visibility::kAlliance);
  const auto party = Scope(Visibility::kParty);
  const auto shared = Scope(Visibility::kRestricted, "pharma", "u-pmem", {"u-sm", "u-pm"});
  const auto narrower = Scope(Visibility::kRestricted, "pharma", "u-pmem", {"u-pm"});
  EXPECT_EQ(Intersect(alliance, party).visibility, Visibility::kParty);
  EXPECT_EQ(Intersect(party, alliance).visibility, Visibility::kParty);
  // restricted (with a partner reader) -> party: the partner must not read the party version.
  const auto both = Intersect(shared, party);
  EXPECT_EQ(both.visibility, Visibility::kRestricted);
  EXPECT_FALSE(CanRead(kStartupManager, both));
  EXPECT_TRUE(CanRead(kPharmaMember, both));  // the owner
  EXPECT_EQ(Intersect(shared, narrower).readers, std::vector<std::string>{"u-pm"});
}

TEST(Scopes, CoversOnlyWhenEveryReaderOfTheInnerReadsTheOuter) {
  const auto alliance = Scope(Visibility::kAlliance);
  const auto party = Scope(Visibility::kParty);
  const auto other_party = Scope(Visibility::kParty, "startup", "u-sm");
  EXPECT_TRUE(Covers(alliance, party));
  EXPECT_FALSE(Covers(party, alliance));
  EXPECT_TRUE(Covers(party, party));
  EXPECT_FALSE(Covers(other_party, party));
  EXPECT_TRUE(Covers(party, Scope(Visibility::kRestricted, "pharma", "u-pmem")));
  // A restricted record may name readers of another party: a party scope cannot cover it.
  EXPECT_FALSE(Covers(party, Scope(Visibility::kRestricted, "pharma", "u-pmem", {"u-sm"})));
  EXPECT_TRUE(Covers(Scope(Visibility::kRestricted, "pharma", "u-pmem", {"u-sm"}),
                     Scope(Visibility::kRestricted, "pharma", "u-sm", {"u-pmem"})));
}

TEST(AllianceActions, ManagersRunTheAlliance) {
  for (auto action : {AllianceAction::kEdit, AllianceAction::kMoveStage, AllianceAction::kArchive,
                      AllianceAction::kInvite, AllianceAction::kManageOwnPartyMembers}) {
    EXPECT_TRUE(Authorize(kPharmaManager, action).ok());
    EXPECT_TRUE(Authorize(kStartupManager, action).ok());
    for (const auto& m : {kPharmaMember, kPharmaViewer, kPharmaExec}) {
      Status s = Authorize(m, action);
      ASSERT_FALSE(s.ok());
      EXPECT_EQ(s.error().code, ErrorCode::kForbidden);
    }
  }
  EXPECT_TRUE(Authorize(kPharmaMember, AllianceAction::kWriteRecords).ok());
  EXPECT_FALSE(Authorize(kPharmaViewer, AllianceAction::kWriteRecords).ok());
  EXPECT_TRUE(Authorize(kPharmaViewer, AllianceAction::kRead).ok());
}

TEST(AllianceActions, MembersOfOwnPartyOnly) {
  EXPECT_TRUE(AuthorizeMemberChange(kPharmaManager, "pharma").ok());
  EXPECT_FALSE(AuthorizeMemberChange(kPharmaManager, "startup").ok());
  EXPECT_FALSE(AuthorizeMemberChange(kPharmaMember, "pharma").ok());
}

TEST(Names, RoundTrip) {
  for (auto name : AllianceRoleNames()) EXPECT_EQ(ToString(*ParseAllianceRole(name)), name);
  for (auto name : VisibilityNames()) EXPECT_EQ(ToString(*ParseVisibility(name)), name);
  EXPECT_FALSE(ParseVisibility("public"));
  EXPECT_FALSE(ParseAllianceRole("owner"));
}

TEST(Readers, JsonRoundTrip) {
  const std::vector<std::string> readers = {"0190a1b2-0000-7000-8000-000000000001", "x"};
  EXPECT_EQ(ReadersFromJson(ReadersToJson(readers)), readers);
  EXPECT_TRUE(ReadersFromJson("not json").empty());
}

TEST(Sql, VisibilityConditionCoversAllThreeLevels) {
  const std::string sql = VisibleRecordsSql("n");
  EXPECT_NE(sql.find("n.visibility = 'alliance'"), std::string::npos);
  EXPECT_NE(sql.find("n.owner_organization_id = :acc_org"), std::string::npos);
  EXPECT_NE(sql.find("n.readers LIKE :acc_reader"), std::string::npos);
}

}  // namespace
}  // namespace northstar::access
