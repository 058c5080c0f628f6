// Free text people wrote (notes, minutes, descriptions) as it reads on a card: line breaks kept,
// web and mail addresses as links, long words and addresses wrapped inside the card.
//
// Safety: the text is never parsed as HTML. Only http, https and mailto addresses become links;
// anything else (javascript:, data:, a bare word) stays text. Web links open in a new tab without
// giving it a handle on this one (rel="noopener noreferrer").
import { Anchor, Text, type TextProps } from '@mantine/core';
import type { ComponentPropsWithoutRef, CSSProperties } from 'react';

export type TextPart = { kind: 'text'; text: string } | { kind: 'link'; text: string; href: string; web: boolean };

// An address starts at a word boundary; `mailto:` needs an @ after it.
const CANDIDATE = /(?<![\w@./:-])(?:https?:\/\/[^\s<>"]+|mailto:[^\s<>"@]+@[^\s<>"]+)/gi;

// Punctuation that ends a sentence rather than the address: "see https://x.example/a." links to …/a.
const TRAILING = /[.,;:!?'"‘’“”»)\]}>*_]$/;

const CLOSERS: Record<string, string> = { ')': '(', ']': '[', '}': '{' };

/** The address without the punctuation after it; a closing bracket the address opened stays. */
function trimTrailing(candidate: string): string {
  let result = candidate;
  while (TRAILING.test(result)) {
    const last = result.charAt(result.length - 1);
    const opener = CLOSERS[last];
    if (opener) {
      const opened = result.split(opener).length - 1;
      const closed = result.split(last).length - 1;
      if (opened >= closed) break;
    }
    result = result.slice(0, -1);
  }
  return result;
}

/** The href to use, or null when the address is not a safe, well-formed http, https or mailto one. */
function safeHref(address: string): { href: string; web: boolean } | null {
  let url: URL;
  try {
    url = new URL(address);
  } catch {
    return null;
  }
  if (url.protocol === 'http:' || url.protocol === 'https:') return url.hostname ? { href: url.href, web: true } : null;
  if (url.protocol === 'mailto:') return url.pathname.includes('@') ? { href: address, web: false } : null;
  return null;
}

/** `text` split into plain runs and links, in order; joining every part's text gives `text` back. */
export function linkify(text: string): TextPart[] {
  const parts: TextPart[] = [];
  let plain = '';
  let at = 0;
  for (const match of text.matchAll(CANDIDATE)) {
    const start = match.index ?? 0;
    const address = trimTrailing(match[0]);
    const link = safeHref(address);
    if (!link || address.length === 0) continue;
    plain += text.slice(at, start);
    if (plain) parts.push({ kind: 'text', text: plain });
    plain = '';
    parts.push({ kind: 'link', text: address, ...link });
    at = start + address.length;
  }
  plain += text.slice(at);
  if (plain) parts.push({ kind: 'text', text: plain });
  return parts;
}

/** Long words and addresses break anywhere rather than push the card wider. */
export const WRAP_ANYWHERE: CSSProperties = { whiteSpace: 'pre-wrap', overflowWrap: 'anywhere', wordBreak: 'break-word', minWidth: 0 };

/** The parts of `text` as React children: for a component that is not a `Text` (a table cell). */
export function LinkifiedParts({ text }: { text: string }) {
  return (
    <>
      {linkify(text).map((part, index) =>
        part.kind === 'text' ? (
          part.text
        ) : (
          <Anchor
            key={index}
            href={part.href}
            inherit
            rel="noopener noreferrer"
            target={part.web ? '_blank' : undefined}
            style={{ overflowWrap: 'anywhere', wordBreak: 'break-all' }}
          >
            {part.text}
          </Anchor>
        ),
      )}
    </>
  );
}

/**
 * A `Text` showing `text` with its links, its line breaks and wrapping anywhere. Takes Text's
 * props (size, colour, margins, lineClamp) and a paragraph's (aria-label…).
 */
export function LinkifiedText({
  text,
  style,
  ...props
}: { text: string; style?: CSSProperties } & Omit<TextProps, 'style'> & Omit<ComponentPropsWithoutRef<'p'>, keyof TextProps | 'children' | 'style'>) {
  return (
    <Text {...props} style={{ ...WRAP_ANYWHERE, ...style }}>
      <LinkifiedParts text={text} />
    </Text>
  );
}
