/**
 * Runs in the browser before the app's code (Next's client instrumentation hook).
 * Zod 4 probes `Function("")` when it builds object schemas, to compile fast
 * parsers; under our CSP (no 'unsafe-eval') that probe is a reported violation.
 * Jitless mode skips the probe and parses the plain way.
 */
import { z } from 'zod';

z.config({ jitless: true });
