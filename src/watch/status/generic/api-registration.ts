// The two kinds that extend the API itself. Both gate everything that uses the new API, so a wait that passes
// while they are not serving leaves the run's custom resources (or `kubectl top`) failing later.
//
// CustomResourceDefinition: kstatus CRDConditions (sigs.k8s.io/cli-utils pkg/kstatus/status/core.go). Names the
// API server refuses (NamesAccepted=False, e.g. a plural another CRD already serves) and an Established=False for
// any reason but Installing are failures; Established=True is current; anything else is still installing.
// kstatus walks the list and stops at the first of these it meets; here a refused name wins wherever it sits, so
// the verdict does not depend on the order the API server wrote the conditions in.
//
// APIService (apiregistration.k8s.io): kstatus has no rule, so it falls through to "Resource is current" and an
// aggregated API whose backend is down passes. The aggregator's availability controller keeps an Available
// condition on every APIService (True with reason Local for the built-in groups), and discovery through the API
// server fails while it is False, so the gate waits for Available=True. False is never final: the backing
// Service's pods may still be starting (MissingEndpoints, FailedDiscoveryCheck).
import { findCondition, joinReason, record, text } from '../../../k8s/fields.js';
import { current, failed, inProgress, type ObjectStatus } from './object-status.js';

export function crdStatus(object: unknown): ObjectStatus {
  const status = record(record(object).status);
  const names = findCondition(status, 'NamesAccepted');
  if (names?.status === 'False') return failed(text(names.reason), text(names.message) || 'CRD names are not accepted');
  const established = findCondition(status, 'Established');
  if (established?.status === 'False' && established.reason !== 'Installing') {
    return failed(text(established.reason), text(established.message) || 'CRD is not established');
  }
  if (established?.status === 'True') return current('CRD is established');
  return inProgress('Installing', 'Install in progress');
}

export function apiServiceStatus(object: unknown): ObjectStatus {
  const available = findCondition(record(record(object).status), 'Available');
  if (!available) return inProgress('NoAvailableCondition', 'APIService Available condition not set');
  if (available.status === 'True') return current('APIService is Available');
  return inProgress(text(available.reason), joinReason('APIService is not Available', text(available.message)));
}
