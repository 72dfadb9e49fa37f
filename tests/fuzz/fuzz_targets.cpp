// The fuzz targets (see fuzz_targets.h). Besides not crashing, each checks a few invariants that
// must hold for any input, so the fuzzer finds wrong answers as well as crashes.
#include "fuzz/fuzz_targets.h"

#include <cstdlib>
#include <string>
#include <string_view>

#include "deck/deck_lint.h"
#include "deck/deck_writer.h"
#include "deck/import_file.h"
#include "text/encoding.h"
#include "text/normalize.h"
#include "text/stress_dictionary.h"

namespace letopis::fuzz {
namespace {

// An invariant broke: abort, so both libFuzzer and the replay main report the input.
void require(bool condition)
{
    if (!condition)
        std::abort();
}

std::string_view as_text(const uint8_t* data, size_t size) { return {reinterpret_cast<const char*>(data), size}; }

const StressDictionary& small_dictionary()
{
    static const auto dictionary = StressDictionary::from_text("войнА совЕт диктАтор зАмок замОк Имя ЛенингрАд");
    return *dictionary;
}

} // namespace

int deck_reader(const uint8_t* data, size_t size)
{
    const std::string_view text = as_text(data, size);
    DeckReading reading = read_deck_text(text, "fuzz");
    auto parsed = parse_deck_text(text, "fuzz.tsv", "fuzz");
    require(parsed.ok() == !reading.has_errors());
    for (const auto& entry : reading.deck.entries)
        require(entry.line >= 1);
    if (parsed.ok()) {
        // A deck that reads cleanly writes out and reads back to the same notes.
        auto again = parse_deck_text(write_deck_text(*parsed), "again.tsv", "fuzz");
        require(again.ok());
        require(again->entries.size() == parsed->entries.size());
        for (size_t i = 0; i < again->entries.size(); ++i) {
            require(again->entries[i].note.key == parsed->entries[i].note.key);
            require(again->entries[i].note.russian == parsed->entries[i].note.russian);
        }
    }
    return 0;
}

int word_list(const uint8_t* data, size_t size)
{
    const std::string_view text = as_text(data, size);
    const char delimiter = detect_delimiter(text);
    require(delimiter == '\t' || delimiter == ',' || delimiter == ';');
    for (const auto& row : split_word_list(text, delimiter))
        require(row.line >= 1 && !row.fields.empty());
    WordListLayout layout;
    WordListOptions options;
    if (size > 0)
        options.russian_column = data[0] % 4 == 0 ? std::optional<int32_t>(data[0] % 3) : std::nullopt;
    DeckReading reading = read_word_list(text, "fuzz", "Fuzz", options, &layout);
    if (!reading.has_errors()) {
        for (const auto& entry : reading.deck.entries) {
            require(!entry.note.key.empty() && !entry.note.russian.empty() && !entry.note.english.empty());
            require(is_valid_note_key(entry.note.key));
        }
    }
    return 0;
}

int import_bytes(const uint8_t* data, size_t size)
{
    const std::string_view bytes = as_text(data, size);
    ImportFileOptions options;
    options.purpose = size % 2 == 0 ? ReadPurpose::Lint : ReadPurpose::Import;
    options.mojibake = size % 3 == 0 ? MojibakeChoice::Repair : MojibakeChoice::Ask;
    ImportedFile file = read_import_bytes(bytes, "fuzz.tsv", options);
    for (const auto& entry : file.deck.entries) {
        require(is_valid_utf8(entry.note.russian));
        require(is_valid_utf8(entry.note.english));
    }
    LintTools tools;
    tools.stress = &small_dictionary();
    for (const auto& diagnostic : lint_deck(file.deck, tools))
        require(diagnostic.line >= 1 && !diagnostic.message.empty());
    return 0;
}

int encoding(const uint8_t* data, size_t size)
{
    const std::string_view bytes = as_text(data, size);
    const TextEncoding detected = detect_encoding(bytes);
    const DecodedText decoded = decode_text(bytes, detected);
    require(is_valid_utf8(decoded.utf8));
    for (TextEncoding candidate : kAllTextEncodings) {
        const DecodedText other = decode_text(bytes, candidate);
        require(is_valid_utf8(other.utf8));
        // Whatever decodes without loss encodes back to the same bytes (less the BOM).
        if (other.invalid_lines.empty() && candidate != TextEncoding::Utf8) {
            auto encoded = encode_text(other.utf8, candidate);
            if (encoded.ok() && !other.had_bom)
                require(*encoded == bytes || candidate == TextEncoding::Utf16Le || candidate == TextEncoding::Utf16Be);
        }
    }
    if (auto repair = find_mojibake_repair(decoded.utf8))
        require(is_valid_utf8(repair->repaired) && cyrillic_score(repair->repaired) > cyrillic_score(decoded.utf8));
    return 0;
}

} // namespace letopis::fuzz
