/**
 * `npm run -s ledger -- [--json] FILE...`: the ledger of targets and achieved figures across the
 * given .html, .htm or .txt files — one row per (jurisdiction, year, metric, kind), see
 * lib/ledger — as CSV (UTF-8 with BOM, RFC 4180, CRLF) on stdout, `source` being each file's path
 * as given; with `--json`, a JSON array of the same rows.
 *
 * Plan pages (as the detector sees them) and statistics bulletins (统计公报, whose figures are
 * achieved for their year) make rows; any other file — a news page ranking provinces, say, whose
 * figures belong to many governments — is skipped with a note on stderr, exit code unchanged. A
 * missing or unreadable file is reported on stderr, the others still make the ledger, and the exit
 * code is 1; a usage error exits 2 with nothing on stdout.
 *
 * @module
 */
import { pathToFileURL } from 'node:url';
import { detectPlanPage } from '../lib/detect/detect';
import { isStatisticsBulletin } from '../lib/ledger/figure-year';
import { analyzeText, readAnalyzeOptions } from '../lib/targets/analyze';
import { formatLedgerCsv, formatLedgerJson } from '../lib/ledger/export';
import { buildLedgerRows, type LedgerDocument } from '../lib/ledger/ledger-rows';
import { readLoadedFields } from './lib-eval/analyze-document';
import { loadDocument } from './lib-eval/load-document';

const USAGE = 'usage: npm run -s ledger -- [--json] FILE...   (.html, .htm or .txt)';

/** Where output goes; tests pass their own. `write` takes text as is (the CSV brings its own CRLFs). */
export interface LedgerOutput {
  write: (text: string) => void;
  err: (line: string) => void;
}

/**
 * Runs the CLI over `args` (without node and script). Resolves to the exit code: 0 when every file
 * was read, 1 when any could not be, 2 on a usage error. The ledger is printed once, after all
 * files are read (rows from different files compete for the same cells).
 */
export async function runLedger(args: readonly string[], io: LedgerOutput): Promise<number> {
  const json = args.includes('--json');
  const files = args.filter((a) => a !== '--json');
  const unknown = files.find((a) => a.startsWith('--'));
  if (unknown !== undefined || files.length === 0) {
    io.err(unknown !== undefined ? `ledger: unknown option ${unknown}\n${USAGE}` : USAGE);
    return 2;
  }
  let code = 0;
  const docs: LedgerDocument[] = [];
  for (const file of files) {
    try {
      const loaded = await loadDocument(file);
      const fields = readLoadedFields(loaded);
      if (!detectPlanPage(loaded.sample).match && !isStatisticsBulletin(fields)) {
        io.err(`ledger: ${file}: not a plan page or statistics bulletin, skipped`);
        continue;
      }
      docs.push({
        fields,
        targets: analyzeText(loaded.text, readAnalyzeOptions(loaded.sample.title)),
        text: loaded.text,
        source: file,
      });
    } catch (error) {
      io.err(`ledger: ${error instanceof Error ? error.message : String(error)}`);
      code = 1;
    }
  }
  const rows = buildLedgerRows(docs);
  io.write(json ? `${formatLedgerJson(rows)}\n` : formatLedgerCsv(rows));
  return code;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const code = await runLedger(process.argv.slice(2), {
    write: (text) => process.stdout.write(text),
    err: (line) => process.stderr.write(`${line}\n`),
  });
  process.exitCode = code;
}
