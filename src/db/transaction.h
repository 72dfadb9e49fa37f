// Transaction and Savepoint: RAII scopes that roll back unless committed (SQLiteCpp's idea).
// Transaction uses BEGIN IMMEDIATE so the write lock is taken up front, never mid-way.
#pragma once

#include <cstdint>
#include <string>

#include "util/result.h"

namespace letopis {

class Database;

class Transaction {
public:
    static Result<Transaction> begin(Database& db); // BEGIN IMMEDIATE
    Transaction(Transaction&& other) noexcept;
    Transaction& operator=(Transaction&&) = delete;
    Transaction(const Transaction&) = delete;
    Transaction& operator=(const Transaction&) = delete;
    ~Transaction(); // ROLLBACK unless commit() succeeded

    Status commit();

private:
    explicit Transaction(Database* db) : m_db(db) {}
    Database* m_db;
    bool m_open = true;
};

// A nested scope inside a transaction: its writes are undone on failure without ending the
// enclosing transaction.
class Savepoint {
public:
    static Result<Savepoint> begin(Database& db, std::string name);
    Savepoint(Savepoint&& other) noexcept;
    Savepoint& operator=(Savepoint&&) = delete;
    Savepoint(const Savepoint&) = delete;
    Savepoint& operator=(const Savepoint&) = delete;
    ~Savepoint(); // ROLLBACK TO and RELEASE unless release() succeeded

    Status release();

private:
    Savepoint(Database* db, std::string name) : m_db(db), m_name(std::move(name)) {}
    Database* m_db;
    std::string m_name;
    bool m_open = true;
};

} // namespace letopis
