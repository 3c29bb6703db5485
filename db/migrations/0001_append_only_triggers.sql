-- History and audit rows are evidence: once written they may never change or disappear.
CREATE TRIGGER `status_updates_no_update` BEFORE UPDATE ON `status_updates`
BEGIN
  SELECT RAISE(ABORT, 'status_updates is append-only');
END;
--> statement-breakpoint
CREATE TRIGGER `status_updates_no_delete` BEFORE DELETE ON `status_updates`
BEGIN
  SELECT RAISE(ABORT, 'status_updates is append-only');
END;
--> statement-breakpoint
CREATE TRIGGER `audit_events_no_update` BEFORE UPDATE ON `audit_events`
BEGIN
  SELECT RAISE(ABORT, 'audit_events is append-only');
END;
--> statement-breakpoint
CREATE TRIGGER `audit_events_no_delete` BEFORE DELETE ON `audit_events`
BEGIN
  SELECT RAISE(ABORT, 'audit_events is append-only');
END;
