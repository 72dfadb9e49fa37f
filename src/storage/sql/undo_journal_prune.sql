-- Forgets the schedules from before answers older than ?1: those answers can no longer be undone.
DELETE FROM undo_journal WHERE review_id < ?1
