// The failed tests of a vitest or Playwright JSON report, each with the first lines of
// its error: printed last by scripts/test.ts, so that the tail of a CI log (often all a
// reader gets) says which assertion failed, not only which phase.
import fs from 'node:fs';

export type Failure = { title: string; where: string; message: string };

/** lines of an error kept in the summary */
const LINES = 8;

// eslint-disable-next-line no-control-regex
const ANSI = /\u001b\[[0-9;]*m/g;

function firstLines(text: string): string {
  return text
    .replace(ANSI, '')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .slice(0, LINES)
    .join('\n');
}

/**
 * vitest's JSON report keeps only the stack of a test that ran out of time, under the
 * name of the error it made when the test was defined: said in words here.
 */
function timedOut(message: string, durationMs: number | undefined): string {
  if (!message.startsWith('Error: STACK_TRACE_ERROR')) return message;
  const after = durationMs === undefined ? '' : ` (it ran ${(durationMs / 1000).toFixed(1)} s)`;
  return message.replace(
    'Error: STACK_TRACE_ERROR',
    `Error: timed out: over its budget (its own, or testTimeout in vitest.config.ts)${after}`,
  );
}

type VitestReport = {
  testResults?: {
    name: string;
    message?: string;
    assertionResults?: {
      fullName: string;
      status: string;
      duration?: number;
      failureMessages?: string[];
    }[];
  }[];
};

export function vitestFailures(file: string): Failure[] {
  if (!fs.existsSync(file)) return [];
  const r = JSON.parse(fs.readFileSync(file, 'utf8')) as VitestReport;
  const out: Failure[] = [];
  for (const f of r.testResults ?? []) {
    const failed = (f.assertionResults ?? []).filter((a) => a.status === 'failed');
    for (const a of failed)
      out.push({
        title: a.fullName,
        where: f.name,
        message: firstLines(timedOut(a.failureMessages?.join('\n') ?? '', a.duration)),
      });
    // a file that failed before its tests ran (an import, a hook)
    if (failed.length === 0 && f.message)
      out.push({ title: '(the file)', where: f.name, message: firstLines(f.message) });
  }
  return out;
}

type PwSuite = {
  title: string;
  specs?: {
    title: string;
    file: string;
    line: number;
    tests: {
      projectName: string;
      status: string;
      results: { status: string; error?: { message?: string } }[];
    }[];
  }[];
  suites?: PwSuite[];
};

export function playwrightFailures(file: string): Failure[] {
  if (!fs.existsSync(file)) return [];
  const r = JSON.parse(fs.readFileSync(file, 'utf8')) as {
    suites?: PwSuite[];
    errors?: { message?: string }[];
  };
  const out: Failure[] = [];
  const walk = (s: PwSuite) => {
    for (const spec of s.specs ?? [])
      for (const t of spec.tests)
        if (t.status === 'unexpected')
          for (const res of t.results.filter((x) => x.status !== 'passed'))
            out.push({
              title: `[${t.projectName}] ${spec.title}`,
              where: `${spec.file}:${spec.line}`,
              message: firstLines(res.error?.message ?? res.status),
            });
    for (const child of s.suites ?? []) walk(child);
  };
  for (const s of r.suites ?? []) walk(s);
  for (const e of r.errors ?? [])
    out.push({ title: '(the run)', where: file, message: firstLines(e.message ?? '') });
  return out;
}

export function printFailures(failures: Failure[]) {
  if (failures.length === 0) return;
  console.error(`\n${failures.length} failed test(s):`);
  for (const f of failures) console.error(`\n✘ ${f.title} (${f.where})\n${f.message}`);
}
