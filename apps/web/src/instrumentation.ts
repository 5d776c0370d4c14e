/** Runs once per server process before it serves requests (Next's instrumentation hook). */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME === 'nodejs') {
    const { installPeerAddressHook } = await import('./server/peer-address');
    installPeerAddressHook();
  }
}
