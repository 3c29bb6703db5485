-- The audit events and the status updates become hash chains (lib/audit/chain.ts). SQLite cannot
-- compute SHA-256: the rows recorded before this migration are chained right after it by
-- chainExistingRows, called from migrateDatabase (db/client.ts), in the same `npm run db:migrate`.
ALTER TABLE `audit_events` ADD `prev_hash` text;--> statement-breakpoint
ALTER TABLE `audit_events` ADD `hash` text;--> statement-breakpoint
ALTER TABLE `status_updates` ADD `prev_hash` text;--> statement-breakpoint
ALTER TABLE `status_updates` ADD `hash` text;
