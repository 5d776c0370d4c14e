import { purgeOldChat } from '../chat/purge-chat';
import { expireMail } from '../mail/expire-mail';
import { Prisma } from '@necp/db';
import { dailyPeriodKey, nextDailyReset, QUESTS, weeklyPeriodKey } from '@necp/shared';
import type { GameDeps } from '../core/deps';

/** graphile-worker task name and crontab line (UTC) of the daily cleanup. */
export const DAILY_CLEANUP_TASK = 'daily_cleanup';
export const DAILY_CLEANUP_CRONTAB = `5 0 * * * ${DAILY_CLEANUP_TASK}`;

/** Applied-event keys are kept this long: far longer than any outbox redelivery can lag. */
export const APPLIED_EVENT_RETENTION_DAYS = 30;

/**
 * A command's idempotency receipt (core/command-receipt.ts) is kept this long: far longer
 * than a client keeps retrying one intent (it draws a new key once answered).
 */
export const RECEIPT_RETENTION_DAYS = 30;

export interface DailyCleanupResult {
  /** active/ready runs marked failed: timed ones past their deadline, repeatables of a past period */
  failed: number;
  /** finished runs of past periods deleted */
  questRows: number;
  vendorStock: number;
  appliedEvents: number;
  /** idempotency receipts past RECEIPT_RETENTION_DAYS deleted */
  commandReceipts: number;
}

/**
 * Tests share one database with suites that run at the same time (and use other
 * fake dates): they restrict the cleanup to their own rows. Production passes nothing.
 */
export interface DailyCleanupScope {
  characterIds?: readonly string[];
  vendorIds?: readonly string[];
}

const repeatIds = (repeat: 'daily' | 'weekly') =>
  QUESTS.filter((q) => q.repeat === repeat).map((q) => q.id);

/**
 * The 00:05 UTC job (graphile-worker runs each scheduled instant once across nodes). Resets need no job (status is computed from period keys when
 * read); this only tidies up: persists failures nobody has read yet, deletes
 * finished runs of dailies/weeklies from past periods (keeping those that failed
 * at today's reset for a day), vendor stock counters of past days and
 * applied-event keys and command receipts older than 30 days. Every statement is
 * idempotent, so a second run (or two nodes) changes nothing more.
 */
export async function runDailyCleanup(deps: Pick<GameDeps, 'db' | 'clock' | 'log'>): Promise<void> {
  await cleanUpPastPeriods(deps);
  // chat retention (docs/social.md): a reported message stays for its moderators
  const purged = await purgeOldChat(deps);
  if (purged > 0) deps.log.info({ purged }, 'old chat messages deleted');
  // mail 30 days after arrival goes back to its sender or is destroyed (docs/social.md "Mail")
  await expireMail(deps, deps.clock.now());
}

/** runDailyCleanup's work, with what it did; tests restrict it to their own rows. */
export async function cleanUpPastPeriods(
  deps: Pick<GameDeps, 'db' | 'clock' | 'log'>,
  scope?: DailyCleanupScope,
): Promise<DailyCleanupResult> {
  const now = deps.clock.now();
  const day = dailyPeriodKey(now);
  const week = weeklyPeriodKey(now);
  const chars = scope?.characterIds ? [...scope.characterIds] : null;
  const inChars = chars ? Prisma.sql`AND "characterId" = ANY(${chars}::text[])` : Prisma.empty;
  const vendors = scope?.vendorIds ? [...scope.vendorIds] : null;
  const inVendors = vendors ? Prisma.sql`AND "vendorId" = ANY(${vendors}::text[])` : Prisma.empty;
  const daily = repeatIds('daily');
  const weekly = repeatIds('weekly');
  // keys compare as strings: 'd:2026-01-01' < 'd:2026-01-02', 'w:…' likewise
  const pastPeriod = Prisma.sql`(
    ("questId" = ANY(${daily}::text[]) AND "periodKey" < ${day})
    OR ("questId" = ANY(${weekly}::text[]) AND "periodKey" < ${week}))`;

  // a run that failed at today's reset stays a day, so the quest log can say why it went
  const todayStart = new Date(nextDailyReset(now).getTime() - 86_400_000);
  const questRows = await deps.db.$executeRaw`
    DELETE FROM "CharacterQuest"
    WHERE "state" IN ('completed', 'failed', 'abandoned') AND ${pastPeriod}
      AND NOT ("failReason" IS NOT DISTINCT FROM 'reset'
        AND "failedAt" IS NOT NULL AND "failedAt" >= ${todayStart}) ${inChars}`;
  // like settleRow: a timed run whose deadline came before its period ended failed by 'timer'
  const periodEnd = Prisma.sql`(substring("periodKey" from 3)::date
    + CASE WHEN "periodKey" LIKE 'd:%' THEN 1 ELSE 7 END)::timestamp`;
  const resets = await deps.db.$executeRaw`
    UPDATE "CharacterQuest" SET "state" = 'failed', "failReason" = 'reset',
      "failedAt" = ${periodEnd}, "updatedAt" = now()
    WHERE "state" IN ('active', 'ready') AND ${pastPeriod}
      AND NOT ("state" = 'active' AND "deadline" IS NOT NULL AND "deadline" < ${periodEnd})
      ${inChars}`;
  const timers = await deps.db.$executeRaw`
    UPDATE "CharacterQuest" SET "state" = 'failed', "failReason" = 'timer',
      "failedAt" = "deadline", "updatedAt" = now()
    WHERE "state" = 'active' AND "deadline" <= ${now} ${inChars}`;
  const vendorStock = await deps.db.$executeRaw`
    DELETE FROM "VendorStock" WHERE "periodKey" < ${day} ${inVendors}`;
  const cutoff = new Date(now.getTime() - APPLIED_EVENT_RETENTION_DAYS * 86_400_000);
  const appliedEvents = await deps.db.$executeRaw`
    DELETE FROM "QuestEventApplied" WHERE "at" < ${cutoff} ${inChars}`;
  const receiptCutoff = new Date(now.getTime() - RECEIPT_RETENTION_DAYS * 86_400_000);
  const commandReceipts = await deps.db.$executeRaw`
    DELETE FROM "CommandReceipt" WHERE "at" < ${receiptCutoff} ${inChars}`;

  const result = {
    failed: timers + resets,
    questRows,
    vendorStock,
    appliedEvents,
    commandReceipts,
  };
  deps.log.info(result, 'daily cleanup');
  return result;
}
