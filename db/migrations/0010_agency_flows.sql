CREATE TABLE `status_flows_by_agency` (
	`agency_id` integer NOT NULL,
	`month` integer NOT NULL,
	`from_status` text NOT NULL,
	`to_status` text NOT NULL,
	`n` integer NOT NULL,
	`from_progress_sum` integer NOT NULL,
	`to_progress_sum` integer NOT NULL,
	PRIMARY KEY(`agency_id`, `month`, `from_status`, `to_status`)
) WITHOUT ROWID;
--> statement-breakpoint
INSERT INTO `status_flows_by_agency` (`agency_id`, `month`, `from_status`, `to_status`, `n`, `from_progress_sum`, `to_progress_sum`)
SELECT m.`agency_id`, cast(substr(t.`effective_date`, 1, 4) AS integer) * 12 + cast(substr(t.`effective_date`, 6, 2) AS integer) - 1, t.`from_status`, t.`to_status`, count(*), sum(t.`from_progress`), sum(t.`to_progress`)
FROM `status_transitions` t
JOIN (SELECT `id` AS `commitment_id`, `lead_agency_id` AS `agency_id` FROM `commitments` UNION SELECT `commitment_id`, `agency_id` FROM `commitment_partners`) m ON m.`commitment_id` = t.`commitment_id`
GROUP BY 1, 2, 3, 4;
--> statement-breakpoint
-- Every agency on the commitment (lead and partners, once each) counts each entry.
CREATE TRIGGER `transitions_agency_flows_insert` AFTER INSERT ON `status_transitions`
BEGIN
  INSERT INTO `status_flows_by_agency` (`agency_id`, `month`, `from_status`, `to_status`, `n`, `from_progress_sum`, `to_progress_sum`)
  SELECT m.`agency_id`, cast(substr(NEW.`effective_date`, 1, 4) AS integer) * 12 + cast(substr(NEW.`effective_date`, 6, 2) AS integer) - 1, NEW.`from_status`, NEW.`to_status`, 1, NEW.`from_progress`, NEW.`to_progress`
  FROM (SELECT `lead_agency_id` AS `agency_id` FROM `commitments` WHERE `id` = NEW.`commitment_id` UNION SELECT `agency_id` FROM `commitment_partners` WHERE `commitment_id` = NEW.`commitment_id`) m WHERE true
  ON CONFLICT DO UPDATE SET `n` = `n` + excluded.`n`, `from_progress_sum` = `from_progress_sum` + excluded.`from_progress_sum`, `to_progress_sum` = `to_progress_sum` + excluded.`to_progress_sum`;
END;
--> statement-breakpoint
CREATE TRIGGER `transitions_agency_flows_update` AFTER UPDATE ON `status_transitions`
BEGIN
  INSERT INTO `status_flows_by_agency` (`agency_id`, `month`, `from_status`, `to_status`, `n`, `from_progress_sum`, `to_progress_sum`)
  SELECT m.`agency_id`, cast(substr(OLD.`effective_date`, 1, 4) AS integer) * 12 + cast(substr(OLD.`effective_date`, 6, 2) AS integer) - 1, OLD.`from_status`, OLD.`to_status`, -1, -OLD.`from_progress`, -OLD.`to_progress`
  FROM (SELECT `lead_agency_id` AS `agency_id` FROM `commitments` WHERE `id` = OLD.`commitment_id` UNION SELECT `agency_id` FROM `commitment_partners` WHERE `commitment_id` = OLD.`commitment_id`) m WHERE true
  ON CONFLICT DO UPDATE SET `n` = `n` + excluded.`n`, `from_progress_sum` = `from_progress_sum` + excluded.`from_progress_sum`, `to_progress_sum` = `to_progress_sum` + excluded.`to_progress_sum`;
  INSERT INTO `status_flows_by_agency` (`agency_id`, `month`, `from_status`, `to_status`, `n`, `from_progress_sum`, `to_progress_sum`)
  SELECT m.`agency_id`, cast(substr(NEW.`effective_date`, 1, 4) AS integer) * 12 + cast(substr(NEW.`effective_date`, 6, 2) AS integer) - 1, NEW.`from_status`, NEW.`to_status`, 1, NEW.`from_progress`, NEW.`to_progress`
  FROM (SELECT `lead_agency_id` AS `agency_id` FROM `commitments` WHERE `id` = NEW.`commitment_id` UNION SELECT `agency_id` FROM `commitment_partners` WHERE `commitment_id` = NEW.`commitment_id`) m WHERE true
  ON CONFLICT DO UPDATE SET `n` = `n` + excluded.`n`, `from_progress_sum` = `from_progress_sum` + excluded.`from_progress_sum`, `to_progress_sum` = `to_progress_sum` + excluded.`to_progress_sum`;
