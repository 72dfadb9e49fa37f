-- Value of one meta key (device_id, setting.<name>).
SELECT value FROM meta WHERE key = ?1
