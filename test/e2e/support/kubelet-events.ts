// What every event the kubelet records about a container carries, checked in one place.
import { expect } from 'vitest';
import { waitFor } from './kube.js';
import { findEvent } from './workloads.js';

/** Waits for the kubelet Event (type, reason, message) about `pod` and checks it is the kubelet's, on the pod's node. */
export async function kubeletEvent(
  pod: any,
  type: string,
  reason: string,
  message: string | RegExp,
  /** The container the event is about; null for an event about the pod itself (a sandbox, an admission refusal). */
  fieldPath: string | null = 'spec.containers{app}',
  timeoutMs = 20_000,
): Promise<any> {
  const ns = pod.metadata.namespace;
  const match = (m: string) => (typeof message === 'string' ? m === message : message.test(m));
  const event = await waitFor(
    `${type} ${reason} "${message}" about ${pod.metadata.name}`,
    () => findEvent(ns, pod.metadata.name, type, reason, match),
    timeoutMs,
  );
  expect(event).toMatchObject({
    source: { component: 'kubelet', host: pod.spec.nodeName },
    reportingComponent: 'kubelet',
    reportingInstance: pod.spec.nodeName,
    involvedObject: {
      kind: 'Pod',
      apiVersion: 'v1',
      namespace: ns,
      name: pod.metadata.name,
      uid: pod.metadata.uid,
      ...(fieldPath === null ? {} : { fieldPath }),
    },
  });
  if (fieldPath === null) expect(event.involvedObject.fieldPath).toBeUndefined();
  expect(event.count).toBeGreaterThanOrEqual(1);
  expect(Date.parse(event.lastTimestamp)).toBeGreaterThanOrEqual(Date.parse(event.firstTimestamp));
  return event;
}

/** format.Pod: how the kubelet names a pod in messages. */
export const podDesc = (pod: any) => `${pod.metadata.name}_${pod.metadata.namespace}(${pod.metadata.uid})`;
