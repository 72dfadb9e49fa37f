// Deck and TSV writers (see deck_writer.h).
#include "deck/deck_writer.h"

namespace letopis {
namespace {

void append_field(std::string& out, const std::string& value)
{
    for (char c : value)
        out += (c == '\t' || c == '\n' || c == '\r') ? ' ' : c;
}

void append_row(std::string& out, std::initializer_list<const std::string*> fields)
{
    bool first = true;
    for (const std::string* field : fields) {
        if (!first)
            out += '\t';
        first = false;
        append_field(out, *field);
    }
    out += '\n';
}

void append_metadata(std::string& out, std::string_view name, const std::string& value)
{
    if (value.empty())
        return;
    out += "# ";
    out += name;
    out += ": ";
    append_field(out, value);
    out += '\n';
}

} // namespace

std::string write_deck_text(const DeckFile& deck)
{
    std::string out;
    append_metadata(out, "title", deck.title.empty() ? deck.key : deck.title);
    append_metadata(out, "description", deck.description);
    append_metadata(out, "author", deck.author);
    append_metadata(out, "licence", deck.licence);
    append_metadata(out, "source", deck.source);
    if (!(deck.studies_russian_to_english && deck.studies_english_to_russian))
        append_metadata(out, "directions", deck.studies_russian_to_english ? "ru-en" : "en-ru");
    out += "\nkey\trussian\tenglish\tpos\tgrammar\texample_ru\texample_en\ttags\tsource\tnotes\n";
    for (const auto& entry : deck.entries) {
        const Note& n = entry.note;
        append_row(out, {&n.key, &n.russian, &n.english, &n.part_of_speech, &n.grammar, &n.example_russian,
                         &n.example_english, &n.tags, &n.source, &n.notes});
    }
    return out;
}

std::string write_tsv(const DeckFile& deck)
{
    std::string out = "russian\tenglish\tpos\tgrammar\texample_ru\texample_en\ttags\tsource\tnotes\tkey\n";
    for (const auto& entry : deck.entries) {
        const Note& n = entry.note;
        append_row(out, {&n.russian, &n.english, &n.part_of_speech, &n.grammar, &n.example_russian,
                         &n.example_english, &n.tags, &n.source, &n.notes, &n.key});
    }
    return out;
}

} // namespace letopis
