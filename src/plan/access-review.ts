// Asks the API server what the gate's own credentials may do (SelfSubjectAccessReview, which every authenticated
// identity may create), once per verb, resource and namespace the deploy needs.
import type { KubeClient } from '../kube/client.js';
import { KubeApiError } from '../kube/errors.js';
import { accessKey, type AccessAnswer, type AccessNeed } from './checks/access.js';

interface Review {
  status?: { allowed?: boolean; denied?: boolean };
}

export async function reviewAccess(
  client: KubeClient,
  needs: AccessNeed[],
): Promise<{ answers: Map<string, AccessAnswer> | null; note?: string }> {
  const unique = new Map<string, AccessNeed>();
  for (const n of needs) if (!unique.has(accessKey(n))) unique.set(accessKey(n), n);
  const answers = new Map<string, AccessAnswer>();
  try {
    await Promise.all(
      [...unique].map(async ([key, need]) => {
        let plural: string;
        try {
          plural = (await client.resource(need.apiVersion, need.kind)).plural;
        } catch {
          return; // a kind whose CRD comes with this deploy: the apply will tell
        }
        const group = need.apiVersion.includes('/') ? need.apiVersion.split('/')[0] : '';
        const review = await client.http.request<Review>('/apis/authorization.k8s.io/v1/selfsubjectaccessreviews', {
          method: 'POST',
          retry: true, // a review changes nothing
          body: {
            apiVersion: 'authorization.k8s.io/v1',
            kind: 'SelfSubjectAccessReview',
            spec: { resourceAttributes: { namespace: need.namespace, verb: need.verb, group, resource: plural } },
          },
        });
        answers.set(key, { allowed: review.status?.allowed === true, resource: group ? `${plural}.${group}` : plural });
      }),
    );
  } catch (e) {
    if (e instanceof KubeApiError && (e.status === 403 || e.status === 404))
      return {
        answers: null,
        note: `could not review the gate's own permissions (${e.message}): missing permissions show only where the dry run met them`,
      };
    throw e;
  }
  return { answers };
}