END;
--> statement-breakpoint
CREATE TRIGGER `transitions_agency_flows_delete` AFTER DELETE ON `status_transitions`
BEGIN
  INSERT INTO `status_flows_by_agency` (`agency_id`, `month`, `from_status`, `to_status`, `n`, `from_progress_sum`, `to_progress_sum`)
  SELECT m.`agency_id`, cast(substr(OLD.`effective_date`, 1, 4) AS integer) * 12 + cast(substr(OLD.`effective_date`, 6, 2) AS integer) - 1, OLD.`from_status`, OLD.`to_status`, -1, -OLD.`from_progress`, -OLD.`to_progress`
  FROM (SELECT `lead_agency_id` AS `agency_id` FROM `commitments` WHERE `id` = OLD.`commitment_id` UNION SELECT `agency_id` FROM `commitment_partners` WHERE `commitment_id` = OLD.`commitment_id`) m WHERE true
  ON CONFLICT DO UPDATE SET `n` = `n` + excluded.`n`, `from_progress_sum` = `from_progress_sum` + excluded.`from_progress_sum`, `to_progress_sum` = `to_progress_sum` + excluded.`to_progress_sum`;
END;
--> statement-breakpoint
-- A partner joining or leaving brings or takes the commitment's whole history, unless it leads it.
CREATE TRIGGER `partners_agency_flows_insert` AFTER INSERT ON `commitment_partners`
WHEN NEW.`agency_id` IS NOT (SELECT `lead_agency_id` FROM `commitments` WHERE `id` = NEW.`commitment_id`)
BEGIN
  INSERT INTO `status_flows_by_agency` (`agency_id`, `month`, `from_status`, `to_status`, `n`, `from_progress_sum`, `to_progress_sum`)
  SELECT NEW.`agency_id`, cast(substr(t.`effective_date`, 1, 4) AS integer) * 12 + cast(substr(t.`effective_date`, 6, 2) AS integer) - 1, t.`from_status`, t.`to_status`, count(*), sum(t.`from_progress`), sum(t.`to_progress`)
  FROM `status_transitions` t WHERE t.`commitment_id` = NEW.`commitment_id` GROUP BY 2, 3, 4
  ON CONFLICT DO UPDATE SET `n` = `n` + excluded.`n`, `from_progress_sum` = `from_progress_sum` + excluded.`from_progress_sum`, `to_progress_sum` = `to_progress_sum` + excluded.`to_progress_sum`;
END;
--> statement-breakpoint
CREATE TRIGGER `partners_agency_flows_delete` AFTER DELETE ON `commitment_partners`
WHEN OLD.`agency_id` IS NOT (SELECT `lead_agency_id` FROM `commitments` WHERE `id` = OLD.`commitment_id`)
BEGIN
  INSERT INTO `status_flows_by_agency` (`agency_id`, `month`, `from_status`, `to_status`, `n`, `from_progress_sum`, `to_progress_sum`)
  SELECT OLD.`agency_id`, cast(substr(t.`effective_date`, 1, 4) AS integer) * 12 + cast(substr(t.`effective_date`, 6, 2) AS integer) - 1, t.`from_status`, t.`to_status`, -count(*), -sum(t.`from_progress`), -sum(t.`to_progress`)
  FROM `status_transitions` t WHERE t.`commitment_id` = OLD.`commitment_id` GROUP BY 2, 3, 4
  ON CONFLICT DO UPDATE SET `n` = `n` + excluded.`n`, `from_progress_sum` = `from_progress_sum` + excluded.`from_progress_sum`, `to_progress_sum` = `to_progress_sum` + excluded.`to_progress_sum`;
