-- Tallies and rollups stored in key order (WITHOUT ROWID), so the dashboard's grouped reads
-- stream from the primary key instead of sorting.
CREATE TABLE `status_flow_totals` (
	`month` integer NOT NULL,
	`from_status` text NOT NULL,
	`to_status` text NOT NULL,
	`n` integer NOT NULL,
	`from_progress_sum` integer NOT NULL,
	`to_progress_sum` integer NOT NULL,
	PRIMARY KEY(`month`, `from_status`, `to_status`)
) WITHOUT ROWID;
--> statement-breakpoint
INSERT INTO `status_flow_totals` (`month`, `from_status`, `to_status`, `n`, `from_progress_sum`, `to_progress_sum`)
SELECT `month`, `from_status`, `to_status`, sum(`n`), sum(`from_progress_sum`), sum(`to_progress_sum`) FROM `status_flows` GROUP BY 1, 2, 3;
--> statement-breakpoint
CREATE TRIGGER `status_flows_total_insert` AFTER INSERT ON `status_flows`
BEGIN
  INSERT INTO `status_flow_totals` (`month`, `from_status`, `to_status`, `n`, `from_progress_sum`, `to_progress_sum`)
  VALUES (NEW.`month`, NEW.`from_status`, NEW.`to_status`, NEW.`n`, NEW.`from_progress_sum`, NEW.`to_progress_sum`)
  ON CONFLICT DO UPDATE SET `n` = `n` + excluded.`n`, `from_progress_sum` = `from_progress_sum` + excluded.`from_progress_sum`, `to_progress_sum` = `to_progress_sum` + excluded.`to_progress_sum`;
END;
--> statement-breakpoint
CREATE TRIGGER `status_flows_total_update` AFTER UPDATE ON `status_flows`
BEGIN
  INSERT INTO `status_flow_totals` (`month`, `from_status`, `to_status`, `n`, `from_progress_sum`, `to_progress_sum`)
  VALUES (OLD.`month`, OLD.`from_status`, OLD.`to_status`, -OLD.`n`, -OLD.`from_progress_sum`, -OLD.`to_progress_sum`)
  ON CONFLICT DO UPDATE SET `n` = `n` + excluded.`n`, `from_progress_sum` = `from_progress_sum` + excluded.`from_progress_sum`, `to_progress_sum` = `to_progress_sum` + excluded.`to_progress_sum`;
  INSERT INTO `status_flow_totals` (`month`, `from_status`, `to_status`, `n`, `from_progress_sum`, `to_progress_sum`)
  VALUES (NEW.`month`, NEW.`from_status`, NEW.`to_status`, NEW.`n`, NEW.`from_progress_sum`, NEW.`to_progress_sum`)
  ON CONFLICT DO UPDATE SET `n` = `n` + excluded.`n`, `from_progress_sum` = `from_progress_sum` + excluded.`from_progress_sum`, `to_progress_sum` = `to_progress_sum` + excluded.`to_progress_sum`;
END;
--> statement-breakpoint
CREATE TRIGGER `status_flows_total_delete` AFTER DELETE ON `status_flows`
BEGIN
  INSERT INTO `status_flow_totals` (`month`, `from_status`, `to_status`, `n`, `from_progress_sum`, `to_progress_sum`)
  VALUES (OLD.`month`, OLD.`from_status`, OLD.`to_status`, -OLD.`n`, -OLD.`from_progress_sum`, -OLD.`to_progress_sum`)
  ON CONFLICT DO UPDATE SET `n` = `n` + excluded.`n`, `from_progress_sum` = `from_progress_sum` + excluded.`from_progress_sum`, `to_progress_sum` = `to_progress_sum` + excluded.`to_progress_sum`;
