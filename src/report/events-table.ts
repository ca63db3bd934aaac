// A finding's events as a collapsed table, newest first, the way `kubectl describe` lists them.
import { formatDuration } from '../duration.js';
import type { EventSummary } from '../model.js';
import { escapeHtml, escapeText, table } from './escape.js';

export const MAX_EVENTS = 20;

function seen(lastSeen: string | null, now: Date | undefined): string {
  if (!lastSeen) return '';
  const at = Date.parse(lastSeen);
  if (Number.isNaN(at)) return escapeText(lastSeen, 40);
  if (!now) return new Date(at).toISOString().replace('.000Z', 'Z');
  const seconds = Math.round(Math.max(0, now.getTime() - at) / 1000);
  if (seconds === 0) return 'now';
  return seconds < 60 ? `${seconds}s ago` : `${formatDuration(seconds * 1000)} ago`;
}

export function eventsDetails(events: EventSummary[], now: Date | undefined): string[] {
  if (events.length === 0) return [];
  const sorted = [...events].sort((a, b) => (Date.parse(b.lastSeen ?? '') || 0) - (Date.parse(a.lastSeen ?? '') || 0));
  const shown = sorted.slice(0, MAX_EVENTS);
  const rows = shown.map((e) => [
    seen(e.lastSeen, now),
    escapeText(e.type, 20),
    escapeText(e.reason, 60),
    e.count > 1 ? `×${e.count}` : '',
    escapeText(e.message, 500),
  ]);
  const label = shown.length < events.length ? `Events (latest ${shown.length} of ${events.length})` : `Events (${events.length})`;
  return [
    `<details><summary>${escapeHtml(label)}</summary>`,
    '',
    ...table(['last seen', 'type', 'reason', 'count', 'message'], rows),
    '',
    '</details>',
  ];
}
