/**
 * Password hashing: argon2id via @node-rs/argon2. Its defaults are argon2id with
 * m = 19 MiB, t = 2, p = 1 — OWASP's recommended minimum; hashes are PHC strings,
 * so parameters can be raised later without breaking stored hashes.
 */
import { hash, verify } from '@node-rs/argon2';

export const hashPassword = (password: string): Promise<string> => hash(password);

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false; // a malformed stored hash matches nothing
  }
}

let dummyHash: Promise<string> | undefined;

/**
 * Spends the same time as a real check, for logins naming no account, so response
 * timing does not reveal which emails are registered. Always false.
 */
export async function verifyAgainstDummy(password: string): Promise<false> {
  dummyHash ??= hashPassword('necp-timing-equaliser-not-a-password');
  await verifyPassword(await dummyHash, password);
  return false;
}
