CREATE TABLE `issued_report_files` (
	`report_id` integer NOT NULL,
	`format` text NOT NULL,
	`content_type` text NOT NULL,
	`file_name` text NOT NULL,
	`sha256` text NOT NULL,
	`bytes` integer NOT NULL,
	`content` blob NOT NULL,
	PRIMARY KEY(`report_id`, `format`),
	FOREIGN KEY (`report_id`) REFERENCES `issued_reports`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `issued_reports` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`quarter` text NOT NULL,
	`lang` text NOT NULL,
	`params` text NOT NULL,
	`issued_by` integer NOT NULL,
	`issued_at` text NOT NULL,
	`last_update_id` integer NOT NULL,
	FOREIGN KEY (`issued_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `issued_reports_quarter_idx` ON `issued_reports` (`quarter`,`issued_at`);