/**
 * Fails when the import graph has a cycle, type-only imports included (ESLint's `import-x/no-cycle`
 * skips `import type`, and a type cycle between two folders is still two folders that cannot be
 * understood or moved apart). Run by `npm run check`.
 *
 * Two graphs are checked:
 * - files: every `.ts`/`.tsx` under lib, entrypoints, components, scripts and tests;
 * - folders: `lib/<folder>`, `entrypoints/<entrypoint>`, `components` and `scripts` as one node
 *   each, so `lib/convert → lib/messaging → lib/convert` fails even when no single file closes it.
 *   Test files are left out of this graph (they may borrow another folder's helpers).
 *
 * Usage: `tsx scripts/check-imports.ts` (prints the cycles and exits 1, or prints a one-line summary).
 *
 * @module
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

const ROOT = path.resolve(import.meta.dirname, '..');
const SOURCE_DIRS = ['lib', 'entrypoints', 'components', 'scripts', 'tests'];
const SKIP_DIRS = new Set(['node_modules', 'fixtures', '.output', '.wxt']);

/** Every TypeScript source file under `dir`, as absolute paths. */
function listSources(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (SKIP_DIRS.has(entry.name)) continue;
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...listSources(full));
    else if (/\.tsx?$/.test(entry.name) && !entry.name.endsWith('.d.ts')) out.push(full);
  }
  return out;
}

/** The compiler options of the root tsconfig (for `@/` paths and bundler resolution). */
function readCompilerOptions(): ts.CompilerOptions {
  const configPath = path.join(ROOT, 'tsconfig.json');
  const config = ts.readConfigFile(configPath, (p) => ts.sys.readFile(p));
  return ts.parseJsonConfigFileContent(config.config, ts.sys, ROOT).options;
}

/** The project files `file` imports (static, type-only, re-exports and dynamic `import()`). */
function importsOf(file: string, options: ts.CompilerOptions): string[] {
  const info = ts.preProcessFile(readFileSync(file, 'utf8'), true, true);
  const targets: string[] = [];
  for (const ref of info.importedFiles) {
    const resolved = ts.resolveModuleName(ref.fileName, file, options, ts.sys).resolvedModule;
    if (!resolved || resolved.isExternalLibraryImport) continue;
    const target = path.resolve(resolved.resolvedFileName);
    if (target.startsWith(ROOT + path.sep) && !target.includes(`${path.sep}node_modules${path.sep}`)) {
      targets.push(target);
    }
  }
  return targets;
}

/** The folder node a file belongs to, or null for files outside the folder graph. */
function folderOf(file: string): string | null {
  const parts = path.relative(ROOT, file).split(path.sep);
  if (parts[0] === 'lib' || parts[0] === 'entrypoints') {
    return parts.length > 2 ? `${parts[0]}/${parts[1]}` : parts[0]!;
  }
  return parts[0] === 'components' || parts[0] === 'scripts' ? parts[0] : null;
}

/** Strongly connected components with more than one node or a self-edge (Tarjan, iterative enough). */
function findCycles(graph: Map<string, Set<string>>): string[][] {
  let index = 0;
  const indices = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const cycles: string[][] = [];
  const visit = (node: string): void => {
    indices.set(node, index);
    low.set(node, index);
    index++;
    stack.push(node);
    onStack.add(node);
    for (const next of graph.get(node) ?? []) {
      if (!indices.has(next)) {
        visit(next);
        low.set(node, Math.min(low.get(node)!, low.get(next)!));
      } else if (onStack.has(next)) {
        low.set(node, Math.min(low.get(node)!, indices.get(next)!));
      }
    }
    if (low.get(node) !== indices.get(node)) return;
    const component: string[] = [];
    let member: string;
    do {
      member = stack.pop()!;
      onStack.delete(member);
      component.push(member);
    } while (member !== node);
    if (component.length > 1 || graph.get(node)?.has(node)) cycles.push(component.sort());
  };
  for (const node of graph.keys()) if (!indices.has(node)) visit(node);
  return cycles;
}

function addEdge(graph: Map<string, Set<string>>, from: string, to: string): void {
  let edges = graph.get(from);
  if (!edges) graph.set(from, (edges = new Set()));
  edges.add(to);
}

function main(): void {
  const options = readCompilerOptions();
  const files = SOURCE_DIRS.flatMap((dir) => listSources(path.join(ROOT, dir)));
  const fileGraph = new Map<string, Set<string>>();
  const folderGraph = new Map<string, Set<string>>();
  for (const file of files) {
    const from = path.relative(ROOT, file);
    fileGraph.set(from, fileGraph.get(from) ?? new Set());
    for (const target of importsOf(file, options)) {
      const to = path.relative(ROOT, target);
      addEdge(fileGraph, from, to);
      // A test may use a helper of another folder (the eval's aligner, the document loader) without
      // that folder depending on the tested one: tests stay out of the folder graph, not the file graph.
      const fromFolder = /\.test\.tsx?$/.test(file) ? null : folderOf(file);
      const toFolder = folderOf(target);
      if (fromFolder && toFolder && fromFolder !== toFolder) addEdge(folderGraph, fromFolder, toFolder);
    }
  }
  const fileCycles = findCycles(fileGraph);
  const folderCycles = findCycles(folderGraph);
  for (const cycle of fileCycles) console.error(`import cycle between files: ${cycle.join(' ⇄ ')}`);
  for (const cycle of folderCycles) console.error(`import cycle between folders: ${cycle.join(' ⇄ ')}`);
  if (fileCycles.length + folderCycles.length > 0) process.exit(1);
  console.log(`check-imports: ${files.length} files, ${folderGraph.size} folders, no cycles`);
}

main();
