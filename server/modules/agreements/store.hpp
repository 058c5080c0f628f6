// SQL of the agreements module. Each record table is described once (records::Table<T>: its
// select, its columns and how a row maps to the record), and the kit's List/Find/Insert/Update
// serve all of them; documents and recorded occurrences have their own statements.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "modules/agreements/model.hpp"
#include "platform/db/database.hpp"
#include "platform/records/table.hpp"

namespace northstar::agreements::store {

using records::Audience;

using records::Table;

const Table<Agreement>& Agreements();
const Table<Note>& Notes();
const Table<Obligation>& Obligations();
const Table<Restriction>& Restrictions();
const Table<IpAsset>& IpAssets();
const Table<Dataset>& Datasets();

// How many rows of `table` refer to the agreement through `column`.
int64_t CountReferences(db::Session& s, const std::string& table, const std::string& column,
                        const std::string& id);

// ---- documents ----------------------------------------------------------------------------

std::vector<Document> ListDocuments(db::Session& s, const std::string& agreement_id);
std::optional<Document> FindDocument(db::Session& s, const std::string& agreement_id,
                                     const std::string& id);
int64_t NextDocumentVersion(db::Session& s, const std::string& agreement_id,
                            const std::string& name);
void InsertDocument(db::Session& s, const Document& d, const std::string& content_base64);
std::optional<std::string> DocumentContent(db::Session& s, const std::string& document_id);
// Documents per agreement of the alliance.
std::map<std::string, int64_t> DocumentCounts(db::Session& s, const std::string& alliance_id);

// ---- occurrences --------------------------------------------------------------------------

// What was recorded on the occurrences of the given obligations, by obligation id.
std::map<std::string, std::vector<Recorded>> RecordedFor(db::Session& s,
                                                         const std::vector<std::string>& ids);
std::optional<Recorded> FindRecorded(db::Session& s, const std::string& obligation_id,
                                     const std::string& due_on);
// Inserts (expected_version 0) or updates at `expected_version`; false when stale.
bool SaveRecorded(db::Session& s, const Recorded& r, int64_t expected_version);
bool DeleteRecorded(db::Session& s, const std::string& obligation_id, const std::string& due_on,
                    int64_t expected_version);

// ---- across alliances ---------------------------------------------------------------------

// The alliances `user_id` belongs to, with the person's organisation and role there.
struct Belonging {
  std::string alliance_id, alliance_name, organization_id, role;
};
std::vector<Belonging> AlliancesOf(db::Session& s, const std::string& user_id);
// Every alliance that has any record in `table`.
std::vector<std::string> AlliancesWith(db::Session& s, const std::string& table);
// The organisation's name.
std::string OrganizationName(db::Session& s, const std::string& organization_id);

}  // namespace northstar::agreements::store
