/** A command run to completion with its output shown; throws on a non-zero exit. */
import { spawn } from 'node:child_process';

export async function step(
  cmd: string,
  args: string[],
  cwd: string,
  env: Record<string, string> = {},
): Promise<void> {
  const child = spawn(cmd, args, { cwd, stdio: 'inherit', env: { ...process.env, ...env } });
  const code = await new Promise<number>((r) => child.on('exit', (c) => r(c ?? 1)));
  if (code !== 0) throw new Error(`${cmd} ${args.join(' ')} exited with ${code}`);
}
