/**
 * `npm run -s analyze -- [--json] FILE...`: detects plan pages and extracts their numeric targets
 * from .html, .htm or .txt files (a .txt file is one paragraph per line).
 *
 * With `--json`, one JSON object per file per line, in input order:
 * `{"file", "detection": {"match", "kind", "score", "signals"}, "document": {"jurisdiction",
 * "level", "year", "type", "title", "docNumber"} or null, "targets": [{"quote", "text", "value",
 * "valueMax", "unit", "qualifier", "indicator", "kind", "section", "start", "end", "metric", "year",
 * "direction", "firmness"}]}` (see lib/document and lib/targets/target.ts; a target's `year` is
 * resolved against the document's); without it, a readable table. A missing or unreadable file is reported on stderr, the others are
 * still processed, and the exit code is 1.
 *
 * @module
 */
import { pathToFileURL } from 'node:url';
import { analyzeDocument, type DocumentReport } from './lib-eval/analyze-document';
import { loadDocument } from './lib-eval/load-document';

/** Where output goes; tests pass their own. */
export interface Output {
  out: (line: string) => void;
  err: (line: string) => void;
}

const USAGE = 'usage: npm run -s analyze -- [--json] FILE...   (.html, .htm or .txt)';

/** Renders one report as a readable block: a detection line, then one row per target. */
export function formatTable(report: DocumentReport): string {
  const d = report.detection;
  const lines = [
    `${report.file}: ${d.match ? `plan page (${d.kind ?? '?'})` : 'not a plan page'}, score ${d.score}` +
      (d.signals.length > 0 ? ` — ${d.signals.join('; ')}` : ''),
  ];
  if (!d.match) return lines.join('\n');
  const doc = report.document;
  if (doc) {
    lines.push(
      `  ${doc.title || '(no title)'} — ${doc.jurisdiction ?? '?'} (${doc.level ?? '?'}), ${doc.year ?? '?'}, ` +
        `${doc.type}${doc.docNumber ? `, ${doc.docNumber}` : ''}`,
    );
  }
  lines.push(`  ${report.targets.length} targets`);
  for (const t of report.targets) {
    const value = t.valueMax !== undefined ? `${t.value}–${t.valueMax}` : String(t.value);
    lines.push(
      `  ${t.kind === 'target' ? 'target  ' : 'achieved'}  ${t.text.padEnd(12, '\u3000')}  ` +
        `${value} ${t.unit}${t.qualifier ? ` (${t.qualifier})` : ''}  ${t.indicator}` +
        (t.metric
          ? `  {${t.metric} ${t.year ?? '?'}${t.direction ? ` ${t.direction}` : ''}${t.firmness ? ` ${t.firmness}` : ''}}`
          : '') +
        (t.section ? `  [${t.section}]` : ''),
    );
  }
  return lines.join('\n');
}

/**
 * Runs the CLI over `args` (without node and script). Resolves to the exit code: 0 when every file
 * was analysed, 1 when any could not be read, 2 on a usage error.
 */
export async function runAnalyze(args: readonly string[], io: Output): Promise<number> {
  const json = args.includes('--json');
  const files = args.filter((a) => a !== '--json');
  const unknown = files.find((a) => a.startsWith('--'));
  if (unknown !== undefined || files.length === 0) {
    io.err(unknown !== undefined ? `analyze: unknown option ${unknown}\n${USAGE}` : USAGE);
    return 2;
  }
  let code = 0;
  for (const file of files) {
    let report: DocumentReport;
    try {
      report = analyzeDocument(await loadDocument(file));
    } catch (error) {
      io.err(`analyze: ${error instanceof Error ? error.message : String(error)}`);
      code = 1;
      continue;
    }
    io.out(json ? JSON.stringify(report) : formatTable(report));
  }
  return code;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const code = await runAnalyze(process.argv.slice(2), {
    out: (line) => process.stdout.write(`${line}\n`),
    err: (line) => process.stderr.write(`${line}\n`),
  });
  process.exitCode = code;
}
