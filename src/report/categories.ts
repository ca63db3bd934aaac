// Category ids in words, for the headline: "`payments/api` <phrase>". The words live in the category registry; the
// id itself stays visible in every finding block for people who grep or script on it.
import { categorySpec, isCategory } from '../diagnose/categories/index.js';

export function categoryPhrase(category: string): string {
  return isCategory(category) ? categorySpec(category).phrase : `failed: ${category.replace(/[-_]+/g, ' ')}`;
}
