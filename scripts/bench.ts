/**
 * `npm run bench`: runs every benchmark module in scripts/bench/ (each exports `run()`), in name
 * order. Each prints ratios against a baseline measured in the same run. `npm run bench -- NAME`
 * runs the modules whose file name contains NAME.
 */
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

interface BenchModule {
  run(): Promise<void>;
}

async function main(): Promise<void> {
  const dir = path.join(path.dirname(fileURLToPath(import.meta.url)), 'bench');
  const filter = process.argv[2] ?? '';
  const files = (await readdir(dir)).filter((f) => f.endsWith('.bench.ts') && f.includes(filter)).sort();
  for (const file of files) {
    console.log(`\n## ${file}`);
    const mod = (await import(pathToFileURL(path.join(dir, file)).href)) as BenchModule;
    await mod.run();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
