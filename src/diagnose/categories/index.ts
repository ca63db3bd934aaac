// The category registry: every category the diagnosis can report, worst first (the order a person should read
// findings in when several are fatal at once). The IDs are a public contract (outputs, tests and users' scripts).
// Adding a category is one entry in one of the groups below.
import { APPLY_CATEGORIES } from './apply.js';
import { ENVIRONMENT_CATEGORIES } from './environment.js';
import { KUBELET_CATEGORIES } from './kubelet.js';
import { NODE_CATEGORIES } from './node.js';
import { OBJECT_CATEGORIES } from './objects.js';
import { PLACEMENT_CATEGORIES } from './placement.js';
import { SLOW_CATEGORIES } from './slow.js';
import type { CategoryPolicy, CategorySpec } from './spec.js';
import { TEMPLATE_CATEGORIES } from './template.js';
import { WORKLOAD_CATEGORIES } from './workload.js';

const REGISTRY = {
  ...WORKLOAD_CATEGORIES,
  ...OBJECT_CATEGORIES,
  ...APPLY_CATEGORIES,
  ...NODE_CATEGORIES,
  ...TEMPLATE_CATEGORIES,
  ...PLACEMENT_CATEGORIES,
  ...ENVIRONMENT_CATEGORIES,
  ...KUBELET_CATEGORIES,
  ...SLOW_CATEGORIES,
};

export type Category = keyof typeof REGISTRY;

export const CATEGORY_SPECS: Readonly<Record<Category, CategorySpec>> = REGISTRY;

/** Worst first. */
export const CATEGORIES = Object.keys(REGISTRY) as readonly Category[];

const RANK = new Map<string, number>(CATEGORIES.map((c, i) => [c, i]));

export function isCategory(value: unknown): value is Category {
  return typeof value === 'string' && RANK.has(value);
}

export function categorySpec(category: Category): CategorySpec {
  return CATEGORY_SPECS[category];
}

export function severityRank(category: string): number {
  return RANK.get(category) ?? CATEGORIES.length;
}

export type FailFastPolicy = Readonly<Record<Category, CategoryPolicy>>;

export const DEFAULT_POLICY: FailFastPolicy = Object.fromEntries(CATEGORIES.map((c) => [c, CATEGORY_SPECS[c].policy])) as Record<
  Category,
  CategoryPolicy
>;

export type { CategoryPolicy, CategorySpec };
