// Compact, stable text for the values a change shows: short enough for a report line, the same text
// for the same value whatever the key order, and close to what `kubectl describe` prints.
import { probeSettings } from './probe-settings.js';
import { MASK, redactLine } from '../redact.js';
import { asArray, asRecord, asString, type Plain } from './template-shape.js';

const MAX_LENGTH = 160;

function truncate(text: string): string {
  return text.length <= MAX_LENGTH ? text : `${text.slice(0, MAX_LENGTH - 1)}…`;
}

/** JSON with keys sorted at every level, so two equal objects always render the same. */
export function stableJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableJson).join(',')}]`;
  const record = asRecord(value);
  if (record) {
    const keys = Object.keys(record)
      .filter((k) => record[k] !== undefined)
      .sort();
    return `{${keys.map((k) => `${JSON.stringify(k)}:${stableJson(record[k])}`).join(',')}}`;
  }
  return JSON.stringify(value ?? null);
}

// Values shown in "What changed" and "Likely cause" reach job summaries and PR comments: credentials in them (an
// --api-key=... argument, a postgres://user:PASS@... URL) are masked by the same redactor as log tails.
export function renderValue(value: unknown): string | null {
  if (value === undefined || value === null) return null;
  const scalar = asString(value);
  if (scalar !== null) return truncate(redactLine(scalar));
  if (Array.isArray(value) && value.every((v) => asString(v) !== null)) return renderCommand(value);
  return truncate(redactLine(stableJson(value)));
}

/** A flag that names a credential and takes its value as the next word: `--password hunter2`, `--api-key k`. */
const SECRET_FLAG = /^--?[\w.-]*(?:pass|secret|token|key|cred|auth)[\w.-]*$/i;

/** A command or args list as a shell-like line: words with spaces or quotes get double quotes. */
export function renderCommand(words: unknown[]): string {
  const rendered = words.map((w, i) => {
    const previous = i > 0 ? (asString(words[i - 1]) ?? '') : '';
    const word = SECRET_FLAG.test(previous) ? MASK : redactLine(asString(w) ?? '');
    return word === '' || /[\s"'\\]/.test(word) ? JSON.stringify(word) : word;
  });
  return truncate(rendered.join(' '));
}

// Literal env values can hold credentials pasted into a manifest; the report must not print them.
const SENSITIVE_NAME = /pass|secret|token|key|cred|auth|cert|private|session|cookie|signature|dsn|conn/i;

export function renderEnvValue(name: string, value: unknown): string | null {
  const text = asString(value);
  if (text === null) return null;
  return SENSITIVE_NAME.test(name) ? '<redacted>' : truncate(redactLine(text));
}

/** The probe line of `kubectl describe pod`, e.g. "http-get http://:8080/healthz delay=0s timeout=1s ...". */
export function renderProbe(probe: Plain): string {
  const s = probeSettings(probe);
  const attrs = [
    `delay=${s.initialDelaySeconds}s`,
    `timeout=${s.timeoutSeconds}s`,
    `period=${s.periodSeconds}s`,
    `#success=${s.successThreshold}`,
    `#failure=${s.failureThreshold}`,
  ].join(' ');
  const exec = asRecord(probe.exec);
  const http = asRecord(probe.httpGet);
  const tcp = asRecord(probe.tcpSocket);
  const grpc = asRecord(probe.grpc);
  if (exec)
    return truncate(
      `exec [${redactLine(
        asArray(exec.command)
          .map((w) => asString(w) ?? '')
          .join(' '),
      )}] ${attrs}`,
    );
  if (http) {
    const scheme = (asString(http.scheme) ?? 'HTTP').toLowerCase();
    return truncate(`http-get ${scheme}://${asString(http.host) ?? ''}:${asString(http.port) ?? ''}${asString(http.path) ?? ''} ${attrs}`);
  }
  if (tcp) return truncate(`tcp-socket ${asString(tcp.host) ?? ''}:${asString(tcp.port) ?? ''} ${attrs}`);
  if (grpc) return truncate(`grpc <pod>:${asString(grpc.port) ?? ''} ${asString(grpc.service) ?? ''} ${attrs}`);
  return `unknown ${attrs}`;
}

/** A toleration as `kubectl describe` lists it: key=value:effect op=Exists for 300s. */
export function renderToleration(toleration: Plain): string {
  const key = asString(toleration.key) ?? '';
  const value = asString(toleration.value) ?? '';
  const effect = asString(toleration.effect) ?? '';
  let text = key;
  if (value) text += `=${value}`;
  if (effect) text += `:${effect}`;
  if (toleration.operator === 'Exists' && !value) text += key || effect ? ' op=Exists' : 'op=Exists';
  if (typeof toleration.tolerationSeconds === 'number') text += ` for ${toleration.tolerationSeconds}s`;
  return text;
}

/** A volume's source in a few words: "secret db-creds", "configMap app-config", "persistentVolumeClaim data". */
export function renderVolumeSource(volume: Plain): string {
  const source = Object.keys(volume)
    .filter((k) => k !== 'name')
    .sort()[0];
  if (!source) return 'no source';
  const body = asRecord(volume[source]) ?? {};
  const named = (field: string): string => `${source} ${asString(body[field]) ?? ''}`.trim();
  switch (source) {
    case 'secret':
      return named('secretName');
    case 'configMap':
      return named('name');
    case 'persistentVolumeClaim':
      return named('claimName');
    case 'hostPath':
      return named('path');
    case 'csi':
      return named('driver');
    case 'emptyDir':
      return body.medium ? `emptyDir ${asString(body.medium)}` : 'emptyDir';
    case 'projected':
      return truncate(`projected (${asArray(body.sources).map(renderProjection).join(', ')})`);
    default:
      return truncate(`${source} ${stableJson(body)}`);
  }
}

function renderProjection(item: unknown): string {
  const record = asRecord(item) ?? {};
  const kind = Object.keys(record).sort()[0] ?? 'unknown';
  const name = asString(asRecord(record[kind])?.name);
  return name ? `${kind} ${name}` : kind;
}

export function renderMount(mount: Plain): string {
  const sub = asString(mount.subPath) ?? asString(mount.subPathExpr);
  const mode = mount.readOnly === true ? 'ro' : 'rw';
  const flags = sub ? `${mode},path=${JSON.stringify(sub)}` : mode;
  return `${asString(mount.mountPath) ?? ''} from ${asString(mount.name) ?? ''} (${flags})`;
}
