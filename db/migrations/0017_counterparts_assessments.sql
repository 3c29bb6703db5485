CREATE TABLE `assessments` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`commitment_id` integer NOT NULL,
	`quarter` text NOT NULL,
	`verdict` integer NOT NULL,
	`confidence` text NOT NULL,
	`rationale` text NOT NULL,
	`links` text DEFAULT '[]' NOT NULL,
	`author_id` integer NOT NULL,
	`recorded_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	FOREIGN KEY (`commitment_id`) REFERENCES `commitments`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`author_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "assessments_verdict_check" CHECK("assessments"."verdict" in (-1, 0, 1)),
	CONSTRAINT "assessments_confidence_check" CHECK(confidence in ('high', 'medium', 'low')),
	CONSTRAINT "assessments_rationale_check" CHECK(length("assessments"."rationale") between 1 and 2000)
);
--> statement-breakpoint
CREATE INDEX `assessments_commitment_idx` ON `assessments` (`commitment_id`,`quarter`,`id`);--> statement-breakpoint
CREATE INDEX `assessments_quarter_idx` ON `assessments` (`quarter`,`commitment_id`,`id`);--> statement-breakpoint
CREATE TABLE `claim_decisions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`claim_id` integer NOT NULL,
	`commitment_id` integer NOT NULL,
	`decision` text NOT NULL,
	`note` text DEFAULT '' NOT NULL,
	`evidence_url` text,
	`side` text NOT NULL,
	`actor_id` integer NOT NULL,
	`actor_agency_id` integer,
	`effective_date` text NOT NULL,
	`recorded_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	FOREIGN KEY (`claim_id`) REFERENCES `claims`(`update_id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`commitment_id`) REFERENCES `commitments`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`actor_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`actor_agency_id`) REFERENCES `agencies`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "claim_decisions_decision_check" CHECK(decision in ('confirm', 'dispute'))
);
--> statement-breakpoint
CREATE INDEX `claim_decisions_claim_idx` ON `claim_decisions` (`claim_id`,`effective_date`,`id`);--> statement-breakpoint
CREATE INDEX `claim_decisions_commitment_idx` ON `claim_decisions` (`commitment_id`);--> statement-breakpoint
CREATE TABLE `claim_spans` (
	`update_id` integer PRIMARY KEY NOT NULL,
	`commitment_id` integer NOT NULL,
	`effective_date` text NOT NULL,
	`ended_on` text
);
--> statement-breakpoint
CREATE INDEX `claim_spans_commitment_idx` ON `claim_spans` (`commitment_id`,`effective_date`);--> statement-breakpoint
CREATE TABLE `claims` (
	`update_id` integer PRIMARY KEY NOT NULL,
	`commitment_id` integer NOT NULL,
	`side` text NOT NULL,
	`counter_sides` text NOT NULL,
	`effective_date` text NOT NULL,
	`recorded_at` text NOT NULL,
	FOREIGN KEY (`update_id`) REFERENCES `status_updates`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`commitment_id`) REFERENCES `commitments`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `claims_commitment_idx` ON `claims` (`commitment_id`,`effective_date`,`update_id`);--> statement-breakpoint
CREATE INDEX `claims_effective_idx` ON `claims` (`effective_date`);--> statement-breakpoint
CREATE TABLE `digest_sends` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`user_id` integer NOT NULL,
	`week` text NOT NULL,
	`status` text NOT NULL,
	`items` integer NOT NULL,
	`message_id` text,
	`error` text,
	`at` text NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `digest_sends_user_week_idx` ON `digest_sends` (`user_id`,`week`,`status`);