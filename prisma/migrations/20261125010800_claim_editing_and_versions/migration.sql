-- DropIndex
DROP INDEX "Claim_articleId_position_key";

-- AlterTable
ALTER TABLE "Article" ADD COLUMN     "version" INTEGER NOT NULL DEFAULT 1;

-- AlterTable
ALTER TABLE "Claim" ADD COLUMN     "archivedAt" TIMESTAMP(3),
ADD COLUMN     "asChecked" TEXT,
ADD COLUMN     "checkWorthiness" DOUBLE PRECISION NOT NULL DEFAULT 0,
ADD COLUMN     "checkWorthinessReasons" JSONB NOT NULL DEFAULT '[]',
ADD COLUMN     "previousText" TEXT;

-- CreateTable
CREATE TABLE "ArticleVersion" (
    "id" TEXT NOT NULL,
    "articleId" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "title" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "changes" JSONB NOT NULL DEFAULT '{}',
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ArticleVersion_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "ArticleVersion_articleId_version_key" ON "ArticleVersion"("articleId", "version");

-- CreateIndex
CREATE INDEX "Article_teamId_sourceUrl_idx" ON "Article"("teamId", "sourceUrl");

-- CreateIndex
CREATE INDEX "Claim_articleId_position_idx" ON "Claim"("articleId", "position");

-- AddForeignKey
ALTER TABLE "ArticleVersion" ADD CONSTRAINT "ArticleVersion_articleId_fkey" FOREIGN KEY ("articleId") REFERENCES "Article"("id") ON DELETE CASCADE ON UPDATE CASCADE;
