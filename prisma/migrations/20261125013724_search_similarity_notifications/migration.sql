-- CreateEnum
CREATE TYPE "NotificationType" AS ENUM ('ASSIGNED', 'RETURNED', 'APPROVED', 'OVERDUE');

-- CreateTable
CREATE TABLE "Notification" (
    "id" TEXT NOT NULL,
    "teamId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "type" "NotificationType" NOT NULL,
    "claimId" TEXT NOT NULL,
    "message" TEXT NOT NULL,
    "readAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Notification_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Notification_userId_readAt_createdAt_idx" ON "Notification"("userId", "readAt", "createdAt" DESC);

-- CreateIndex
CREATE INDEX "Notification_claimId_type_idx" ON "Notification"("claimId", "type");

-- CreateIndex
CREATE INDEX "Claim_teamId_updatedAt_id_idx" ON "Claim"("teamId", "updatedAt" DESC, "id");

-- CreateIndex
CREATE INDEX "Claim_teamId_dueAt_idx" ON "Claim"("teamId", "dueAt");

-- AddForeignKey
ALTER TABLE "Notification" ADD CONSTRAINT "Notification_teamId_fkey" FOREIGN KEY ("teamId") REFERENCES "Team"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Notification" ADD CONSTRAINT "Notification_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Notification" ADD CONSTRAINT "Notification_claimId_fkey" FOREIGN KEY ("claimId") REFERENCES "Claim"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Full-text search over claims (text and research notes) and evidence titles, and trigram
-- similarity for "previously checked claims". Written by hand: Prisma's schema cannot express
-- expression indexes or extensions portably; both PGlite and PostgreSQL ship pg_trgm.
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE INDEX "Claim_search_idx" ON "Claim" USING GIN (to_tsvector('simple', "text" || ' ' || "notes"));
CREATE INDEX "Evidence_search_idx" ON "Evidence" USING GIN (to_tsvector('simple', "title"));
CREATE INDEX "Claim_text_trgm_idx" ON "Claim" USING GIN ("text" gin_trgm_ops);
