/**
 * Item links in chat: shift-clicking an item puts "[Name]" in the input and
 * remembers which item it names; sending links the items whose tokens are still in
 * the text (at most CHAT_LINKS_MAX). A received line is cut into text and link
 * pieces (each link at the first of its tokens not yet taken).
 */
import { CHAT_LINKS_MAX, itemLinkToken, type ChatItemLink } from '@necp/shared';

export interface PendingLink {
  itemId: string;
  name: string;
}

/** The links the line still names, in the order typed, without repeats, capped. */
export function linksInLine(line: string, pending: readonly PendingLink[]): string[] {
  const out: string[] = [];
  for (const p of pending)
    if (line.includes(itemLinkToken(p.name)) && !out.includes(p.itemId)) out.push(p.itemId);
  return out.slice(0, CHAT_LINKS_MAX);
}

export type LinePiece = { text: string } | { link: ChatItemLink };

export function linePieces(text: string, links: readonly ChatItemLink[] | undefined): LinePiece[] {
  if (!links?.length) return [{ text }];
  const hits: { at: number; link: ChatItemLink }[] = [];
  for (const link of links) {
    const token = itemLinkToken(link.name);
    let from = 0;
    for (;;) {
      const at = text.indexOf(token, from);
      if (at < 0) break;
      if (!hits.some((h) => h.at === at)) {
        hits.push({ at, link });
        break;
      }
      from = at + token.length;
    }
  }
  hits.sort((a, b) => a.at - b.at);
  const out: LinePiece[] = [];
  let pos = 0;
  for (const h of hits) {
    if (h.at > pos) out.push({ text: text.slice(pos, h.at) });
    out.push({ link: h.link });
    pos = h.at + itemLinkToken(h.link.name).length;
  }
  if (pos < text.length) out.push({ text: text.slice(pos) });
  return out;
}
