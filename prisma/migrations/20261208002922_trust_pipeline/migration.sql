-- CreateEnum
CREATE TYPE "SourceChange" AS ENUM ('CHANGED', 'REMOVED');

-- CreateEnum
CREATE TYPE "CorrectionKind" AS ENUM ('VERDICT', 'UNPUBLISH', 'REOPEN');

-- CreateEnum
CREATE TYPE "CorrectionStatus" AS ENUM ('PROPOSED', 'APPROVED', 'REJECTED');

-- DropForeignKey
ALTER TABLE "Review" DROP CONSTRAINT "Review_reviewerId_fkey";

-- AlterTable
ALTER TABLE "Claim" ADD COLUMN     "sourceChange" "SourceChange",
ADD COLUMN     "sourceText" TEXT;

-- AlterTable
ALTER TABLE "Review" ADD COLUMN     "importedReviewerName" TEXT,
ALTER COLUMN "reviewerId" DROP NOT NULL;

-- AlterTable
ALTER TABLE "AuditEvent" ADD COLUMN     "importedActorName" TEXT;

-- AlterTable
ALTER TABLE "Correction" ADD COLUMN     "claimVersion" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "decidedAt" TIMESTAMP(3),
ADD COLUMN     "decidedById" TEXT,
ADD COLUMN     "decisionComment" TEXT,
ADD COLUMN     "kind" "CorrectionKind" NOT NULL DEFAULT 'VERDICT',
ADD COLUMN     "newRationale" TEXT,
ADD COLUMN     "newVerdictLabelId" TEXT,
ADD COLUMN     "status" "CorrectionStatus" NOT NULL DEFAULT 'PROPOSED',
ALTER COLUMN "newVerdict" DROP NOT NULL;

-- AddForeignKey
ALTER TABLE "Review" ADD CONSTRAINT "Review_reviewerId_fkey" FOREIGN KEY ("reviewerId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- Corrections made before proposals existed took effect at once: they are approved, by whoever made them, when they were made.
UPDATE "Correction" SET "status" = 'APPROVED', "decidedAt" = "createdAt", "decidedById" = "createdById";

-- At most one correction waits for a decision on a claim at a time (hand-written: Prisma has no partial unique index).
CREATE UNIQUE INDEX "Correction_one_proposed_per_claim" ON "Correction"("claimId") WHERE "status" = 'PROPOSED';
