-- `kafka.offsets` left the permission catalogue (packages/api/src/permissions.ts): no procedure
-- moves a consumer group's offsets (a replay to a named group is `replay.start`). Roles no longer
-- carry it, so a stored role equals its preset again.
UPDATE "staff_role" SET "permissions" = array_remove("permissions", 'kafka.offsets');
