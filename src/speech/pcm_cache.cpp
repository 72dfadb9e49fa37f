// A list in order of use plus a hash map into it: find and insert in constant time.
#include "speech/pcm_cache.h"

namespace letopis {
namespace {

size_t size_of(const Samples& samples) { return samples ? samples->size() * sizeof(int16_t) : 0; }

} // namespace

PcmCache::PcmCache(size_t max_bytes) : m_max_bytes(max_bytes) {}

Samples PcmCache::find(const std::string& key)
{
    auto found = m_index.find(key);
    if (found == m_index.end())
        return nullptr;
    m_entries.splice(m_entries.begin(), m_entries, found->second);
    return found->second->second;
}

void PcmCache::insert(const std::string& key, Samples samples)
{
    if (auto found = m_index.find(key); found != m_index.end()) {
        m_bytes -= size_of(found->second->second);
        m_entries.erase(found->second);
        m_index.erase(found);
    }
    const size_t size = size_of(samples);
    if (!samples || size > m_max_bytes)
        return;
    evict_to(m_max_bytes - size);
    m_entries.emplace_front(key, std::move(samples));
    m_index[key] = m_entries.begin();
    m_bytes += size;
}

void PcmCache::evict_to(size_t max_bytes)
{
    while (m_bytes > max_bytes && !m_entries.empty()) {
        m_bytes -= size_of(m_entries.back().second);
        m_index.erase(m_entries.back().first);
        m_entries.pop_back();
    }
}

} // namespace letopis