END;
--> statement-breakpoint
CREATE TABLE `tally_snapshot_dates` (
	`as_of` text PRIMARY KEY NOT NULL,
	`built_at` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `tally_snapshots` (
	`as_of` text NOT NULL,
	`area_id` integer NOT NULL,
	`lead_agency_id` integer NOT NULL,
	`due_end` text NOT NULL,
	`status` text NOT NULL,
	`n` integer NOT NULL,
	`progress_sum` integer NOT NULL,
	PRIMARY KEY(`as_of`, `area_id`, `lead_agency_id`, `due_end`, `status`)
) WITHOUT ROWID;
--> statement-breakpoint
CREATE INDEX `tally_snapshots_due_idx` ON `tally_snapshots` (`as_of`,`due_end`,`status`,`area_id`,`lead_agency_id`,`n`);
--> statement-breakpoint
-- A snapshot holds the state at its date, so any write that could change that state deletes it:
-- a history entry effective on or before the date, or a commitment added, removed, archived or
-- moved to another area, lead agency or due date.
CREATE TRIGGER `transitions_snapshot_insert` AFTER INSERT ON `status_transitions`
BEGIN
  DELETE FROM `tally_snapshots` WHERE `as_of` >= NEW.`effective_date`;
  DELETE FROM `tally_snapshot_dates` WHERE `as_of` >= NEW.`effective_date`;
END;
--> statement-breakpoint
CREATE TRIGGER `transitions_snapshot_update` AFTER UPDATE ON `status_transitions`
BEGIN
  DELETE FROM `tally_snapshots` WHERE `as_of` >= min(OLD.`effective_date`, NEW.`effective_date`);
  DELETE FROM `tally_snapshot_dates` WHERE `as_of` >= min(OLD.`effective_date`, NEW.`effective_date`);
END;
--> statement-breakpoint
CREATE TRIGGER `transitions_snapshot_delete` AFTER DELETE ON `status_transitions`
BEGIN
  DELETE FROM `tally_snapshots` WHERE `as_of` >= OLD.`effective_date`;
  DELETE FROM `tally_snapshot_dates` WHERE `as_of` >= OLD.`effective_date`;
END;
--> statement-breakpoint
CREATE TRIGGER `commitments_snapshot_insert` AFTER INSERT ON `commitments`
BEGIN
  DELETE FROM `tally_snapshots`;
  DELETE FROM `tally_snapshot_dates`;
END;
--> statement-breakpoint
CREATE TRIGGER `commitments_snapshot_update` AFTER UPDATE OF `area_id`, `lead_agency_id`, `due_end`, `archived_at` ON `commitments`
WHEN OLD.`area_id` IS NOT NEW.`area_id` OR OLD.`lead_agency_id` IS NOT NEW.`lead_agency_id` OR OLD.`due_end` IS NOT NEW.`due_end` OR OLD.`archived_at` IS NOT NEW.`archived_at`
BEGIN
  DELETE FROM `tally_snapshots`;
  DELETE FROM `tally_snapshot_dates`;
END;
--> statement-breakpoint
CREATE TRIGGER `commitments_snapshot_delete` AFTER DELETE ON `commitments`
BEGIN
  DELETE FROM `tally_snapshots`;
  DELETE FROM `tally_snapshot_dates`;
END;
--> statement-breakpoint
DROP TRIGGER `commitments_tally_insert`;
--> statement-breakpoint
DROP TRIGGER `commitments_tally_update`;
--> statement-breakpoint
DROP TRIGGER `commitments_tally_delete`;
--> statement-breakpoint
CREATE TABLE `__new_commitment_tallies` (
	`area_id` integer NOT NULL,
	`lead_agency_id` integer NOT NULL,
	`due_end` text NOT NULL,
	`status` text NOT NULL,
	`n` integer NOT NULL,
	`progress_sum` integer NOT NULL,
	PRIMARY KEY(`area_id`, `lead_agency_id`, `due_end`, `status`)
) WITHOUT ROWID;
--> statement-breakpoint
INSERT INTO `__new_commitment_tallies` SELECT `area_id`, `lead_agency_id`, `due_end`, `status`, `n`, `progress_sum` FROM `commitment_tallies`;
--> statement-breakpoint
DROP TABLE `commitment_tallies`;
--> statement-breakpoint
ALTER TABLE `__new_commitment_tallies` RENAME TO `commitment_tallies`;
--> statement-breakpoint
CREATE INDEX `commitment_tallies_due_idx` ON `commitment_tallies` (`due_end`,`status`,`area_id`,`lead_agency_id`,`n`);
--> statement-breakpoint
CREATE TRIGGER `commitments_tally_insert` AFTER INSERT ON `commitments` WHEN NEW.`archived_at` IS NULL
BEGIN
  INSERT INTO `commitment_tallies` (`area_id`, `lead_agency_id`, `due_end`, `status`, `n`, `progress_sum`)
  VALUES (NEW.`area_id`, NEW.`lead_agency_id`, coalesce(NEW.`due_end`, ''), NEW.`status`, 1, NEW.`progress`)
  ON CONFLICT DO UPDATE SET `n` = `n` + 1, `progress_sum` = `progress_sum` + excluded.`progress_sum`;
END;
--> statement-breakpoint
CREATE TRIGGER `commitments_tally_update` AFTER UPDATE OF `area_id`, `lead_agency_id`, `due_end`, `status`, `progress`, `archived_at` ON `commitments`
BEGIN
  INSERT INTO `commitment_tallies` (`area_id`, `lead_agency_id`, `due_end`, `status`, `n`, `progress_sum`)
  SELECT OLD.`area_id`, OLD.`lead_agency_id`, coalesce(OLD.`due_end`, ''), OLD.`status`, -1, -OLD.`progress` WHERE OLD.`archived_at` IS NULL
  ON CONFLICT DO UPDATE SET `n` = `n` + excluded.`n`, `progress_sum` = `progress_sum` + excluded.`progress_sum`;
  INSERT INTO `commitment_tallies` (`area_id`, `lead_agency_id`, `due_end`, `status`, `n`, `progress_sum`)
  SELECT NEW.`area_id`, NEW.`lead_agency_id`, coalesce(NEW.`due_end`, ''), NEW.`status`, 1, NEW.`progress` WHERE NEW.`archived_at` IS NULL
  ON CONFLICT DO UPDATE SET `n` = `n` + excluded.`n`, `progress_sum` = `progress_sum` + excluded.`progress_sum`;
END;
--> statement-breakpoint
CREATE TRIGGER `commitments_tally_delete` AFTER DELETE ON `commitments` WHEN OLD.`archived_at` IS NULL
BEGIN
  INSERT INTO `commitment_tallies` (`area_id`, `lead_agency_id`, `due_end`, `status`, `n`, `progress_sum`)
  VALUES (OLD.`area_id`, OLD.`lead_agency_id`, coalesce(OLD.`due_end`, ''), OLD.`status`, -1, -OLD.`progress`)
  ON CONFLICT DO UPDATE SET `n` = `n` + excluded.`n`, `progress_sum` = `progress_sum` + excluded.`progress_sum`;
END;
