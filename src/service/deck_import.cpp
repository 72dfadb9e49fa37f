// Deck import: file → ImportedFile (deck module) → collection (storage), all inside one
// transaction, so a failure half-way leaves the collection as it was.
#include "service/deck_import.h"

#include "service/deck_credits.h"
#include "service/deck_directions.h"
#include "service/deck_options.h"
#include "service/study_session.h"

#include <algorithm>
#include <system_error>
#include <unordered_map>
#include <unordered_set>

namespace letopis {
namespace {

bool same_text(const Note& a, const Note& b)
{
    return a.russian == b.russian && a.english == b.english && a.part_of_speech == b.part_of_speech &&
           a.grammar == b.grammar && a.example_russian == b.example_russian &&
           a.example_english == b.example_english && a.tags == b.tags && a.source == b.source && a.notes == b.notes;
}

} // namespace

Result<ImportReport> import_deck(Collection& collection, const DeckFile& deck)
{
    ImportReport report;
    report.deck_title = deck.title;
    report.deck_key = deck.key;
    auto status = collection.transact([&]() -> Status {
        auto existing = collection.deck_by_key(deck.key);
        if (!existing)
            return existing.error();
        DeckInfo info = existing->value_or(DeckInfo{});
        info.key = deck.key;
        info.title = deck.title;
        info.description = deck.description;
        auto deck_id = collection.upsert_deck(info);
        if (!deck_id)
            return deck_id.error();
        // Which directions the deck studies decides which new cards the queue offers.
        TRY_STATUS(collection.set_setting(deck_directions_setting(deck.key),
                                          format_directions(deck.studies_russian_to_english,
                                                            deck.studies_english_to_russian)));
        TRY_STATUS(store_deck_credits(collection, deck));

        std::unordered_map<std::string, Note> known;
        std::unordered_set<int64_t> suspended;
        if (existing->has_value()) {
            auto notes = collection.notes_in_deck(*deck_id);
            if (!notes)
                return notes.error();
            for (auto& note : *notes)
                known.emplace(note.key, std::move(note));
            auto suspended_ids = collection.suspended_notes(*deck_id);
            if (!suspended_ids)
                return suspended_ids.error();
            for (NoteId id : *suspended_ids)
                suspended.insert(id.value);
        }

        std::unordered_set<std::string_view> in_file;
        std::vector<Note> added; // stored together at the end: one statement per note
        for (const auto& entry : deck.entries) {
            Note note = entry.note;
            note.deck = *deck_id;
            if (!in_file.insert(entry.note.key).second)
                continue; // a key given twice counts once, as first given
            auto found = known.find(note.key);
            if (found == known.end()) {
                added.push_back(std::move(note));
                continue;
            }
            ++report.notes_updated;
            // "leech" is the learner's tag, not the author's: a new version of the deck keeps it.
            if (has_tag(found->second.tags, kLeechTag))
                note.tags = with_tag(note.tags, kLeechTag);
            // Unchanged notes are left alone: re-importing a large deck then writes almost nothing.
            if (!same_text(found->second, note)) {
                auto id = collection.upsert_note(note);
                if (!id)
                    return id.error();
                ++report.notes_changed;
            }
            if (suspended.count(found->second.id.value) > 0) {
                auto changed = collection.set_note_suspended(found->second.id, false);
                if (!changed)
                    return changed.error();
                report.notes_restored += *changed > 0 ? 1 : 0;
            }
        }

        TRY_STATUS(collection.insert_new_notes(*deck_id, added));
        report.notes_added = static_cast<int32_t>(added.size());
        // A deck the learner also studies by ear: new notes get their listening card too.
        auto listening = deck_studies_listening(collection, deck.key);
        if (!listening)
            return listening.error();
        if (*listening) {
            auto made = collection.add_listening_cards(*deck_id);
            if (!made)
                return made.error();
        }

        // Notes gone from the file: suspended, never deleted, so their history stays. Listed in
        // the order they were added.
        std::vector<const Note*> gone;
        for (const auto& [key, note] : known) {
            if (in_file.count(key) == 0)
                gone.push_back(&note);
        }
        std::sort(gone.begin(), gone.end(), [](const Note* a, const Note* b) { return a->id < b->id; });
        for (const Note* missing : gone) {
            const Note& note = *missing;
            report.notes_missing.push_back({note.key, note.russian});
            auto changed = collection.set_note_suspended(note.id, true);
            if (!changed)
                return changed.error();
            report.notes_suspended += *changed > 0 ? 1 : 0;
        }
        return {};
    });
    if (!status)
        return status.error();
    return report;
}

Result<ImportReport> import_read_file(Collection& collection, const ImportedFile& file, std::string_view file_label)
{
    if (file.has_errors()) {
        std::string message;
        for (const auto& diagnostic : file.diagnostics) {
            if (diagnostic.severity != Severity::Error)
                continue;
            if (!message.empty())
                message += '\n';
            message += format_diagnostic(file_label, diagnostic);
        }
        return make_error(ErrorKind::Parse, std::move(message));
    }
    auto report = import_deck(collection, file.deck);
    if (!report)
        return report.error();
    report->warnings = file.diagnostics;
    return report;
}

Result<ImportReport> import_file(Collection& collection, const std::filesystem::path& path,
                                 const ImportFileOptions& options)
{
    auto file = read_import_file(path, options);
    if (!file)
        return file.error();
    return import_read_file(collection, *file, path.string());
}

Result<ImportReport> import_deck_file(Collection& collection, const std::filesystem::path& path)
{
    return import_file(collection, path, ImportFileOptions{});
}

Result<std::vector<ImportReport>> import_missing_decks(Collection& collection,
                                                       const std::filesystem::path& decks_dir)
{
    std::error_code ec;
    std::vector<std::filesystem::path> files;
    for (const auto& entry : std::filesystem::directory_iterator(decks_dir, ec)) {
        if (entry.is_regular_file() && entry.path().extension() == ".tsv")
            files.push_back(entry.path());
    }
    if (ec)
        return make_error(ErrorKind::Io, "Cannot read the deck folder " + decks_dir.string() + ": " + ec.message());
    std::sort(files.begin(), files.end());

    std::vector<ImportReport> reports;
    for (const auto& file : files) {
        auto existing = collection.deck_by_key(file.stem().string());
        if (!existing)
            return existing.error();
        if (existing->has_value())
            continue;
        auto report = import_deck_file(collection, file);
        if (!report)
            return report.error();
        reports.push_back(std::move(*report));
    }
    return reports;
}

} // namespace letopis
