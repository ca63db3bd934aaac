// What a container reads from a ConfigMap or Secret, as text: a ConfigMap's data, a Secret's data decoded from base64
// and its stringData (which the API server folds into data, stringData winning). binaryData is not text and is left
// out. Secret values read here are for matching only: nothing may quote them.
import { record, text } from './fields.js';
import type { KubeObject } from './objects.js';

export function configDataOf(obj: KubeObject): Readonly<Record<string, string>> {
  const data: Record<string, string> = {};
  if (obj.kind === 'ConfigMap') {
    for (const [key, value] of Object.entries(record(obj.data))) data[key] = text(value);
  } else if (obj.kind === 'Secret') {
    for (const [key, value] of Object.entries(record(obj.data))) data[key] = Buffer.from(text(value), 'base64').toString('utf8');
    for (const [key, value] of Object.entries(record(obj.stringData))) data[key] = text(value);
  }
  return data;
}
