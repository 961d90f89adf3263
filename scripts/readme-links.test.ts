import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '..');
/** Folders that hold no documentation of ours, or only build output. */
const SKIP = new Set(['node_modules', '.git', '.output', '.wxt', 'demo-output', 'bench-output']);
/** Paths READMEs name that exist only after a build or a demo run. */
const GENERATED = /^(\.output|demo-output|bench-output)\//u;
const TOP_LEVEL = /^(lib|tests|entrypoints|components|scripts|public)\//u;

function findReadmes(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    if (SKIP.has(entry.name)) return [];
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return findReadmes(full);
    return entry.name === 'README.md' ? [full] : [];
  });
}

/**
 * Every file or folder a README points at: markdown links, and paths in backticks (repo paths such
 * as `lib/anchor`, relative ones such as `../gold/README.md`, and bare file names beside the README).
 * A `<placeholder>` or `*` glob is checked up to its folder.
 */
function referencedPaths(text: string): string[] {
  const links = [...text.matchAll(/\]\(([^)\s]+)\)/gu)]
    .map((m) => m[1]!)
    .filter((l) => !/^(https?:|mailto:|#)/u.test(l));
  const code = [...text.matchAll(/`([^`\n]+)`/gu)].flatMap((m) => m[1]!.split(/\s+/u));
  const paths = code.filter(
    (token) =>
      /^\.\.?\//u.test(token) ||
      TOP_LEVEL.test(token) ||
      /^[\w.-]+\.(md|json|jsonl|ts|tsx|html|css|txt)$/u.test(token),
  );
  return [...links, ...paths].map((p) => p.replace(/#.*$/u, '').replace(/\/?[^/]*[<*].*$/u, ''));
}

describe('README links', () => {
  const readmes = findReadmes(ROOT);

  it('finds the READMEs', () => {
    expect(readmes.map((r) => path.relative(ROOT, r)).sort()).toContain('tests/fixtures/gold/README.md');
  });

  it.each(readmes.map((r) => [path.relative(ROOT, r), r]))(
    '%s points only at paths that exist',
    (_, readme) => {
      const dir = path.dirname(readme);
      const missing = referencedPaths(readFileSync(readme, 'utf8'))
        .filter((p) => p !== '' && !GENERATED.test(p))
        .filter((p) => {
          const local = path.resolve(dir, p);
          // Repo paths (lib/…, tests/…) read from the root in every README.
          return !existsSync(local) && !(TOP_LEVEL.test(p) && existsSync(path.resolve(ROOT, p)));
        });
      expect(missing).toEqual([]);
    },
  );
});
