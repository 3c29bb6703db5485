-- `sessions.id` now holds the SHA-256 of the session id the cookie carries, no longer the id
-- itself. SQLite cannot hash the old rows, and they would let anyone holding the database file
-- replay them: they are deleted, so everyone signed in must sign in again once.
DELETE FROM `sessions`;
