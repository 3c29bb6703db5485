CREATE TABLE `agencies` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`code` text NOT NULL,
	`name_ko` text NOT NULL,
	`name_en` text NOT NULL,
	`country` text NOT NULL,
	`kind` text NOT NULL,
	CONSTRAINT "agencies_kind_check" CHECK(kind in ('ministry', 'agency', 'office', 'national_lab', 'institute', 'public_corporation'))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `agencies_code_unique` ON `agencies` (`code`);--> statement-breakpoint
CREATE INDEX `agencies_country_idx` ON `agencies` (`country`);--> statement-breakpoint
CREATE TABLE `areas` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`code` text NOT NULL,
	`name_ko` text NOT NULL,
	`name_en` text NOT NULL,
	`sort_order` integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `areas_code_unique` ON `areas` (`code`);--> statement-breakpoint
CREATE TABLE `audit_events` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`actor_id` integer,
	`actor_email` text,
	`action` text NOT NULL,
	`target_type` text NOT NULL,
	`target_id` text,
	`before` text,
	`after` text,
	`origin` text,
	`at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	FOREIGN KEY (`actor_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `audit_events_target_idx` ON `audit_events` (`target_type`,`target_id`);--> statement-breakpoint
CREATE INDEX `audit_events_at_idx` ON `audit_events` (`at`);--> statement-breakpoint
CREATE TABLE `commitment_partners` (
	`commitment_id` integer NOT NULL,
	`agency_id` integer NOT NULL,
	`role` text NOT NULL,
	PRIMARY KEY(`commitment_id`, `agency_id`),
	FOREIGN KEY (`commitment_id`) REFERENCES `commitments`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`agency_id`) REFERENCES `agencies`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "commitment_partners_role_check" CHECK(role in ('co_lead', 'counterpart', 'participant'))
);
--> statement-breakpoint
CREATE INDEX `commitment_partners_agency_idx` ON `commitment_partners` (`agency_id`);--> statement-breakpoint
CREATE TABLE `commitments` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`code` text NOT NULL,
	`dialogue_id` integer NOT NULL,
	`area_id` integer NOT NULL,
	`title_ko` text NOT NULL,
	`title_en` text NOT NULL,
	`description_ko` text DEFAULT '' NOT NULL,
	`description_en` text DEFAULT '' NOT NULL,
	`lead_agency_id` integer NOT NULL,
	`due_spec` text DEFAULT 'ongoing' NOT NULL,
	`due_precision` text DEFAULT 'none' NOT NULL,
	`due_start` text,
	`due_end` text,
	`target_ko` text,
	`target_en` text,
	`source_excerpt` text DEFAULT '' NOT NULL,
	`status` text DEFAULT 'not_started' NOT NULL,
	`progress` integer DEFAULT 0 NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`archived_at` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	FOREIGN KEY (`dialogue_id`) REFERENCES `dialogues`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`area_id`) REFERENCES `areas`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`lead_agency_id`) REFERENCES `agencies`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "commitments_status_check" CHECK(status in ('not_started', 'in_progress', 'at_risk', 'delayed', 'completed', 'discontinued')),
	CONSTRAINT "commitments_progress_check" CHECK("commitments"."progress" between 0 and 100),
	CONSTRAINT "commitments_version_check" CHECK("commitments"."version" >= 1)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `commitments_code_unique` ON `commitments` (`code`);--> statement-breakpoint
CREATE INDEX `commitments_dialogue_idx` ON `commitments` (`dialogue_id`);--> statement-breakpoint
CREATE INDEX `commitments_area_idx` ON `commitments` (`area_id`);--> statement-breakpoint
CREATE INDEX `commitments_lead_idx` ON `commitments` (`lead_agency_id`);--> statement-breakpoint
CREATE INDEX `commitments_status_idx` ON `commitments` (`status`);--> statement-breakpoint
CREATE INDEX `commitments_due_end_idx` ON `commitments` (`due_end`);--> statement-breakpoint
CREATE TABLE `dialogue_participants` (
	`dialogue_id` integer NOT NULL,
	`agency_id` integer NOT NULL,
	PRIMARY KEY(`dialogue_id`, `agency_id`),
	FOREIGN KEY (`dialogue_id`) REFERENCES `dialogues`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`agency_id`) REFERENCES `agencies`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `dialogues` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`code` text NOT NULL,
	`name_ko` text NOT NULL,
	`name_en` text NOT NULL,
	`held_on` text NOT NULL,
	`place_ko` text NOT NULL,
	`place_en` text NOT NULL,
	`co_chairs_ko` text DEFAULT '' NOT NULL,
	`co_chairs_en` text DEFAULT '' NOT NULL,
	`source_title` text,
	`source_publisher` text,
	`source_url` text,
	`source_file` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `dialogues_code_unique` ON `dialogues` (`code`);--> statement-breakpoint
CREATE TABLE `status_updates` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`commitment_id` integer NOT NULL,
	`author_id` integer NOT NULL,
	`previous_status` text NOT NULL,
	`new_status` text NOT NULL,
	`previous_progress` integer NOT NULL,
	`new_progress` integer NOT NULL,
	`note` text DEFAULT '' NOT NULL,
	`evidence_url` text,
	`effective_date` text NOT NULL,
	`recorded_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	FOREIGN KEY (`commitment_id`) REFERENCES `commitments`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`author_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "status_updates_new_status_check" CHECK(new_status in ('not_started', 'in_progress', 'at_risk', 'delayed', 'completed', 'discontinued')),
	CONSTRAINT "status_updates_progress_check" CHECK("status_updates"."new_progress" between 0 and 100)
);
--> statement-breakpoint
CREATE INDEX `status_updates_commitment_idx` ON `status_updates` (`commitment_id`,`effective_date`,`id`);--> statement-breakpoint
CREATE INDEX `status_updates_effective_idx` ON `status_updates` (`effective_date`);--> statement-breakpoint
CREATE TABLE `users` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`email` text NOT NULL,
	`name` text NOT NULL,
	`password_hash` text NOT NULL,
	`role` text NOT NULL,
	`agency_id` integer,
	`active` integer DEFAULT true NOT NULL,
	`must_change_password` integer DEFAULT false NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	FOREIGN KEY (`agency_id`) REFERENCES `agencies`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "users_role_check" CHECK(role in ('admin', 'official', 'analyst')),
	CONSTRAINT "users_official_agency_check" CHECK(("users"."role" = 'official') = ("users"."agency_id" is not null))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `users_email_idx` ON `users` (lower("email"));