CREATE TABLE `data_version` (
	`id` integer PRIMARY KEY NOT NULL,
	`n` integer DEFAULT 0 NOT NULL,
	CONSTRAINT "data_version_single_row" CHECK("data_version"."id" = 1)
);
