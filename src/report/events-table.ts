// A finding's events as a collapsed table, newest first, the way `kubectl describe` lists them. The diagnosis hands
// them over oldest first in the events' own order (diagnose/events.ts compareEvents); times are shown at whole
// seconds, the resolution lastTimestamp has, so a row never shows a later time than the row above it.
import { formatDuration } from '../duration.js';
import type { EventSummary } from '../model.js';
import { escapeHtml, escapeText, table } from './escape.js';

export const MAX_EVENTS = 20;

function secondOf(lastSeen: string | null): number | null {
  const at = Date.parse(lastSeen ?? '');
  return Number.isNaN(at) ? null : Math.floor(at / 1000);
}

function seen(lastSeen: string | null, now: Date | undefined): string {
  if (!lastSeen) return '';
  const second = secondOf(lastSeen);
  if (second === null) return escapeText(lastSeen, 40);
  if (!now) return new Date(second * 1000).toISOString().replace('.000Z', 'Z');
  const seconds = Math.max(0, Math.floor(now.getTime() / 1000) - second);
  if (seconds === 0) return 'now';
  return seconds < 60 ? `${seconds}s ago` : `${formatDuration(seconds * 1000)} ago`;
}

/** Newest first: by whole second, and within a second the later in the given (oldest-first) order first. */
function newestFirst(events: EventSummary[]): EventSummary[] {
  return events
    .map((e, i) => ({ e, i, second: secondOf(e.lastSeen) ?? 0 }))
    .sort((a, b) => b.second - a.second || b.i - a.i)
    .map(({ e }) => e);
}

export function eventsDetails(events: EventSummary[], now: Date | undefined, pod?: string | null): string[] {
  if (events.length === 0) return [];
  const shown = newestFirst(events).slice(0, MAX_EVENTS);
  const rows = shown.map((e) => [
    seen(e.lastSeen, now),
    escapeText(e.type, 20),
    escapeText(e.reason, 60),
    e.count > 1 ? `×${e.count}` : '',
    escapeText(e.message, 500),
  ]);
  const of = pod ? ` of pod ${pod}` : '';
  const label =
    shown.length < events.length ? `Events${of} (latest ${shown.length} of ${events.length})` : `Events${of} (${events.length})`;
  return [
    `<details><summary>${escapeHtml(label)}</summary>`,
    '',
    ...table(['last seen', 'type', 'reason', 'count', 'message'], rows),
    '',
    '</details>',
  ];
}
