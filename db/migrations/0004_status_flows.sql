CREATE TABLE `status_flows` (
	`month` integer NOT NULL,
	`area_id` integer NOT NULL,
	`lead_agency_id` integer NOT NULL,
	`from_status` text NOT NULL,
	`to_status` text NOT NULL,
	`n` integer NOT NULL,
	`from_progress_sum` integer NOT NULL,
	`to_progress_sum` integer NOT NULL,
	PRIMARY KEY(`month`, `area_id`, `lead_agency_id`, `from_status`, `to_status`)
);
--> statement-breakpoint
ALTER TABLE `commitments` ADD `last_update_on` text;--> statement-breakpoint
UPDATE `commitments` SET `last_update_on` = (SELECT max(t.`effective_date`) FROM `status_transitions` t WHERE t.`commitment_id` = `commitments`.`id`);
--> statement-breakpoint
INSERT INTO `status_flows` (`month`, `area_id`, `lead_agency_id`, `from_status`, `to_status`, `n`, `from_progress_sum`, `to_progress_sum`)
SELECT cast(substr(t.`effective_date`, 1, 4) AS integer) * 12 + cast(substr(t.`effective_date`, 6, 2) AS integer) - 1,
  c.`area_id`, c.`lead_agency_id`, t.`from_status`, t.`to_status`, count(*), sum(t.`from_progress`), sum(t.`to_progress`)
FROM `status_transitions` t JOIN `commitments` c ON c.`id` = t.`commitment_id`
GROUP BY 1, 2, 3, 4, 5;
