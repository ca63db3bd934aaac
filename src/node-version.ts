// The bundle needs APIs that older Node versions lack (fs.globSync, AbortSignal.any, util.parseArgs with
// allowNegative): checked first, so an old Node is one sentence naming the version, not "globSync is not a function".
export const MIN_NODE_VERSION = '22.19.0';

export function nodeVersionProblem(version: string, minimum = MIN_NODE_VERSION): string | null {
  const have = version.replace(/^v/, '').split('.').map(Number);
  const need = minimum.split('.').map(Number);
  for (let i = 0; i < need.length; i++) {
    if ((have[i] ?? 0) > need[i]) return null;
    if ((have[i] ?? 0) < need[i]) {
      return `kube-deploy-gate needs Node.js ${minimum} or newer, and this is Node.js ${version.replace(/^v/, '')}: install a newer Node (the Action runs on node24)`;
    }
  }
  return null;
}
