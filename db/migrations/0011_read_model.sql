-- One mechanism keeps derived data: the TypeScript projector in lib/as-of, called by every write
-- service inside its transaction. The maintenance triggers go (first, so no trigger names a table
-- this migration rebuilds); the append-only guards stay (db/guards.ts re-creates them after every
-- migration). Derived tables are rebuilt after migrating when their version changes (settings).
DROP TRIGGER IF EXISTS `commitments_tally_insert`;--> statement-breakpoint
DROP TRIGGER IF EXISTS `commitments_tally_update`;--> statement-breakpoint
DROP TRIGGER IF EXISTS `commitments_tally_delete`;--> statement-breakpoint
DROP TRIGGER IF EXISTS `status_flows_total_insert`;--> statement-breakpoint
DROP TRIGGER IF EXISTS `status_flows_total_update`;--> statement-breakpoint
DROP TRIGGER IF EXISTS `status_flows_total_delete`;--> statement-breakpoint
DROP TRIGGER IF EXISTS `transitions_snapshot_insert`;--> statement-breakpoint
DROP TRIGGER IF EXISTS `transitions_snapshot_update`;--> statement-breakpoint
DROP TRIGGER IF EXISTS `transitions_snapshot_delete`;--> statement-breakpoint
DROP TRIGGER IF EXISTS `commitments_snapshot_insert`;--> statement-breakpoint
DROP TRIGGER IF EXISTS `commitments_snapshot_update`;--> statement-breakpoint
DROP TRIGGER IF EXISTS `commitments_snapshot_delete`;--> statement-breakpoint
DROP TRIGGER IF EXISTS `transitions_agency_flows_insert`;--> statement-breakpoint
DROP TRIGGER IF EXISTS `transitions_agency_flows_update`;--> statement-breakpoint
DROP TRIGGER IF EXISTS `transitions_agency_flows_delete`;--> statement-breakpoint
DROP TRIGGER IF EXISTS `partners_agency_flows_insert`;--> statement-breakpoint
DROP TRIGGER IF EXISTS `partners_agency_flows_delete`;--> statement-breakpoint
DROP TRIGGER IF EXISTS `partners_agency_flows_update`;--> statement-breakpoint
DROP TRIGGER IF EXISTS `commitments_agency_flows_lead`;--> statement-breakpoint
CREATE TABLE `agency_tallies` (
	`agency_id` integer NOT NULL,
	`area_id` integer NOT NULL,
	`lead_agency_id` integer NOT NULL,
	`due_end` text NOT NULL,
	`status` text NOT NULL,
	`n` integer NOT NULL,
	`progress_sum` integer NOT NULL,
	PRIMARY KEY(`agency_id`, `area_id`, `lead_agency_id`, `due_end`, `status`)
) WITHOUT ROWID;
--> statement-breakpoint
PRAGMA foreign_keys=OFF;--> statement-breakpoint
CREATE TABLE `__new_status_transitions` (
	`commitment_id` integer NOT NULL,
	`update_id` integer NOT NULL,
	`effective_date` text NOT NULL,
	`from_status` text NOT NULL,
	`to_status` text NOT NULL,
	`from_progress` integer NOT NULL,
	`to_progress` integer NOT NULL,
	PRIMARY KEY(`commitment_id`, `update_id`),
	FOREIGN KEY (`commitment_id`) REFERENCES `commitments`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
INSERT INTO `__new_status_transitions`("commitment_id", "update_id", "effective_date", "from_status", "to_status", "from_progress", "to_progress") SELECT "commitment_id", "update_id", "effective_date", "from_status", "to_status", "from_progress", "to_progress" FROM `status_transitions`;--> statement-breakpoint
DROP TABLE `status_transitions`;--> statement-breakpoint
ALTER TABLE `__new_status_transitions` RENAME TO `status_transitions`;--> statement-breakpoint
PRAGMA foreign_keys=ON;--> statement-breakpoint
CREATE INDEX `status_transitions_commitment_idx` ON `status_transitions` (`commitment_id`,`effective_date`,`update_id`);--> statement-breakpoint
CREATE INDEX `status_transitions_effective_idx` ON `status_transitions` (`effective_date`,`commitment_id`,`from_status`,`to_status`,`from_progress`,`to_progress`);--> statement-breakpoint
DROP INDEX `commitments_dashboard_idx`;--> statement-breakpoint
ALTER TABLE `commitments` ADD `adopted_on` text DEFAULT '' NOT NULL;--> statement-breakpoint
CREATE INDEX `commitments_adopted_idx` ON `commitments` (`adopted_on`);--> statement-breakpoint
CREATE INDEX `commitments_dashboard_idx` ON `commitments` (`archived_at`,`area_id`,`lead_agency_id`,`due_end`,`status`,`progress`,`last_update_on`,`dialogue_id`,`adopted_on`);--> statement-breakpoint
UPDATE `commitments` SET `adopted_on` = (SELECT `held_on` FROM `dialogues` WHERE `dialogues`.`id` = `commitments`.`dialogue_id`);