import { execSync } from 'node:child_process';
import { ROOT } from '../browser/harness';

/** Builds the Firefox add-on once before the Firefox tests, unless told the build is fresh. */
export default function setup(): void {
  if (process.env.PLANLENS_SKIP_BUILD === '1') return;
  // NODE_ENV=production for the same reason as tests/global-setup.ts (React's JSX runtime).
  const env: NodeJS.ProcessEnv = { ...process.env, NODE_ENV: 'production' };
  execSync('npx wxt build -b firefox', { cwd: ROOT, stdio: 'inherit', env });
}
