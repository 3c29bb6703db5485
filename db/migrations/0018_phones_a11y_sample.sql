ALTER TABLE `dialogues` ADD `synthetic` integer DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE `users` ADD `name_ko` text;--> statement-breakpoint
CREATE INDEX `commitments_due_lookup_idx` ON `commitments` (`id`,`due_end`,`archived_at`,`area_id`,`lead_agency_id`);--> statement-breakpoint
CREATE INDEX `status_transitions_completed_idx` ON `status_transitions` (`effective_date`,`commitment_id`,`from_status`,`to_status`) WHERE to_status = 'completed' or from_status = 'completed';--> statement-breakpoint
CREATE INDEX `status_updates_recorded_idx` ON `status_updates` (`commitment_id`,`recorded_at`);