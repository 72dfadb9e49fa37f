// `letopis check` at the storage level: reads a collection file and lists what is wrong with it.
#include "storage/integrity.h"

#include <algorithm>
#include <cctype>
#include <exception>
#include <memory>
#include <system_error>

#include "db/database.h"
#include "db/statement.h"
#include "storage/collection.h"
#include "storage/embedded_sql.h"
#include "storage/file_lock.h"
#include "storage/schema_versions.h"
#include "text/collation.h"
#include "text/normalize.h"

namespace letopis {

namespace fs = std::filesystem;

namespace {

constexpr int kMaxListed = 20; // problems of one kind listed before "and N more"

bool tight(char c) { return c == '(' || c == ')' || c == ',' || c == ';' || c == '='; }

// Comments dropped, runs of white space made one space (none next to punctuation), double
// quotes around identifiers dropped (ALTER TABLE … RENAME adds them); string literals untouched.
std::string normalize_sql(std::string_view sql)
{
    std::string out;
    bool pending_space = false;
    auto put = [&](char c) {
        if (pending_space && !out.empty() && !tight(out.back()) && !tight(c))
            out += ' ';
        pending_space = false;
        out += c;
    };
    for (size_t i = 0; i < sql.size();) {
        const char c = sql[i];
        if (c == '\'') {
            size_t end = i + 1;
            while (end < sql.size() && !(sql[end] == '\'' && (end + 1 >= sql.size() || sql[end + 1] != '\'')))
                end += sql[end] == '\'' ? 2 : 1;
            put('\'');
            out.append(sql.substr(i + 1, std::min(end, sql.size()) - i));
            i = end + 1;
        } else if (c == '-' && i + 1 < sql.size() && sql[i + 1] == '-') {
            while (i < sql.size() && sql[i] != '\n')
                ++i;
            pending_space = true;
        } else if (c == '"') {
            ++i;
        } else if (std::isspace(static_cast<unsigned char>(c))) {
            pending_space = true;
            ++i;
        } else {
            put(c);
            ++i;
        }
    }
    return out;
}

// Runs `sql` and adds one problem per row, made by `describe` from the row.
Status list_rows(Database& db, std::string_view sql, std::vector<std::string>& problems,
                 const std::function<std::optional<std::string>(const Statement&)>& describe)
{
    Result<Statement> stmt = db.prepare(sql);
    if (!stmt)
        return stmt.error();
    int listed = 0, more = 0;
    for (;;) {
        Result<bool> row = stmt->step();
        if (!row)
            return row.error();
        if (!*row)
            break;
        std::optional<std::string> problem = describe(*stmt);
        if (!problem)
            continue;
        if (listed < kMaxListed) {
            problems.push_back(std::move(*problem));
            ++listed;
        } else {
            ++more;
        }
    }
    if (more > 0)
        problems.push_back("… and " + std::to_string(more) + " more of the same kind");
    return {};
}

Result<std::vector<std::string>> schema_of_script(const std::vector<std::string_view>& scripts)
{
    Result<std::unique_ptr<Database>> db = Database::open("expected schema", DbOpen::Memory);
    if (!db)
        return db.error();
    for (std::string_view script : scripts)
        TRY_STATUS((*db)->exec(script));
    return normalized_schema(**db);
}

// Checks that need a readable database; any SQLite error on the way is itself a problem.
Status read_checks(Database& db, IntegrityReport& report)
{
    Result<int64_t> version = db.query_int("PRAGMA user_version");
    if (!version)
        return version.error();
    report.schema_version = static_cast<int32_t>(*version);

    TRY_STATUS(list_rows(db, "PRAGMA integrity_check(100)", report.problems,
                         [](const Statement& row) -> std::optional<std::string> {
                             std::string text = row.column_text(0);
                             if (text == "ok")
                                 return std::nullopt;
                             return "SQLite's integrity check: " + text;
                         }));
    TRY_STATUS(list_foreign_key_problems(db, report.problems));

    Result<std::vector<std::string>> expected = expected_schema(report.schema_version);
    if (!expected)
        return expected.error();
    Result<std::vector<std::string>> actual = normalized_schema(db);
    if (!actual)
        return actual.error();
    if (*actual != *expected) {
        for (const std::string& object : *expected)
            if (!std::binary_search(actual->begin(), actual->end(), object))
                report.problems.push_back("the schema (version " + std::to_string(report.schema_version) +
                                          ") lacks or has changed: " + object);
        for (const std::string& object : *actual)
            if (!std::binary_search(expected->begin(), expected->end(), object))
                report.problems.push_back("the schema (version " + std::to_string(report.schema_version) +
                                          ") has an unexpected: " + object);
        return {}; // the queries below assume the expected schema
    }

    Result<int64_t> cards = db.query_int("SELECT COUNT(*) FROM cards");
    if (!cards)
        return cards.error();
    report.cards = *cards;
    if (report.schema_version < schema::kCurrentVersion) {
        Result<int64_t> reviews = db.query_int("SELECT COUNT(*) FROM reviews");
        if (!reviews)
            return reviews.error();
        report.reviews = *reviews;
        report.notes.push_back("schema version " + std::to_string(report.schema_version) +
                               ": Letopis upgrades it to version " + std::to_string(schema::kCurrentVersion) +
                               " (after a backup) when it next opens the collection");
        return {};
    }
    Result<int64_t> reviews = db.query_int("SELECT COUNT(*) FROM live_reviews");
    if (!reviews)
        return reviews.error();
    report.reviews = *reviews;
    Result<int64_t> undone = db.query_int("SELECT COUNT(*) FROM undone_reviews");
    if (!undone)
        return undone.error();
    report.undone_reviews = *undone;

    const size_t before = report.problems.size();
    Status listed = list_rows(db, sql::k_check_card_states, report.problems,
                              [](const Statement& row) -> std::optional<std::string> {
                                  std::string card = "card " + std::to_string(row.column_int(0));
                                  if (row.column_is_null(1))
                                      return card + " was never answered, yet its schedule is not that of a new card";
                                  return card + ": its stored schedule disagrees with its last answer (review " +
                                         std::to_string(row.column_int(1)) +
                                         "); `letopis check --rebuild` recomputes it from the log";
                              });
    report.cards_disagreeing = static_cast<int64_t>(report.problems.size() - before);
    return listed;
}

bool exists_quietly(const fs::path& path)
{
    std::error_code ec;
    return fs::exists(path, ec);
}

fs::path sibling(const fs::path& file, std::string_view suffix)
{
    fs::path out = file;
    out += std::string(suffix);
    return out;
}

Result<IntegrityReport> check_file(const fs::path& path)
{
    std::error_code ec;
    const fs::path file = fs::absolute(path, ec).lexically_normal();
    if (ec || !exists_quietly(file))
        return make_error(ErrorKind::NotFound, file.string() + " does not exist");

    IntegrityReport report;
    Result<CollectionFileInfo> info = Collection::inspect_file(file, IntegrityCheck::Quick);
    if (!info) {
        if (info.error().kind != ErrorKind::Corrupt)
            return info.error();
        report.problems.push_back(info.error().message);
    } else if (info->empty) {
        return make_error(ErrorKind::NotACollection, file.string() + " is empty: it is not a collection yet");
    }

    // No Letopis may write while we read. On a read-only disk there can be no writer either.
    Result<std::unique_ptr<FileLock>> lock = FileLock::acquire(sibling(file, ".lock"), file);
    if (!lock && lock.error().kind != ErrorKind::ReadOnly)
        return lock.error();

    // With the lock held and no -wal or -journal, the main file holds everything, and an
    // immutable connection reads it without creating any file beside it.
    const bool side_files = exists_quietly(sibling(file, "-wal")) || exists_quietly(sibling(file, "-journal"));
    Result<std::unique_ptr<Database>> db =
        Database::open(file, side_files || !lock ? DbOpen::ReadOnly : DbOpen::ReadOnlyImmutable);
    if (!db) {
        report.problems.push_back(db.error().message);
        return report;
    }
    (void)(*db)->register_text_function("fold_key", [](std::string_view text) { return fold_key(text); });
    (void)(*db)->register_collation("russian", compare_russian);
    Status checked = read_checks(**db, report);
    if (!checked) {
        if (checked.error().kind == ErrorKind::TooNew || checked.error().kind == ErrorKind::NotACollection)
            return checked.error();
        report.problems.push_back("the check stopped: " + checked.error().message);
    }
    return report;
}

} // namespace

Status list_foreign_key_problems(Database& db, std::vector<std::string>& problems)
{
    return list_rows(db, "PRAGMA foreign_key_check", problems, [](const Statement& row) -> std::optional<std::string> {
        return "row " + std::to_string(row.column_int(1)) + " of table " + row.column_text(0) + " refers to a row of " +
               row.column_text(2) + " that does not exist";
    });
}

Result<std::vector<std::string>> normalized_schema(Database& db)
{
    std::vector<std::string> objects;
    for (const char* pragma : {"application_id", "user_version"}) {
        Result<int64_t> value = db.query_int(std::string("PRAGMA ") + pragma);
        if (!value)
            return value.error();
        objects.push_back(std::string("pragma ") + pragma + " = " + std::to_string(*value));
    }
    Result<Statement> stmt =
        db.prepare("SELECT type, name, tbl_name, sql FROM sqlite_schema WHERE name NOT LIKE 'sqlite\\_%' ESCAPE '\\'");
    if (!stmt)
        return stmt.error();
    for (;;) {
        Result<bool> row = stmt->step();
        if (!row)
            return row.error();
        if (!*row)
            break;
        objects.push_back(stmt->column_text(0) + " " + stmt->column_text(1) + " on " + stmt->column_text(2) + ": " +
                          normalize_sql(stmt->column_text(3)));
    }
    std::sort(objects.begin(), objects.end());
    return objects;
}

Result<std::vector<std::string>> expected_schema(int32_t version)
{
    if (version < 1 || version > schema::kCurrentVersion)
        return make_error(ErrorKind::TooNew, "schema version " + std::to_string(version) + " is not one this build knows");
    std::vector<std::string_view> scripts{sql::k_schema_v1};
    for (int32_t v = 1; v < version; ++v)
        scripts.push_back(schema::kMigrations[v - 1]);
    return schema_of_script(scripts);
}

Result<std::vector<std::string>> fresh_schema() { return schema_of_script({sql::k_schema}); }

Result<IntegrityReport> check_collection_file(const fs::path& path)
{
    try {
        return check_file(path);
    } catch (const std::exception& e) {
        return make_error(ErrorKind::Io, "cannot check " + path.string() + ": " + e.what());
    }
}

} // namespace letopis
