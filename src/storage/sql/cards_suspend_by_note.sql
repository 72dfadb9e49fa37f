-- Suspends (?2 = 1) or unsuspends (?2 = 0) every card of a note; the schedule is not touched.
UPDATE cards SET suspended = ?2 WHERE note_id = ?1 AND suspended != ?2
