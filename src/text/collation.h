// Russian alphabetical order (ICU's "ru" collator): how a dictionary sorts words, with е and ё,
// stressed and unstressed vowels, and capitals next to each other.
#pragma once

#include <string>
#include <string_view>

namespace letopis {

// <0, 0 or >0 as `a` sorts before, with or after `b` in Russian order. UTF-8 in; invalid
// sequences compare as U+FFFD. Ties that the collator calls equal (a stress mark alone, say) are
// broken bytewise, so the order is total and only equal strings compare 0 — as an SQL collation
// must be. Safe to call from several threads.
int compare_russian(std::string_view a, std::string_view b);

// A byte string whose bytewise order is compare_russian's order without the bytewise tie-break:
// store it to sort without ICU. It depends on the ICU version, so never keep it in an index.
std::string russian_sort_key(std::string_view utf8);

} // namespace letopis
