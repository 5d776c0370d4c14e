-- AlterTable
ALTER TABLE "ChatMessage" ADD COLUMN     "links" JSONB;

