// What `letopis check` reads in a collection file: SQLite's own checks, the schema against the one
// its version should have, and every card's schedule against its last answer.
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include "util/result.h"

namespace letopis {

class Database; // db/database.h

struct IntegrityReport {
    int32_t schema_version = 0;
    std::vector<std::string> problems; // one sentence each; empty when the file is healthy
    std::vector<std::string> notes;    // facts that are not problems (an older schema, say)
    int64_t cards = 0;
    int64_t reviews = 0;        // answers that count
    int64_t undone_reviews = 0; // answers taken back
    // Problems that are cards disagreeing with their last answer (the rest is damage that the
    // schedule rebuild cannot mend).
    int64_t cards_disagreeing = 0;

    bool damaged() const { return static_cast<int64_t>(problems.size()) > cards_disagreeing; }
};

// Reads the collection at `path` without writing it: header checks, SQLite's integrity_check and
// foreign_key_check, the schema objects against those its version should have, and (on the
// current schema) each card's stored schedule against its last answer that counts. Holds the
// single-instance lock while it reads. A damaged file is a problem in the report, not an error.
// Errors, when the file cannot be checked at all: NotFound, NotACollection, TooNew, Locked
// (open in a Letopis window), Io.
Result<IntegrityReport> check_collection_file(const std::filesystem::path& path);

// Adds one sentence to `problems` per row that refers to a missing row (foreign_key_check).
Status list_foreign_key_problems(Database& db, std::vector<std::string>& problems);

// The schema objects of `db` in a canonical form, one string per object ("type name: sql" with
// comments, quotes and spacing normalised), sorted; internal sqlite_* objects left out.
Result<std::vector<std::string>> normalized_schema(Database& db);

// normalized_schema of what version `version` of our schema contains, built in memory from the
// embedded version-1 schema and the migrations after it. Version 1 up to the current one.
Result<std::vector<std::string>> expected_schema(int32_t version);

// The same for a new collection of this build (schema.sql).
Result<std::vector<std::string>> fresh_schema();

} // namespace letopis