END;
--> statement-breakpoint
CREATE TRIGGER `partners_agency_flows_update` AFTER UPDATE OF `commitment_id`, `agency_id` ON `commitment_partners`
BEGIN
  INSERT INTO `status_flows_by_agency` (`agency_id`, `month`, `from_status`, `to_status`, `n`, `from_progress_sum`, `to_progress_sum`)
  SELECT OLD.`agency_id`, cast(substr(t.`effective_date`, 1, 4) AS integer) * 12 + cast(substr(t.`effective_date`, 6, 2) AS integer) - 1, t.`from_status`, t.`to_status`, -count(*), -sum(t.`from_progress`), -sum(t.`to_progress`)
  FROM `status_transitions` t WHERE t.`commitment_id` = OLD.`commitment_id` AND OLD.`agency_id` IS NOT (SELECT `lead_agency_id` FROM `commitments` WHERE `id` = OLD.`commitment_id`) GROUP BY 2, 3, 4
  ON CONFLICT DO UPDATE SET `n` = `n` + excluded.`n`, `from_progress_sum` = `from_progress_sum` + excluded.`from_progress_sum`, `to_progress_sum` = `to_progress_sum` + excluded.`to_progress_sum`;
  INSERT INTO `status_flows_by_agency` (`agency_id`, `month`, `from_status`, `to_status`, `n`, `from_progress_sum`, `to_progress_sum`)
  SELECT NEW.`agency_id`, cast(substr(t.`effective_date`, 1, 4) AS integer) * 12 + cast(substr(t.`effective_date`, 6, 2) AS integer) - 1, t.`from_status`, t.`to_status`, count(*), sum(t.`from_progress`), sum(t.`to_progress`)
  FROM `status_transitions` t WHERE t.`commitment_id` = NEW.`commitment_id` AND NEW.`agency_id` IS NOT (SELECT `lead_agency_id` FROM `commitments` WHERE `id` = NEW.`commitment_id`) GROUP BY 2, 3, 4
  ON CONFLICT DO UPDATE SET `n` = `n` + excluded.`n`, `from_progress_sum` = `from_progress_sum` + excluded.`from_progress_sum`, `to_progress_sum` = `to_progress_sum` + excluded.`to_progress_sum`;
END;
--> statement-breakpoint
-- A new lead brings the history unless it was already a partner; the old lead takes it away unless it stays one.
CREATE TRIGGER `commitments_agency_flows_lead` AFTER UPDATE OF `lead_agency_id` ON `commitments`
WHEN OLD.`lead_agency_id` IS NOT NEW.`lead_agency_id`
BEGIN
  INSERT INTO `status_flows_by_agency` (`agency_id`, `month`, `from_status`, `to_status`, `n`, `from_progress_sum`, `to_progress_sum`)
  SELECT OLD.`lead_agency_id`, cast(substr(t.`effective_date`, 1, 4) AS integer) * 12 + cast(substr(t.`effective_date`, 6, 2) AS integer) - 1, t.`from_status`, t.`to_status`, -count(*), -sum(t.`from_progress`), -sum(t.`to_progress`)
  FROM `status_transitions` t WHERE t.`commitment_id` = NEW.`id` AND NOT EXISTS (SELECT 1 FROM `commitment_partners` WHERE `commitment_id` = NEW.`id` AND `agency_id` = OLD.`lead_agency_id`) GROUP BY 2, 3, 4
  ON CONFLICT DO UPDATE SET `n` = `n` + excluded.`n`, `from_progress_sum` = `from_progress_sum` + excluded.`from_progress_sum`, `to_progress_sum` = `to_progress_sum` + excluded.`to_progress_sum`;
  INSERT INTO `status_flows_by_agency` (`agency_id`, `month`, `from_status`, `to_status`, `n`, `from_progress_sum`, `to_progress_sum`)
  SELECT NEW.`lead_agency_id`, cast(substr(t.`effective_date`, 1, 4) AS integer) * 12 + cast(substr(t.`effective_date`, 6, 2) AS integer) - 1, t.`from_status`, t.`to_status`, count(*), sum(t.`from_progress`), sum(t.`to_progress`)
  FROM `status_transitions` t WHERE t.`commitment_id` = NEW.`id` AND NOT EXISTS (SELECT 1 FROM `commitment_partners` WHERE `commitment_id` = NEW.`id` AND `agency_id` = NEW.`lead_agency_id`) GROUP BY 2, 3, 4
  ON CONFLICT DO UPDATE SET `n` = `n` + excluded.`n`, `from_progress_sum` = `from_progress_sum` + excluded.`from_progress_sum`, `to_progress_sum` = `to_progress_sum` + excluded.`to_progress_sum`;
END;
