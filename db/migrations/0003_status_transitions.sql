CREATE TABLE `status_transitions` (
	`update_id` integer PRIMARY KEY NOT NULL,
	`commitment_id` integer NOT NULL,
	`effective_date` text NOT NULL,
	`from_status` text NOT NULL,
	`to_status` text NOT NULL,
	`from_progress` integer NOT NULL,
	`to_progress` integer NOT NULL,
	FOREIGN KEY (`update_id`) REFERENCES `status_updates`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`commitment_id`) REFERENCES `commitments`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `status_transitions_commitment_idx` ON `status_transitions` (`commitment_id`,`effective_date`,`update_id`);--> statement-breakpoint
CREATE INDEX `status_transitions_effective_idx` ON `status_transitions` (`effective_date`,`commitment_id`,`from_status`,`to_status`,`from_progress`,`to_progress`);--> statement-breakpoint
-- Backfill from existing history: each entry moves from its predecessor in world order
-- (effective date, then recording order); the first from the state before any history.
INSERT INTO `status_transitions` (`update_id`, `commitment_id`, `effective_date`, `from_status`, `to_status`, `from_progress`, `to_progress`)
SELECT su.`id`, su.`commitment_id`, su.`effective_date`,
  coalesce(lag(su.`new_status`) OVER w, (SELECT f.`previous_status` FROM `status_updates` f WHERE f.`commitment_id` = su.`commitment_id` ORDER BY f.`id` LIMIT 1)),
  su.`new_status`,
  coalesce(lag(su.`new_progress`) OVER w, (SELECT f.`previous_progress` FROM `status_updates` f WHERE f.`commitment_id` = su.`commitment_id` ORDER BY f.`id` LIMIT 1)),
  su.`new_progress`
FROM `status_updates` su
WINDOW w AS (PARTITION BY su.`commitment_id` ORDER BY su.`effective_date`, su.`id`);
