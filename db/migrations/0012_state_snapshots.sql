CREATE TABLE `agency_tally_snapshots` (
	`as_of` text NOT NULL,
	`agency_id` integer NOT NULL,
	`area_id` integer NOT NULL,
	`lead_agency_id` integer NOT NULL,
	`due_end` text NOT NULL,
	`status` text NOT NULL,
	`n` integer NOT NULL,
	`progress_sum` integer NOT NULL,
	PRIMARY KEY(`as_of`, `agency_id`, `area_id`, `lead_agency_id`, `due_end`, `status`)
) WITHOUT ROWID;
--> statement-breakpoint
CREATE TABLE `state_snapshots` (
	`as_of` text NOT NULL,
	`commitment_id` integer NOT NULL,
	`status` text NOT NULL,
	`progress` integer NOT NULL,
	`code` text NOT NULL,
	PRIMARY KEY(`as_of`, `commitment_id`)
) WITHOUT ROWID;
--> statement-breakpoint
CREATE INDEX `state_snapshots_status_idx` ON `state_snapshots` (`as_of`,`status`,`code`);--> statement-breakpoint
-- Snapshots are now built with each commitment's state and per agency: drop the old ones (rebuilt on first use).
DELETE FROM `tally_snapshots`;--> statement-breakpoint
DELETE FROM `tally_snapshot_dates`;
