import { execSync } from 'node:child_process';
import { ROOT } from './browser/harness';

/** Builds the extension once before the browser tests, unless told the build is fresh. */
export default function setup(): void {
  if (process.env.PLANLENS_SKIP_BUILD === '1') return;
  // Vitest sets NODE_ENV=test, which a child build would inherit: Vite then compiles JSX for React's
  // development runtime while bundling React's production build, and every React UI in a content
  // script fails with "jsxDEV is not a function". Build exactly as `npm run build` does.
  const env: NodeJS.ProcessEnv = { ...process.env, NODE_ENV: 'production' };
  execSync('npx wxt build', { cwd: ROOT, stdio: 'inherit', env });
}
