-- Roles made of permissions (issue 19): a staff member's IdP group (or dev sign-in user) names a
-- role; the role's permissions decide what the console lets them do. The console reads them on
-- every request (packages/api/src/staff-roles.ts), so an edit applies without signing in again.
-- viewer/operator/admin are built in: `preset` names the preset of packages/api/src/permissions.ts
-- they can be reset to, and they cannot be deleted. The seeded lists are those presets.

-- AlterEnum: the audit actor of a role other than the three built-in ones.
ALTER TYPE "actor_role" ADD VALUE 'CUSTOM';

-- CreateTable
CREATE TABLE "staff_role" (
    "name" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "permissions" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "preset" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_by" TEXT,

    CONSTRAINT "staff_role_pkey" PRIMARY KEY ("name")
);

INSERT INTO "staff_role" ("name", "description", "permissions", "preset") VALUES
  ('viewer', 'Reads every page; changes nothing.', ARRAY['console.read'], 'viewer'),
  ('operator', 'Day-to-day recovery: failures, queues, resync, drift, replay, webhook retries.',
   ARRAY['console.read','failures.retry','failures.discard','failures.edit','failures.assign','queues.operate',
         'resync.start','resync.entity','drift.check','drift.repair','replay.start','webhooks.operate'],
   'operator'),
  ('admin', 'Everything, including roles, settings and approvals.',
   ARRAY['console.read','failures.retry','failures.discard','failures.edit','failures.assign','queues.operate',
         'kafka.offsets','resync.start','resync.entity','drift.check','drift.repair','replay.start',
         'webhooks.operate','webhooks.manage','clients.manage','settings.manage','roles.manage','approvals.decide'],
   'admin');
