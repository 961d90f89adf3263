import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runAnalyze } from './analyze';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const fixture = (path: string) => join(ROOT, 'tests/fixtures', path);

/** Runs the CLI in-process, collecting stdout and stderr lines. */
async function run(args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runAnalyze(args, { out: (l) => out.push(l), err: (l) => err.push(l) });
  return { code, out, err };
}

describe('analyze CLI', () => {
  const dir = mkdtempSync(join(tmpdir(), 'planlens-analyze-'));
  const plan = join(dir, 'plan.txt');
  writeFileSync(
    plan,
    '2026年国民经济和社会发展计划\n2026年经济社会发展的主要预期目标是：地区生产总值增长5%左右，城镇新增就业18万人以上。\n',
  );
  const page = join(dir, 'page.html');
  writeFileSync(
    page,
    '<html><head><title>政府工作报告</title></head><body><h1>政府工作报告</h1><p>各位代表：</p>' +
      '<p>今年力争粮食产量稳定在<strong>780亿斤</strong>左右。</p><script>document.title = "x"</script></body></html>',
  );
  const notPlan = join(dir, 'scores.txt');
  writeFileSync(notPlan, 'CBA常规赛\n辽宁 102:98 广东，全场命中率45%。\n');

  it('prints one JSON line per file, in input order, with the documented fields', async () => {
    const { code, out, err } = await run(['--json', plan, page, notPlan]);
    expect(code).toBe(0);
    expect(err).toEqual([]);
    const reports = out.map((line) => JSON.parse(line));
    expect(reports.map((r) => r.file)).toEqual([plan, page, notPlan]);
    expect(Object.keys(reports[0].detection)).toEqual(['match', 'kind', 'score', 'signals']);
    expect(reports[0].document).toEqual({
      jurisdiction: null,
      level: null,
      year: 2026,
      type: 'annual-plan',
      title: '2026年国民经济和社会发展计划',
      docNumber: null,
    });
    expect(reports[0].detection.match).toBe(true);
    expect(reports[0].targets.map((t: { quote: string }) => t.quote)).toEqual(['5%', '18万人']);
    expect(Object.keys(reports[0].targets[1])).toEqual([
      'quote',
      'text',
      'value',
      'unit',
      'qualifier',
      'indicator',
      'kind',
      'section',
      'start',
      'end',
      'metric',
      'year',
      'direction',
      'firmness',
    ]);
    expect(reports[0].targets[1]).toMatchObject({
      value: 180000,
      unit: '人',
      qualifier: '以上',
      indicator: '城镇新增就业',
      metric: 'urban_new_jobs',
      year: 2026,
      direction: null,
      firmness: 'hard',
    });
    expect(reports[0].targets[0]).toMatchObject({
      metric: 'gdp_growth',
      year: 2026,
      direction: 'up',
      firmness: 'soft',
    });
    expect(reports[1].targets).toEqual([
      expect.objectContaining({ quote: '780亿斤', qualifier: '左右', kind: 'target' }),
    ]);
    // A work report whose page says nothing of its year or government: those fields stay null.
    expect(reports[1].document).toMatchObject({
      type: 'work-report',
      title: '政府工作报告',
      year: null,
      jurisdiction: null,
    });
    expect(reports[2]).toMatchObject({ detection: { match: false }, document: null, targets: [] });
  });

  it('gives offsets into the document text', async () => {
    const { out } = await run(['--json', plan]);
    const [report] = out.map((line) => JSON.parse(line));
    const text =
      '2026年国民经济和社会发展计划\n2026年经济社会发展的主要预期目标是：地区生产总值增长5%左右，城镇新增就业18万人以上。\n';
    for (const t of report.targets) expect(text.slice(t.start, t.end)).toBe(t.text);
  });

  it('reports a missing file on stderr, still processes the others, and exits 1', async () => {
    const missing = join(dir, 'missing.txt');
    const { code, out, err } = await run(['--json', missing, plan]);
    expect(code).toBe(1);
    expect(err).toEqual([expect.stringContaining(`${missing}: cannot read file (ENOENT)`)]);
    expect(out.map((l) => JSON.parse(l).file)).toEqual([plan]);
  });

  it.each([[['--json']], [['--csv', 'x.txt']], [[join(dir, 'notes.pdf')]]])(
    'rejects %j with a message',
    async (args) => {
      const { code, err } = await run(args);
      expect(code).not.toBe(0);
      expect(err.join('\n')).toMatch(/usage|unsupported|unknown/);
    },
  );

  it('prints a readable table without --json', async () => {
    const { out } = await run([plan]);
    expect(out[0]).toContain('plan page');
    expect(out[0]).toContain('2 targets');
    expect(out[0]).toMatch(/target\s+5%左右\s+5 % \(左右\)\s+地区生产总值/);
  });

  it('runs as a script via npm run analyze (exit code and streams)', () => {
    const result = spawnSync(
      'npx',
      [
        'tsx',
        'scripts/analyze.ts',
        '--json',
        fixture('seeds/003_29900545c6a00a71.txt'),
        join(dir, 'nope.txt'),
      ],
      {
        cwd: ROOT,
        encoding: 'utf8',
      },
    );
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('nope.txt: cannot read file');
    const [report] = result.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(report.detection).toMatchObject({ match: true, kind: 'plan' });
    expect(report.document).toEqual({
      jurisdiction: '内蒙古自治区',
      level: 'province',
      year: 2026,
      type: 'annual-plan',
      title: '内蒙古自治区人民政府关于下达2026年自治区国民经济和社会发展计划的通知',
      docNumber: '内政发〔2026〕5号',
    });
    // 51 labels, less 5000万株以上 (a capacity class of the 4 centres counted; see extract.ts).
    expect(report.targets).toHaveLength(50);
  }, 30_000);
});
