// The schema versions this build knows: the current one, and the migration from each older one.
// Internal to storage/ (it includes the generated header of embedded SQL).
#pragma once

#include <cstdint>
#include <iterator>
#include <string_view>

#include "storage/embedded_sql.h"

namespace letopis::schema {

inline constexpr int32_t kCurrentVersion = 3;

// migrate_N_to_N+1.sql, indexed by N − 1. Each one ends by setting user_version to N + 1.
inline constexpr std::string_view kMigrations[] = {sql::k_migrate_1_to_2, sql::k_migrate_2_to_3};
static_assert(std::size(kMigrations) == kCurrentVersion - 1, "one migration per schema version");

} // namespace letopis::schema
