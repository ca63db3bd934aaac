// npm run demo: a real deploy on the embedded test cluster. Starts the cluster (building it the first time), deploys
// a healthy release of a small "payments" app, then a broken one (its memory limit lowered: OOMKilled), and shows
// what the gate says and does. The markdown reports land in .cluster/demo/.
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const out = path.join(root, '.cluster', 'demo');
const node = process.execPath;
const cli = path.join(root, 'dist', 'cli.js');
const kubeconfig = path.join(root, '.cluster', 'kubeconfig');

execFileSync(node, [path.join(root, 'test/cluster/cluster.mjs'), 'up'], { stdio: 'inherit' });
fs.mkdirSync(out, { recursive: true });
const kubectl = (...args) => spawnSync(node, [path.join(root, 'test/cluster/cluster.mjs'), 'kubectl', ...args], { stdio: 'inherit' });
kubectl('delete', 'namespace', 'payments', '--ignore-not-found', '--wait=true');
kubectl('create', 'namespace', 'payments');

function deploy(release) {
  console.log(`\n=== kube-deploy-gate deploy -f examples/demo/${release} (namespace payments) ===\n`);
  const summary = path.join(out, `${release}.md`);
  const r = spawnSync(
    node,
    [
      cli,
      'deploy',
      '-f',
      path.join(root, 'examples/demo', release),
      '--namespace',
      'payments',
      '--kubeconfig',
      kubeconfig,
      '--timeout',
      '2m',
      '--summary-file',
      summary,
    ],
    { stdio: 'inherit' },
  );
  console.log(`\n(exit code ${r.status}; the job summary a GitHub run would show is in ${path.relative(root, summary)})`);
  return r.status;
}

const healthy = deploy('healthy');
const broken = deploy('broken');
console.log('\nAfter the rollback, the API runs its previous release again:');
kubectl('get', 'deployments,pods', '-n', 'payments', '-o', 'wide');
if (healthy !== 0 || broken !== 1) {
  console.error(`demo: expected exit codes 0 then 1, got ${healthy} then ${broken}`);
  process.exitCode = 1;
}
