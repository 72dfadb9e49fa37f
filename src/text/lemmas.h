// Dictionary forms (lemmas) of Russian words from the installed hunspell-ru dictionary, so that
// "крестьянами" can be matched with "крестьянин". Read at run time from /usr/share/hunspell.
#pragma once

#include <filesystem>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "util/result.h"

namespace letopis {

class Lemmatizer {
public:
    static constexpr std::string_view kDefaultAffPath = "/usr/share/hunspell/ru_RU.aff";
    static constexpr std::string_view kDefaultDicPath = "/usr/share/hunspell/ru_RU.dic";

    // NotFound if either file is missing (Debian package hunspell-ru).
    static Result<std::unique_ptr<Lemmatizer>> open(const std::filesystem::path& aff, const std::filesystem::path& dic);
    static Result<std::unique_ptr<Lemmatizer>> open_default();
    ~Lemmatizer();
    Lemmatizer(const Lemmatizer&) = delete;
    Lemmatizer& operator=(const Lemmatizer&) = delete;

    // The lemmas of one NFC word (stress marks may be present), folded with fold_word; empty when
    // hunspell does not know the word. Irregular forms (людей) come back as themselves; ambiguous
    // ones give several (стали → сталь, стать). Results are cached; not thread-safe.
    const std::vector<std::string>& lemmas(std::string_view word);

private:
    struct Impl;
    explicit Lemmatizer(std::unique_ptr<Impl> impl);
    std::unique_ptr<Impl> m_impl;
};

} // namespace letopis
