/**
 * Throwaway TLS certificates for tests (openssl): a certificate authority of its own,
 * and a certificate for localhost and 127.0.0.1 signed by it with its key — what a TLS
 * server in a test presents (the embedded PostgreSQL of tls.test, the https proxy of
 * the web's https.spec).
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

/** Whether `openssl` runs here (tests that need certificates skip without it). */
export function hasOpenssl(): boolean {
  try {
    execFileSync('openssl', ['version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/** Paths (in `dir`, named after `name`) of the CA's certificate and the server's pair. */
export interface TestCertificates {
  ca: string;
  crt: string;
  key: string;
}

export function testCertificates(dir: string, name: string): TestCertificates {
  const f = (x: string) => path.join(dir, `${name}-${x}`);
  const ssl = (...args: string[]) => execFileSync('openssl', args, { stdio: 'ignore' });
  ssl(
    'req',
    '-x509',
    '-newkey',
    'rsa:2048',
    '-nodes',
    '-days',
    '2',
    '-subj',
    `/CN=${name} CA`,
    '-keyout',
    f('ca.key'),
    '-out',
    f('ca.pem'),
  );
  fs.writeFileSync(f('ext'), 'subjectAltName=DNS:localhost,IP:127.0.0.1\n');
  ssl(
    'req',
    '-newkey',
    'rsa:2048',
    '-nodes',
    '-subj',
    '/CN=localhost',
    '-keyout',
    f('server.key'),
    '-out',
    f('server.csr'),
  );
  ssl(
    'x509',
    '-req',
    '-in',
    f('server.csr'),
    '-CA',
    f('ca.pem'),
    '-CAkey',
    f('ca.key'),
    '-CAcreateserial',
    '-days',
    '2',
    '-extfile',
    f('ext'),
    '-out',
    f('server.crt'),
  );
  return { ca: f('ca.pem'), crt: f('server.crt'), key: f('server.key') };
}
