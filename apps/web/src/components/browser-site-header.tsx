'use client';
/** The site header of prerendered pages: the session is learnt in the browser. */
import { SiteHeader } from './site-header';
import { useBrowserSession } from './use-browser-session';

export function BrowserSiteHeader() {
  const s = useBrowserSession();
  return <SiteHeader session={typeof s === 'object' ? s : null} checking={s === 'checking'} />;
}
