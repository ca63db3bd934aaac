// The hidden marker that makes the PR comment sticky: one comment per report id, found again on the next run.
// The id is printed inside an HTML comment, so anything that could end the comment (`>`) or make two ids look
// alike is percent-encoded: the marker for a given id is always the same string and never breaks out.
const MARKER_PREFIX = '<!-- kube-deploy-gate:report-id=';

export function encodeReportId(id: string): string {
  return id.replace(/[^A-Za-z0-9._:/+=@-]/g, (c) =>
    encodeURIComponent(c).replace(/[!'()*]/g, (x) => `%${x.charCodeAt(0).toString(16).toUpperCase()}`),
  );
}

export function reportMarker(reportId: string): string {
  return `${MARKER_PREFIX}${encodeReportId(reportId)} -->`;
}

export function hasMarker(body: string | null | undefined, reportId: string): boolean {
  return (body ?? '').includes(reportMarker(reportId));
}

/** The default report id: workflow + job + environment or namespace, so parallel deploys get their own comment. */
export function defaultReportId(parts: { workflow?: string; job?: string; environment?: string; namespace?: string }): string {
  return [parts.workflow, parts.job, parts.environment ?? parts.namespace].filter((p) => p && p.trim()).join('/') || 'default';
}
