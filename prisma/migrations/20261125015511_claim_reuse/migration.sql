-- AlterTable
ALTER TABLE "Claim" ADD COLUMN     "reusedFromId" TEXT;

-- AddForeignKey
ALTER TABLE "Claim" ADD CONSTRAINT "Claim_reusedFromId_fkey" FOREIGN KEY ("reusedFromId") REFERENCES "Claim"("id") ON DELETE SET NULL ON UPDATE CASCADE;
