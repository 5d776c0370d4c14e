/**
 * The moderators' report queue: chat-message reports and player reports together,
 * newest first, paged by (createdAt, id) — reports of one millisecond stay in order
 * across a page's end; resolving one records who and what was done.
 */
import {
  ReportListInputSchema,
  ReportResolveInputSchema,
  type ChatMessage,
  type Page,
  type PlayerReportReason,
  type ReportKind,
  type ReportListInput,
  type ReportResolveInput,
} from '@necp/shared';
import { closedSet } from '../core/closed-columns';
import type { GameDeps } from '../core/deps';
import { DomainError } from '../core/errors';
import { decodeCursor, encodeCursor, TimeIdKey } from '../core/page-cursor';
import { parseInput } from '../core/validation';

/** A context line: what clients saw, plus what was typed when the word filter masked it. */
export type ReportContextLine = ChatMessage & { original?: string | null };

interface ReportBase {
  id: string;
  kind: ReportKind;
  reporterId: string;
  reporterName: string;
  targetName: string;
  /** the account a moderator would mute or ban; null when the sender is gone */
  targetUserId: string | null;
  reason: string | null;
  createdAt: string;
  resolvedAt: string | null;
  resolvedBy: string | null;
  resolution: string | null;
  context: ReportContextLine[];
}
export type ReportView =
  | (ReportBase & { kind: 'chat'; messageId: string })
  | (ReportBase & { kind: 'player'; reason: PlayerReportReason; note: string | null });

const iso = (d: Date | null) => (d ? d.toISOString() : null);
const lines = (json: unknown) => (Array.isArray(json) ? (json as ReportContextLine[]) : []);

export async function listReports(
  deps: Pick<GameDeps, 'db'>,
  input: ReportListInput,
): Promise<Page<ReportView>> {
  const { status, cursor, limit } = parseInput(ReportListInputSchema, input);
  const [ms, lastId] = cursor ? decodeCursor(cursor, TimeIdKey) : [];
  const at = ms === undefined ? undefined : new Date(ms);
  const where = {
    resolvedAt: status === 'open' ? null : { not: null },
    ...(at ? { OR: [{ createdAt: { lt: at } }, { createdAt: at, id: { lt: lastId } }] } : {}),
  };
  // ids are cuids (lower-case letters and digits): the database and JS order them alike
  const orderBy = [{ createdAt: 'desc' as const }, { id: 'desc' as const }];
  const [chat, players] = await Promise.all([
    deps.db.chatReport.findMany({
      where,
      orderBy,
      take: limit,
      include: {
        message: {
          select: { senderId: true, senderName: true, sender: { select: { userId: true } } },
        },
      },
    }),
    deps.db.playerReport.findMany({ where, orderBy, take: limit }),
  ]);
  const reporterIds = [...new Set(chat.map((r) => r.reporterId))];
  const names = new Map(
    (
      await deps.db.character.findMany({
        where: { id: { in: reporterIds } },
        select: { id: true, name: true },
      })
    ).map((c) => [c.id, c.name]),
  );
  const merged: ReportView[] = [
    ...chat.map((r): ReportView => ({
      kind: 'chat',
      id: r.id,
      messageId: r.messageId,
      reporterId: r.reporterId,
      reporterName: names.get(r.reporterId) ?? '(deleted)',
      targetName: r.message.senderName ?? '(unknown)',
      targetUserId: r.message.sender?.userId ?? null,
      reason: r.reason,
      createdAt: r.createdAt.toISOString(),
      resolvedAt: iso(r.resolvedAt),
      resolvedBy: r.resolvedBy,
      resolution: r.resolution,
      context: lines(r.context),
    })),
    ...players.map((r): ReportView => ({
      kind: 'player',
      id: r.id,
      reporterId: r.reporterId,
      reporterName: r.reporterName,
      targetName: r.targetName,
      targetUserId: r.targetUserId,
      reason: closedSet.PlayerReport.reason.parse(r.reason),
      note: r.note,
      createdAt: r.createdAt.toISOString(),
      resolvedAt: iso(r.resolvedAt),
      resolvedBy: r.resolvedBy,
      resolution: r.resolution,
      context: lines(r.context),
    })),
  ]
    .sort((a, b) => newestFirst(a, b))
    .slice(0, limit);
  const full = chat.length === limit || players.length === limit || merged.length === limit;
  const last = merged.at(-1);
  // two tables, each read `limit` deep: a page goes on while either may hold more
  return {
    items: merged,
    nextCursor: full && last ? encodeCursor([Date.parse(last.createdAt), last.id]) : null,
  };
}

function newestFirst(a: ReportView, b: ReportView): number {
  if (a.createdAt !== b.createdAt) return a.createdAt < b.createdAt ? 1 : -1;
  return a.id < b.id ? 1 : a.id > b.id ? -1 : 0;
}

/** Closes an open report (a resolved one stays as it was: CONFLICT). */
export async function resolveReport(
  deps: Pick<GameDeps, 'db' | 'clock'>,
  input: ReportResolveInput & { moderatorId: string },
): Promise<{ resolved: true }> {
  const { kind, id, resolution } = parseInput(ReportResolveInputSchema, input);
  const data = { resolvedAt: deps.clock.now(), resolvedBy: input.moderatorId, resolution };
  const where = { id, resolvedAt: null };
  const { count } =
    kind === 'chat'
      ? await deps.db.chatReport.updateMany({ where, data })
      : await deps.db.playerReport.updateMany({ where, data });
  if (count === 1) return { resolved: true };
  const exists =
    kind === 'chat'
      ? await deps.db.chatReport.findUnique({ where: { id }, select: { id: true } })
      : await deps.db.playerReport.findUnique({ where: { id }, select: { id: true } });
  if (!exists)
    throw new DomainError('NOT_FOUND', `${kind} report ${id}`, 'That report does not exist.');
  throw new DomainError(
    'CONFLICT',
    `${kind} report ${id} resolved`,
    'That report is already resolved.',
  );
}
