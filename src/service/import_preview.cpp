// ImportService (see import_preview.h): maps the screen's choices onto ImportFileOptions and the
// deck module's findings onto plain values the UI can show.
#include "service/import_preview.h"

#include <unordered_set>

#include "deck/import_file.h"
#include "service/deck_import.h"
#include "storage/collection.h"

namespace letopis {
namespace {

ImportFileOptions options_for(const ImportChoices& choices)
{
    ImportFileOptions options;
    if (!choices.encoding.empty())
        options.encoding = encoding_from_name(choices.encoding);
    if (choices.russian_column >= 0)
        options.columns.russian_column = choices.russian_column;
    if (choices.english_column >= 0)
        options.columns.english_column = choices.english_column;
    switch (choices.mojibake) {
    case MojibakeDecision::Undecided: options.mojibake = MojibakeChoice::Ask; break;
    case MojibakeDecision::Repair: options.mojibake = MojibakeChoice::Repair; break;
    case MojibakeDecision::Keep: options.mojibake = MojibakeChoice::Keep; break;
    }
    return options;
}

} // namespace

std::string ImportSummary::text() const
{
    std::string out = deck_title + ": " + std::to_string(added) + " notes added, " + std::to_string(updated) +
                      " already there (" + std::to_string(changed) + " changed)";
    if (restored > 0)
        out += ", " + std::to_string(restored) + " back in the file and unsuspended";
    if (!missing.empty()) {
        out += ", " + std::to_string(missing.size()) + " no longer in the file and suspended (history kept)";
    }
    return out + ".";
}

ImportService::ImportService(Collection& collection) : m_collection(collection) {}

std::vector<std::string> ImportService::encoding_names()
{
    std::vector<std::string> names;
    for (TextEncoding encoding : kAllTextEncodings)
        names.emplace_back(encoding_name(encoding));
    return names;
}

Result<ImportPreview> ImportService::preview(const std::string& path, const ImportChoices& choices)
{
    if (!choices.encoding.empty() && !encoding_from_name(choices.encoding))
        return make_error(ErrorKind::InvalidInput, "unknown encoding \"" + choices.encoding + "\"");
    auto read = read_import_file(path, options_for(choices));
    if (!read)
        return read.error();
    const ImportedFile& file = *read;

    ImportPreview preview;
    preview.path = path;
    preview.format = std::string(file_format_name(file.format, file.layout.delimiter));
    preview.word_list = file.format == FileFormat::WordList;
    preview.encoding = std::string(encoding_name(file.encoding));
    preview.encoding_source = std::string(encoding_source_name(file.encoding_source));
    if (preview.word_list) {
        preview.has_header = file.layout.has_header;
        preview.russian_column = file.layout.russian_column;
        preview.english_column = file.layout.english_column;
        preview.column_roles = file.layout.column_roles;
        for (size_t c = 0; c < file.layout.column_names.size(); ++c) {
            const std::string& name = file.layout.column_names[c];
            preview.column_names.push_back(name.empty() ? "column " + std::to_string(c + 1) : name);
        }
    }
    if (file.mojibake) {
        preview.mojibake_found = true;
        preview.mojibake_repaired = file.mojibake->applied;
        preview.mojibake_description =
            file.mojibake->repair.written_in + " text shown as " + file.mojibake->repair.read_as;
        for (const auto& line : file.mojibake->sample)
            preview.mojibake_sample.push_back({line.line, line.before, line.after});
    }

    preview.deck_key = file.deck.key;
    preview.deck_title = file.deck.title;
    preview.note_count = static_cast<int32_t>(file.deck.entries.size());
    for (const auto& entry : file.deck.entries) {
        if (static_cast<int32_t>(preview.rows.size()) >= kPreviewRows)
            break;
        preview.rows.push_back({entry.line, entry.note.key, entry.note.russian, entry.note.english});
    }

    for (const auto& diagnostic : file.diagnostics) {
        const bool error = diagnostic.severity == Severity::Error;
        (error ? preview.error_count : preview.warning_count) += 1;
        if (static_cast<int32_t>(preview.messages.size()) < kMaxMessages)
            preview.messages.push_back({diagnostic.line, error, diagnostic.message});
    }

    auto existing = m_collection.deck_by_key(file.deck.key);
    if (!existing)
        return existing.error();
    preview.deck_exists = existing->has_value();
    std::unordered_set<std::string> known;
    if (preview.deck_exists) {
        auto notes = m_collection.notes_in_deck((*existing)->id);
        if (!notes)
            return notes.error();
        for (const auto& note : *notes)
            known.insert(note.key);
    }
    std::unordered_set<std::string> in_file;
    for (const auto& entry : file.deck.entries) {
        if (!in_file.insert(entry.note.key).second)
            continue;
        (known.count(entry.note.key) > 0 ? preview.would_update : preview.would_add) += 1;
    }
    for (const auto& key : known)
        preview.would_suspend += in_file.count(key) == 0 ? 1 : 0;
    return preview;
}

Result<ImportSummary> ImportService::import(const std::string& path, const ImportChoices& choices)
{
    auto report = import_file(m_collection, path, options_for(choices));
    if (!report)
        return report.error();
    ImportSummary summary;
    summary.deck_title = report->deck_title;
    summary.added = report->notes_added;
    summary.updated = report->notes_updated;
    summary.changed = report->notes_changed;
    summary.restored = report->notes_restored;
    summary.suspended = report->notes_suspended;
    for (const auto& missing : report->notes_missing)
        summary.missing.push_back(missing.key + " — " + missing.russian);
    return summary;
}

} // namespace letopis
