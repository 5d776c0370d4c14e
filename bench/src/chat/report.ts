/**
 * The chat bench's numbers as markdown, put into docs/perf.md between the markers of
 * its sim count (one sim and two sims keep their own sections side by side).
 */
import fs from 'node:fs';
import type { Machine } from '../machine';
import type { SimLogCounts } from '../sim-process';
import type { ConnectReport } from '../swarm-protocol';
import type { DeliveryCount, DeliveryTotals } from './deliveries';
import type { ChatRoom } from './protocol';

export const chatMarkers = (sims: number) => ({
  start: `<!-- bench:chat-${sims}-sim:start -->`,
  end: `<!-- bench:chat-${sims}-sim:end -->`,
  heading: sims === 1 ? 'Chat fan-out: one sim' : `Chat fan-out: ${sims} sims`,
});

export interface Percentiles {
  p50: number;
  p95: number;
  p99: number;
  max: number;
  samples: number;
}

export interface LatencyRow extends DeliveryCount {
  /** `<kind>:<local|remote>` or `all` */
  key: string;
  /** due → receipt */
  due: Percentiles;
  /** left the sender → receipt, p99 */
  sendP99: number;
  /** the sim's timestamp on the message (after its checks, before the database write) → receipt, p99 */
  postP99: number;
}

export interface ZoneTicks {
  sim: number;
  zone: string;
  p50: number;
  p99: number;
  max: number;
  perSecond: number;
  skipped: number;
}

export interface SimSide {
  sim: number;
  cpuPct: number;
  loopBusyPct: number;
  rssMb: number;
  logs: SimLogCounts;
}

export interface ChatRunResult {
  bots: number;
  failure?: string;
  connect?: ConnectReport;
  /** bots in the chat before the window and connected through it */
  steady?: number;
  sends?: DeliveryTotals['sends'];
  /** the most sends one bot had within any 10 s */
  floodPeak?: number;
  /** scheduled messages a second that went out (channel, whisper) */
  sentPerSecond?: { channel: number; whisper: number };
  refusals?: Record<string, number>;
  deliveries?: {
    expected: number;
    delivered: number;
    lost: number;
    perSecond: number;
    expectedPerSecond: number;
    misdelivered: number;
    late: number;
    duplicates: number;
    unreadable: number;
    stray: number;
  };
  latency?: LatencyRow[];
  /** due → left the sender (the bench's own timer lag), and left → ack */
  lag?: Percentiles;
  ack?: Percentiles;
  ticks?: ZoneTicks[];
  sims?: SimSide[];
  benchCpuPct?: number;
  /** the bot threads' event-loop delay: high values mean the bench, not the sim, delayed receipts */
  loopDelay?: { p99: number; max: number };
  postgresCpuPct?: number;
  redisCpuPct?: number;
  machineCpuPct?: number;
  load?: [number, number];
  /** engine.io bytes received per bot per second, mean */
  bytesPerClient?: number;
  disconnects?: Record<string, number>;
  kicked?: Record<string, number>;
}

export interface ChatReportOptions {
  machine: Machine;
  date: Date;
  command: string;
  sims: number;
  districts: string[];
  room: ChatRoom;
  channelRate: number;
  whisperRate: number;
  seconds: number;
  lossMs: number;
  blocks: number;
  redis: boolean;
  pinned: boolean;
  results: ChatRunResult[];
}

const f0 = (n: number | undefined) => (n === undefined ? '–' : n.toFixed(0));
const f1 = (n: number | undefined) => (n === undefined ? '–' : n.toFixed(1));
const f2 = (n: number | undefined) => (n === undefined ? '–' : n.toFixed(2));
const pct = (part: number, whole: number) =>
  whole === 0 ? '–' : `${((part / whole) * 100).toFixed(part === 0 ? 0 : 3)} %`;
const p4 = (p: Percentiles | undefined) =>
  p ? `${f1(p.p50)} / ${f1(p.p95)} / ${f1(p.p99)} / ${f1(p.max)}` : '–';

function codes(r: Record<string, number> | undefined): string {
  const entries = Object.entries(r ?? {}).sort((a, b) => b[1] - a[1]);
  return entries.length === 0 ? '–' : entries.map(([k, v]) => `${k} ${v}`).join(', ');
}

const LABELS: Record<string, string> = {
  all: 'all deliveries',
  'channel:local': 'channel, recipient on the sender’s sim',
  'channel:remote': 'channel, recipient on the other sim (via Redis)',
  'whisper:local': 'whisper (both ends), same sim',
  'whisper:remote': 'whisper (both ends), other sim (via Redis)',
};

