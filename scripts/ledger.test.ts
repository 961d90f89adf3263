import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runLedger } from './ledger';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const SEEDS = [
  'tests/fixtures/seeds/000_2116d4bac5eff305.txt',
  'tests/fixtures/seeds/002_2e0490dc36b0060a.txt',
  'tests/fixtures/seeds/003_29900545c6a00a71.txt',
  // A real 2021 bulletin (a traditional reprint with inline pinyin, its title line lost): see
  // tests/fixtures/ledger/README.md.
  'tests/fixtures/ledger/nmg-2021-statistics-bulletin-pinyin.txt',
];

/** Runs the CLI in-process (paths relative to the repository root, vitest's working directory). */
async function run(args: string[]) {
  let out = '';
  const err: string[] = [];
  const code = await runLedger(args, { write: (text) => (out += text), err: (l) => err.push(l) });
  return { code, out, err };
}

/** The hand-written ledger as the CLI writes it: BOM, CRLF line ends. */
function readExpected(): string {
  const csv = readFileSync(join(ROOT, 'tests/fixtures/ledger/inner-mongolia-2020-2026.csv'), 'utf8');
  return `\uFEFF${csv.replace(/\n/g, '\r\n')}`;
}

describe('ledger CLI', () => {
  it('prints the hand-written ledger of Inner Mongolia 2020, 2023 and 2026 (seeds 000, 002, 003) and its 2021 bulletin', async () => {
    const { code, out, err } = await run(SEEDS);
    expect(err).toEqual([]);
    expect(code).toBe(0);
    // Row by row first, so a difference names the row.
    expect(out.split('\r\n')).toEqual(readExpected().split('\r\n'));
    expect(out).toBe(readExpected());
  });

  it('gives the same rows whatever order the files come in', async () => {
    const { out } = await run([...SEEDS].reverse());
    expect(out).toBe(readExpected());
  });

  it('prints the same rows as JSON with --json', async () => {
    const { out } = await run(['--json', ...SEEDS]);
    const rows = JSON.parse(out);
    expect(rows).toHaveLength(readExpected().trim().split('\r\n').length - 1);
    expect(rows[0]).toEqual({
      jurisdiction: '内蒙古自治区',
      level: 'province',
      year: 2020,
      metric: 'gdp_growth',
      kind: 'target',
      value: 6,
      valueMax: null,
      unit: '%',
      qualifier: '左右',
      direction: 'up',
      firmness: 'soft',
      quote: '6%',
      title: '内蒙古自治区人民政府关于下达2020年自治区国民经济和社会发展计划的通知',
      source: SEEDS[0],
    });
  });

  it('files a statistics bulletin’s figures as achieved for its own year', async () => {
    const { out } = await run(['tests/fixtures/pages/statistics-bulletin.html']);
    const rows = out.split('\r\n').slice(1, -1);
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) expect(row).toMatch(/^内蒙古自治区,province,2025,[a-z_]+,achieved,/);
    expect(rows).toContainEqual(
      expect.stringMatching(/^内蒙古自治区,province,2025,gdp_growth,achieved,5\.6,/),
    );
  });

  it('skips a page that is neither a plan nor a bulletin, with a note, exit code 0', async () => {
    // A ranking of provinces: its 内蒙古增长5.6% must not be filed under the 广东 of its title.
    const { code, out, err } = await run(['tests/fixtures/pages/gdp-ranking.html', SEEDS[2]!]);
    expect(code).toBe(0);
    expect(err).toEqual([
      'ledger: tests/fixtures/pages/gdp-ranking.html: not a plan page or statistics bulletin, skipped',
    ]);
    expect(out).toContain(',2026,gdp_growth,target,5,');
    expect(out).not.toContain('gdp-ranking');
  });

  it('reports an unreadable file on stderr, still prints the others, and exits 1', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'planlens-ledger-'));
    const missing = join(dir, 'missing.txt');
    const plan = join(dir, 'plan, 2026.txt');
    writeFileSync(plan, '2026年四川省国民经济和社会发展计划\n主要预期目标是：地区生产总值增长5.5%左右。\n');
    const { code, out, err } = await run([missing, plan]);
    expect(code).toBe(1);
    expect(err).toEqual([`ledger: ${missing}: cannot read file (ENOENT)`]);
    // A path with a comma is quoted (RFC 4180).
    expect(out.split('\r\n')[1]).toBe(
      `四川省,province,2026,gdp_growth,target,5.5,,%,左右,up,soft,5.5%,2026年四川省国民经济和社会发展计划,"${plan}"`,
    );
  });

  it.each([[[]], [['--csv', 'x.txt']], [['--json']]])(
    'rejects %j with a usage message and exit code 2',
    async (args) => {
      const { code, out, err } = await run(args);
      expect(code).toBe(2);
      expect(out).toBe('');
      expect(err.join('\n')).toMatch(/usage: npm run -s ledger/);
    },
  );

  it('runs as a script via npm run ledger (CSV bytes on stdout, exit code)', () => {
    const result = spawnSync('npx', ['tsx', 'scripts/ledger.ts', ...SEEDS], { cwd: ROOT, encoding: 'utf8' });
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(result.stdout).toBe(readExpected());
  }, 30_000);
});
