import { createHash, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { performance } from 'node:perf_hooks';
import type { Zone } from './zone/zone';
import { tickMetrics, type TickMetrics, type TickSummary } from './zone/tick-metrics';

/** This process in the deployment: who it is and which zone leases it holds. */
export interface ClusterStatus {
  ownerId: string;
  /** where browsers reach it (SIM_PUBLIC_URL) */
  url: string;
  /** the zones it owns now, each with its fencing token */
  leases: { zoneId: string; token: number }[];
}

/** GET /metrics: tick durations and players per zone and this process's CPU and memory. */
export interface SimMetrics {
  /** ms since the process started (the denominator for CPU and event-loop deltas) */
  uptimeMs: number;
  zones: Record<string, TickSummary & { players: number }>;
  process: {
    /** cumulative CPU time since the process started, ms */
    cpuUserMs: number;
    cpuSystemMs: number;
    /** bytes */
    rss: number;
    heapUsed: number;
    heapTotal: number;
    /** cumulative event-loop time since start, ms: busy (running JS or I/O callbacks) vs idle */
    eventLoopActiveMs: number;
    eventLoopIdleMs: number;
  };
}

/**
 * Everything is cumulative or windowed by `since`, never reset by a read: a reader
 * takes a first look, keeps each zone's `ticks`, and later asks `?since=<ticks>` for
 * the percentiles of just the ticks in between (CPU: the difference of the two looks).
 */
export function readMetrics(
  zones: ReadonlyMap<string, Zone>,
  metrics: TickMetrics,
  since: number,
): SimMetrics {
  const cpu = process.cpuUsage();
  const mem = process.memoryUsage();
  const elu = performance.eventLoopUtilization();
  const out: SimMetrics['zones'] = {};
  for (const z of zones.values()) {
    const stats = metrics.get(z.id);
    const summary = stats?.summary(since) ?? {
      ticks: 0,
      samples: 0,
      p50: 0,
      p99: 0,
      max: 0,
      mean: 0,
      skipped: 0,
    };
    out[z.id] = { ...summary, players: z.playerCount };
  }
  return {
    uptimeMs: process.uptime() * 1000,
    zones: out,
    process: {
      cpuUserMs: cpu.user / 1000,
      cpuSystemMs: cpu.system / 1000,
      rss: mem.rss,
      heapUsed: mem.heapUsed,
      heapTotal: mem.heapTotal,
      eventLoopActiveMs: elu.active,
      eventLoopIdleMs: elu.idle,
    },
  };
}

/** `?since=` as a tick count; anything else means 0 (all samples kept). */
function sinceParam(url: string): number {
  const raw = new URL(url, 'http://sim').searchParams.get('since');
  const n = raw === null ? 0 : Number(raw);
  return Number.isSafeInteger(n) && n > 0 ? n : 0;
}

function sendJson(res: ServerResponse, status: number, body: unknown) {
  res.writeHead(status, { 'content-type': 'application/json', 'cache-control': 'no-store' });
  res.end(JSON.stringify(body));
}

/** Does the request carry `Authorization: Bearer <token>`? (compared in constant time) */
function bearerMatches(req: IncomingMessage, token: string): boolean {
  const given = req.headers.authorization ?? '';
  const digest = (s: string) => createHash('sha256').update(s).digest();
  return timingSafeEqual(digest(given), digest(`Bearer ${token}`));
}

/**
 * The sim's HTTP routes on its Socket.IO port, which faces the public:
 * - GET /health: liveness for load balancers and start scripts — `{ status }`, 200 or
 *   503 while shutting down; nothing about zones, players or the cluster.
 * - GET /metrics (see readMetrics, plus who this process is and its leases): operators
 *   only, with `Authorization: Bearer <SIM_METRICS_TOKEN>`; 401 without it, 404 when no
 *   token is configured (docs/operations.md).
 */
export function healthHandler(opts: {
  zones: ReadonlyMap<string, Zone>;
  isClosing: () => boolean;
  metrics?: TickMetrics;
  cluster?: () => ClusterStatus;
  /** SIM_METRICS_TOKEN; unset: /metrics is off */
  metricsToken?: string | undefined;
}) {
  const { zones, isClosing, cluster, metricsToken } = opts;
  const metrics = opts.metrics ?? tickMetrics;
  return (req: IncomingMessage, res: ServerResponse) => {
    const url = req.url ?? '/';
    const path = url.split('?')[0];
    if (req.method === 'GET' && path === '/health') {
      const closing = isClosing();
      sendJson(res, closing ? 503 : 200, { status: closing ? 'shutting_down' : 'ok' });
      return;
    }
    if (req.method === 'GET' && path === '/metrics' && metricsToken) {
      if (!bearerMatches(req, metricsToken)) {
        res.setHeader('www-authenticate', 'Bearer');
        sendJson(res, 401, { error: 'operator token required' });
        return;
      }
      sendJson(res, 200, {
        ...readMetrics(zones, metrics, sinceParam(url)),
        ...(cluster ? { cluster: cluster() } : {}),
      });
      return;
    }
    sendJson(res, 404, { error: 'not found' });
  };
}