export function renderChatResults(o: ChatReportOptions): string {
  const m = o.machine;
  const where =
    o.districts.length === 1
      ? `every bot in ${o.districts[0]}`
      : `bots alternately in ${o.districts.join(' and ')}`;
  const topology =
    o.sims === 1
      ? `one sim process (${o.districts.join(', ')})`
      : `${o.sims} sim processes, each holding one district's lease (${o.districts.map((d, i) => `sim ${i + 1}: ${d}`).join(', ')}), sharing PostgreSQL and Redis; each bot connects to the sim of its district`;
  const lines: string[] = [
    `Measured ${o.date.toISOString().slice(0, 16).replace('T', ' ')} UTC on ${m.cpu}, ` +
      `${m.cores} cores, ${m.memoryGb} GB RAM (${m.os}, Node ${m.node}); ` +
      (o.pinned ? 'the sim on CPU 0, the bots on CPU 1 (taskset); ' : 'not pinned; ') +
      `${topology}; Socket.IO adapter: ${o.redis ? 'Redis' : 'in memory (no REDIS_URL)'}; SIM_NPCS=off. ` +
      `Workload: ${where}, idle (no movement); open loop — ${o.channelRate} \`${o.room}\` messages/s and ` +
      `${o.whisperRate} whispers/s (random pairs) in all, each due at a fixed time, senders round robin ` +
      `over a seeded shuffle of all bots (the sim allows 5 per character per 10 s; every text new); ` +
      `${o.blocks} bots block another. Window: ${o.seconds} s of sending, then ${o.lossMs / 1000} s to drain. ` +
      `Latency is from each message's due time to each recipient's receipt (bench clock, one machine); ` +
      `a delivery later than ${o.lossMs / 1000} s, or never, is lost.`,
    '',
    '```',
    o.command,
    '```',
    '',
    '| bots | connected (steady) | sent/s channel + whisper | deliveries/s (expected) | due → receipt p50 / p95 / p99 / max ms | lost | tick p50 / p99 / max ms (ticks/s) | sim CPU % | Redis / PostgreSQL CPU % | bench CPU % (bot loop delay p99 / max ms) | KB/client/s | load |',
    '| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
  ];
  for (const r of o.results) {
    const all = r.latency?.find((l) => l.key === 'all');
    const d = r.deliveries;
    const ticks =
      r.ticks
        ?.map(
          (t) =>
            `${(r.ticks?.length ?? 0) > 1 ? `${t.zone}: ` : ''}${f2(t.p50)} / ${f2(t.p99)} / ${f2(t.max)} (${f1(t.perSecond)})`,
        )
        .join('<br>') ?? '–';
    lines.push(
      `| ${r.bots} | ${r.connect?.connected ?? '–'} (${r.steady ?? '–'}) | ` +
        `${f1(r.sentPerSecond?.channel)} + ${f1(r.sentPerSecond?.whisper)} | ` +
        `${f0(d?.perSecond)} (${f0(d?.expectedPerSecond)}) | ${p4(all?.due)} | ` +
        `${d ? `${d.lost} (${pct(d.lost, d.expected)})` : '–'} | ${ticks} | ` +
        `${r.sims?.map((s) => f0(s.cpuPct)).join(' + ') ?? '–'} | ${f0(r.redisCpuPct)} / ${f0(r.postgresCpuPct)} | ` +
        `${f0(r.benchCpuPct)} (${f1(r.loopDelay?.p99)} / ${f1(r.loopDelay?.max)}) | ${r.bytesPerClient === undefined ? '–' : (r.bytesPerClient / 1024).toFixed(1)} | ` +
        `${r.load ? `${f2(r.load[0])} → ${f2(r.load[1])}` : '–'} |`,
    );
  }
  lines.push(
    '',
    '| bots | deliveries | expected | lost | due → receipt p50 / p95 / p99 / max ms | sent → receipt p99 ms | sim stamp → receipt p99 ms |',
    '| ---: | --- | ---: | ---: | ---: | ---: | ---: |',
  );
  for (const r of o.results)
    for (const l of r.latency ?? [])
      lines.push(
        `| ${r.bots} | ${LABELS[l.key] ?? l.key} | ${l.expected} | ${l.lost} | ${p4(l.due)} | ${f1(l.sendP99)} | ${f1(l.postP99)} |`,
      );
  lines.push('', 'Sends and errors by run:', '');
  for (const r of o.results) {
    const s = r.sends;
    const d = r.deliveries;
    const parts = [
      r.failure && `run failed: ${r.failure}`,
      s &&
        `sent ${s.sent} (skipped: sender offline ${s.skipped}; refused ${s.refused}: ${codes(r.refusals)}; ack timeouts ${s.ackTimeouts}; no ack yet ${s.pending}); at most ${r.floodPeak ?? '–'} sends by one bot within 10 s`,
      r.lag &&
        `send lag (due → sent) p50 / p99 / max ${f1(r.lag.p50)} / ${f1(r.lag.p99)} / ${f1(r.lag.max)} ms`,
      r.ack && `ack (sent → ack) p50 / p99 ${f1(r.ack.p50)} / ${f1(r.ack.p99)} ms`,
      d &&
        `late ${d.late}, duplicates ${d.duplicates}, misdelivered ${d.misdelivered}, unreadable ${d.unreadable}, stray ${d.stray}`,
      `connect failures: ${codes(r.connect?.failures)}`,
      r.disconnects && `disconnects: ${codes(r.disconnects)}`,
      r.kicked && `kicked: ${codes(r.kicked)}`,
      ...(r.sims ?? []).map(
        (x) =>
          `sim ${x.sim + 1} log: ${x.logs.errors} errors, ${x.logs.warnings} warnings (${x.logs.fellBehind} "fell behind")` +
          (Object.keys(x.logs.samples).length > 0 ? ` (${codes(x.logs.samples)})` : ''),
      ),
    ].filter(Boolean);
    lines.push(`- **${r.bots} bots**: ${parts.join('; ')}`);
  }
  return lines.join('\n');
}

/** Replaces the text between the markers of `sims` in `file` (adding them at the end if missing). */
export function writeChatResults(file: string, section: string, sims: number): void {
  const mk = chatMarkers(sims);
  const doc = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '# Performance\n';
  const block = `${mk.start}\n\n${section}\n\n${mk.end}`;
  const start = doc.indexOf(mk.start);
  const end = doc.indexOf(mk.end);
  const next =
    start >= 0 && end > start
      ? doc.slice(0, start) + block + doc.slice(end + mk.end.length)
      : `${doc.trimEnd()}\n\n### ${mk.heading}\n\n${block}\n`;
  fs.writeFileSync(file, next);
}
