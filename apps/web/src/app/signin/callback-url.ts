/** Only same-site paths: an open redirect after sign-in would be a phishing aid. */
export function safeCallbackUrl(v: string | string[] | undefined): string {
  const s = Array.isArray(v) ? v[0] : v;
  if (!s || !s.startsWith('/') || s.startsWith('//') || s.startsWith('/\\')) return '/characters';
  return s;
}
