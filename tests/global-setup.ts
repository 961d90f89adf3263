import { execSync } from 'node:child_process';
import { ROOT } from './browser/harness';

/** Builds the extension once before the browser tests, unless told the build is fresh. */
export default function setup(): void {
  if (process.env.PLANLENS_SKIP_BUILD === '1') return;
  execSync('npx wxt build', { cwd: ROOT, stdio: 'inherit' });
}
