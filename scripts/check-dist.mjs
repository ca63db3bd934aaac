// Fails when dist/ differs from a fresh build of src/ (like actions/typescript-action's check-dist workflow).
import { execFileSync } from 'node:child_process';

execFileSync('npm', ['run', 'build', '--silent'], { stdio: 'inherit' });
const diff = execFileSync('git', ['status', '--porcelain', '--', 'dist'], { encoding: 'utf8' });
if (diff.trim() !== '') {
  console.error(`dist/ does not match a fresh build of src/:\n${diff}\nRun npm run build and commit dist/.`);
  process.exit(1);
}
console.log('dist/ matches a fresh build');
