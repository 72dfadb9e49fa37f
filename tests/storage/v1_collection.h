// Builds a collection exactly as the first release wrote it: the embedded version-1 schema, WAL,
// a device id, and a little real data with a review history. For the migration tests.
#pragma once

#include <gtest/gtest.h>

#include <filesystem>
#include <string>

#include "db/database.h"
#include "storage/embedded_sql.h"

namespace letopis::testing {

inline constexpr int64_t kV1DeviceId = 4242424242;

inline void make_v1_collection(const std::filesystem::path& path)
{
    Result<std::unique_ptr<Database>> opened = Database::open(path, DbOpen::Create);
    ASSERT_TRUE(opened.ok());
    Database& db = **opened;
    ASSERT_TRUE(db.exec(sql::k_schema_v1).ok());
    ASSERT_TRUE(db.query_text("PRAGMA journal_mode = WAL").ok());
    const std::string data = R"sql(
        INSERT INTO meta (key, value) VALUES ('device_id', '4242424242'), ('setting.ui.theme', 'dark');
        INSERT INTO decks (id, key, title) VALUES (1, '01-revolution', 'Революция');
        INSERT INTO notes (id, deck_id, key, russian, english, fold_key, sort_order)
            VALUES (1, 1, 'sovet', 'сове́т', 'council', 'совет', 1),
                   (2, 1, 'yolka', 'ёлка', 'fir tree', 'елка', 2);
        INSERT INTO cards (id, note_id, deck_id, direction, phase, stability, difficulty, due_ms,
                           last_review_ms, step, reps, lapses, scheduled_days)
            VALUES (1, 1, 1, 0, 2, 3.5, 5.25, 1700259200000, 1700000000000, 0, 2, 0, 3),
                   (2, 1, 1, 1, 0, NULL, NULL, 0, 0, 0, 0, 0, 0),
                   (3, 2, 1, 0, 0, NULL, NULL, 0, 0, 0, 0, 0, 0),
                   (4, 2, 1, 1, 0, NULL, NULL, 0, 0, 0, 0, 0, 0);
        INSERT INTO reviews (id, device_id, card_id, time_ms, rating, phase_before, elapsed_days,
                             retrievability, stability, difficulty, scheduled_days, due_ms, duration_ms)
            VALUES (1699900000000000, 4242424242, 1, 1699900000000, 3, 0, 0, 0, 2.3, 5.1, 0,
                    1699900600000, 3000),
                   (1700000000000000, 4242424242, 1, 1700000000000, 3, 1, 1, 0.9, 3.5, 5.25, 3,
                    1700259200000, 2500);
    )sql";
    ASSERT_TRUE(db.exec(data).ok());
}

} // namespace letopis::testing
