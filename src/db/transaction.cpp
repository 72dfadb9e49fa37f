// Transaction and Savepoint: BEGIN IMMEDIATE / SAVEPOINT scopes that undo their writes unless
// committed or released.
#include "db/transaction.h"

#include "db/database.h"

namespace letopis {

Result<Transaction> Transaction::begin(Database& db)
{
    TRY_STATUS(db.exec("BEGIN IMMEDIATE"));
    return Transaction(&db);
}

Transaction::Transaction(Transaction&& other) noexcept : m_db(other.m_db), m_open(other.m_open)
{
    other.m_open = false;
}

Transaction::~Transaction()
{
    // SQLite may already have rolled back by itself (after SQLITE_FULL, say); then ROLLBACK
    // fails harmlessly.
    if (m_open && m_db->in_transaction())
        (void)m_db->exec("ROLLBACK");
}

Status Transaction::commit()
{
    VERIFY(m_open);
    TRY_STATUS(m_db->exec("COMMIT"));
    m_open = false;
    return {};
}

Result<Savepoint> Savepoint::begin(Database& db, std::string name)
{
    TRY_STATUS(db.exec("SAVEPOINT \"" + name + "\""));
    return Savepoint(&db, std::move(name));
}

Savepoint::Savepoint(Savepoint&& other) noexcept
    : m_db(other.m_db), m_name(std::move(other.m_name)), m_open(other.m_open)
{
    other.m_open = false;
}

Savepoint::~Savepoint()
{
    if (m_open && m_db->in_transaction()) {
        (void)m_db->exec("ROLLBACK TO \"" + m_name + "\"");
        (void)m_db->exec("RELEASE \"" + m_name + "\"");
    }
}

Status Savepoint::release()
{
    VERIFY(m_open);
    TRY_STATUS(m_db->exec("RELEASE \"" + m_name + "\""));
    m_open = false;
    return {};
}

} // namespace letopis
