-- Assignment bases (issue #13): agencies may be a whole government; every lead, partner link, due
-- period and target says whether the source states it (with its words) or someone inferred it (why).
PRAGMA foreign_keys=OFF;--> statement-breakpoint
CREATE TABLE `__new_agencies` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`code` text NOT NULL,
	`name_ko` text NOT NULL,
	`name_en` text NOT NULL,
	`country` text NOT NULL,
	`kind` text NOT NULL,
	CONSTRAINT "agencies_kind_check" CHECK(kind in ('government', 'ministry', 'agency', 'office', 'national_lab', 'institute', 'public_corporation'))
);
--> statement-breakpoint
INSERT INTO `__new_agencies`("id", "code", "name_ko", "name_en", "country", "kind") SELECT "id", "code", "name_ko", "name_en", "country", "kind" FROM `agencies`;--> statement-breakpoint
DROP TABLE `agencies`;--> statement-breakpoint
ALTER TABLE `__new_agencies` RENAME TO `agencies`;--> statement-breakpoint
PRAGMA foreign_keys=ON;--> statement-breakpoint
CREATE UNIQUE INDEX `agencies_code_unique` ON `agencies` (`code`);--> statement-breakpoint
CREATE INDEX `agencies_country_idx` ON `agencies` (`country`);--> statement-breakpoint
ALTER TABLE `commitment_partners` ADD `basis` text DEFAULT 'inferred' NOT NULL;--> statement-breakpoint
ALTER TABLE `commitment_partners` ADD `basis_quote` text;--> statement-breakpoint
ALTER TABLE `commitment_partners` ADD `basis_reason_ko` text;--> statement-breakpoint
ALTER TABLE `commitment_partners` ADD `basis_reason_en` text;--> statement-breakpoint
ALTER TABLE `commitment_partners` ADD `confirmed_by` text;--> statement-breakpoint
ALTER TABLE `commitment_partners` ADD `confirmed_on` text;--> statement-breakpoint
ALTER TABLE `commitment_partners` ADD `confirmed_evidence_url` text;--> statement-breakpoint
ALTER TABLE `commitments` ADD `lead_basis` text DEFAULT 'inferred' NOT NULL;--> statement-breakpoint
ALTER TABLE `commitments` ADD `lead_basis_quote` text;--> statement-breakpoint
ALTER TABLE `commitments` ADD `lead_basis_reason_ko` text;--> statement-breakpoint
ALTER TABLE `commitments` ADD `lead_basis_reason_en` text;--> statement-breakpoint
ALTER TABLE `commitments` ADD `lead_confirmed_by` text;--> statement-breakpoint
ALTER TABLE `commitments` ADD `lead_confirmed_on` text;--> statement-breakpoint
ALTER TABLE `commitments` ADD `lead_confirmed_evidence_url` text;--> statement-breakpoint
ALTER TABLE `commitments` ADD `due_basis` text DEFAULT 'not_stated' NOT NULL;--> statement-breakpoint
ALTER TABLE `commitments` ADD `due_basis_quote` text;--> statement-breakpoint
ALTER TABLE `commitments` ADD `due_basis_reason_ko` text;--> statement-breakpoint
ALTER TABLE `commitments` ADD `due_basis_reason_en` text;--> statement-breakpoint
ALTER TABLE `commitments` ADD `target_basis` text;--> statement-breakpoint
ALTER TABLE `commitments` ADD `target_basis_quote` text;--> statement-breakpoint
ALTER TABLE `commitments` ADD `target_basis_reason_ko` text;--> statement-breakpoint
ALTER TABLE `commitments` ADD `target_basis_reason_en` text;--> statement-breakpoint
-- Assignments recorded before bases were kept: nobody said why, so they read as inferred, saying so.
UPDATE `commitments` SET `lead_basis_reason_ko` = '근거 기록 기능 도입 전에 등록되어 근거가 기록되지 않음', `lead_basis_reason_en` = 'Recorded before the basis of assignments was kept: no basis was given';--> statement-breakpoint
UPDATE `commitment_partners` SET `basis_reason_ko` = '근거 기록 기능 도입 전에 등록되어 근거가 기록되지 않음', `basis_reason_en` = 'Recorded before the basis of assignments was kept: no basis was given';--> statement-breakpoint
UPDATE `commitments` SET `target_basis` = 'inferred', `target_basis_reason_ko` = '근거 기록 기능 도입 전에 등록되어 근거가 기록되지 않음', `target_basis_reason_en` = 'Recorded before the basis of targets was kept: no basis was given' WHERE `target_ko` IS NOT NULL OR `target_en` IS NOT NULL;--> statement-breakpoint
UPDATE `commitments` SET `due_basis` = 'inferred', `due_basis_reason_ko` = '근거 기록 기능 도입 전에 등록되어 근거가 기록되지 않음', `due_basis_reason_en` = 'Recorded before the basis of due periods was kept: no basis was given';
