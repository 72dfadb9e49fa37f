// hunspell behind text/lemmas.h. Proper nouns are known only with their capital (Хрущёва →
// Хрущёв), so a word is tried as written first and then in lower case.
#include "text/lemmas.h"

#include <hunspell/hunspell.hxx>

#include <unordered_map>

#include "text/russian_word.h"

namespace letopis {

struct Lemmatizer::Impl {
    Hunspell hunspell;
    std::unordered_map<std::string, std::vector<std::string>> cache;

    Impl(const std::string& aff, const std::string& dic) : hunspell(aff.c_str(), dic.c_str()) {}
};

Lemmatizer::Lemmatizer(std::unique_ptr<Impl> impl) : m_impl(std::move(impl)) {}
Lemmatizer::~Lemmatizer() = default;

Result<std::unique_ptr<Lemmatizer>> Lemmatizer::open(const std::filesystem::path& aff, const std::filesystem::path& dic)
{
    std::error_code ec;
    for (const auto& path : {aff, dic}) {
        if (!std::filesystem::is_regular_file(path, ec))
            return make_error(ErrorKind::NotFound, path.string() + ": the Russian hunspell dictionary is not "
                                                                  "installed (Debian package hunspell-ru)");
    }
    try {
        auto impl = std::make_unique<Impl>(aff.string(), dic.string());
        return std::unique_ptr<Lemmatizer>(new Lemmatizer(std::move(impl)));
    } catch (const std::exception& e) {
        return make_error(ErrorKind::Io, dic.string() + ": " + e.what());
    }
}

Result<std::unique_ptr<Lemmatizer>> Lemmatizer::open_default()
{
    return open(std::filesystem::path(kDefaultAffPath), std::filesystem::path(kDefaultDicPath));
}

const std::vector<std::string>& Lemmatizer::lemmas(std::string_view word)
{
    const std::string plain = strip_stress_marks(word);
    auto found = m_impl->cache.find(plain);
    if (found != m_impl->cache.end())
        return found->second;

    std::vector<std::string> stems = m_impl->hunspell.stem(plain);
    if (stems.empty()) {
        const std::string lower = fold_word(plain);
        if (lower != plain)
            stems = m_impl->hunspell.stem(lower);
    }
    std::vector<std::string> folded;
    for (const auto& stem : stems) {
        std::string key = fold_word(stem);
        bool seen = false;
        for (const auto& earlier : folded)
            seen = seen || earlier == key;
        if (!seen)
            folded.push_back(std::move(key));
    }
    return m_impl->cache.emplace(plain, std::move(folded)).first->second;
}

} // namespace letopis
