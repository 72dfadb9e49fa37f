// The samples of recently spoken texts, so a word heard again (the R key, the next review) is not
// synthesized again. Least recently used first out; not thread-safe (the speaker's worker owns it).
#pragma once

#include <cstddef>
#include <cstdint>
#include <list>
#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

namespace letopis {

using Samples = std::shared_ptr<const std::vector<int16_t>>;

class PcmCache {
public:
    explicit PcmCache(size_t max_bytes);

    // The samples cached for `key`, now the most recently used; null if none.
    Samples find(const std::string& key);
    // Caches `samples` under `key`, dropping the least recently used entries beyond max_bytes. An
    // entry larger than max_bytes is not kept.
    void insert(const std::string& key, Samples samples);

    size_t size() const { return m_index.size(); }
    size_t bytes() const { return m_bytes; }

private:
    using Entry = std::pair<std::string, Samples>;

    void evict_to(size_t max_bytes);

    size_t m_max_bytes;
    size_t m_bytes = 0;
    std::list<Entry> m_entries; // most recently used first
    std::unordered_map<std::string, std::list<Entry>::iterator> m_index;
};

} // namespace letopis
