-- AlterTable
ALTER TABLE "failure_record" ADD COLUMN     "assignee" TEXT,
ADD COLUMN     "assigned_at" TIMESTAMPTZ(3),
ADD COLUMN     "tags" TEXT[] DEFAULT ARRAY[]::TEXT[];

-- CreateIndex
CREATE INDEX "failure_record_assignee_idx" ON "failure_record"("assignee");

-- CreateIndex
CREATE INDEX "failure_record_tags_idx" ON "failure_record" USING GIN ("tags");
