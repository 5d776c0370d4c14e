// The summary's failed tests come from the real report shapes of vitest and Playwright.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { playwrightFailures, vitestFailures } from './test-failures';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'necp-failures-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function write(name: string, body: unknown) {
  const file = path.join(dir, name);
  fs.writeFileSync(file, JSON.stringify(body));
  return file;
}

describe('failures from test reports', () => {
  it('finds a failed Playwright test in nested suites, with its error without colours', () => {
    const file = write('pw.json', {
      suites: [
        {
          title: 'match-queue.spec.ts',
          specs: [],
          suites: [
            {
              title: 'inner',
              specs: [
                {
                  title: 'a declined ready check',
                  file: 'match-queue.spec.ts',
                  line: 23,
                  tests: [
                    {
                      projectName: 'arena-queue',
                      status: 'unexpected',
                      results: [
                        {
                          status: 'failed',
                          error: {
                            message:
                              '\u001b[31mError: expect(locator).toBeVisible() failed\u001b[39m\n\nLocator: toast\n',
                          },
                        },
                      ],
                    },
                    {
                      projectName: 'city',
                      status: 'expected',
                      results: [{ status: 'passed' }],
                    },
                  ],
                },
              ],
            },
          ],
        },
      ],
      errors: [],
    });
    expect(playwrightFailures(file)).toEqual([
      {
        title: '[arena-queue] a declined ready check',
        where: 'match-queue.spec.ts:23',
        message: 'Error: expect(locator).toBeVisible() failed\nLocator: toast',
      },
    ]);
  });

  it('finds failed vitest tests and a file that failed before its tests', () => {
    const lines = Array.from({ length: 20 }, (_, i) => `line ${i}`).join('\n');
    const file = write('vitest.json', {
      testResults: [
        {
          name: '/repo/a.test.ts',
          assertionResults: [
            { fullName: 'a works', status: 'passed' },
            { fullName: 'a fails', status: 'failed', failureMessages: [lines] },
          ],
        },
        { name: '/repo/b.test.ts', message: 'Cannot find module x', assertionResults: [] },
      ],
    });
    const found = vitestFailures(file);
    expect(found.map((f) => [f.title, f.where])).toEqual([
      ['a fails', '/repo/a.test.ts'],
      ['(the file)', '/repo/b.test.ts'],
    ]);
    // only the first lines: the tail of a log stays readable
    expect(found[0]!.message.split('\n')).toHaveLength(8);
  });

  it('a vitest test that ran out of time says so, not only where it was defined', () => {
    const file = write('vitest-timeout.json', {
      testResults: [
        {
          name: '/repo/slow.test.ts',
          assertionResults: [
            {
              fullName: 'slow one',
              status: 'failed',
              duration: 27919.9,
              failureMessages: ['Error: STACK_TRACE_ERROR\n    at /repo/slow.test.ts:130:3'],
            },
          ],
        },
      ],
    });
    expect(vitestFailures(file)[0]!.message.split('\n')).toEqual([
      'Error: timed out: over its budget (its own, or testTimeout in vitest.config.ts) (it ran 27.9 s)',
      '    at /repo/slow.test.ts:130:3',
    ]);
  });

  it('no report, no failures', () => {
    expect(playwrightFailures(path.join(dir, 'none.json'))).toEqual([]);
    expect(vitestFailures(path.join(dir, 'none.json'))).toEqual([]);
  });
});
