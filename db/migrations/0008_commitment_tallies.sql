CREATE TABLE `commitment_tallies` (
	`area_id` integer NOT NULL,
	`lead_agency_id` integer NOT NULL,
	`due_end` text NOT NULL,
	`status` text NOT NULL,
	`n` integer NOT NULL,
	`progress_sum` integer NOT NULL,
	PRIMARY KEY(`area_id`, `lead_agency_id`, `due_end`, `status`)
);
--> statement-breakpoint
INSERT INTO `commitment_tallies` (`area_id`, `lead_agency_id`, `due_end`, `status`, `n`, `progress_sum`)
SELECT `area_id`, `lead_agency_id`, coalesce(`due_end`, ''), `status`, count(*), sum(`progress`) FROM `commitments` WHERE `archived_at` IS NULL GROUP BY 1, 2, 3, 4;
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
