// The architecture rules of docs/ARCHITECTURE.md as an ESLint plugin, so that `npm run lint`
// fails on a change that breaks them:
//   architecture/layers      a file imports only from the folders its layer may use
//   architecture/no-cycle    no import circle anywhere in src/, type-only and dynamic imports
//                            included (they couple files for a reader all the same)
// Imports are read with a regular expression rather than the parser, because the cycle rule
// needs every file of src/ at once, not only the one being linted.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const srcDir = join(root, 'src');

/**
 * Which folders a folder's files may import from (besides their own folder). A file belongs to
 * the longest folder listed here that contains it; a file listed by name overrides its folder.
 */
export const layers = {
  'src/core/errors': [],
  'src/core/storage': ['src/core/errors'],
  'src/core/config': ['src/core/errors', 'src/core/storage'],
  'src/core/protocol': ['src/core/errors', 'src/core/storage', 'src/core/config'],
  'src/core/session': [
    'src/core/errors',
    'src/core/storage',
    'src/core/config',
    'src/core/protocol',
  ],
  'src/core/signin': [
    'src/core/errors',
    'src/core/storage',
    'src/core/config',
    'src/core/protocol',
    'src/core/session',
  ],
  // LogtoClient and what composes it: every layer of the core except the sign-in windows,
  // which are built on the client's public methods.
  'src/core': [
    'src/core/errors',
    'src/core/storage',
    'src/core/config',
    'src/core/protocol',
    'src/core/session',
    'src/core/signin',
  ],
  'src/core/windows': ['src/core', 'src/core/errors', 'src/core/config', 'src/core/signin'],
  // The entry re-exports the public parts of every layer.
  'src/core/index.ts': [
    'src/core',
    'src/core/errors',
    'src/core/storage',
    'src/core/config',
    'src/core/protocol',
    'src/core/session',
    'src/core/signin',
    'src/core/windows',
  ],
  'src/fetch': ['src/core/**'],
  'src/fetch/react': ['src/fetch', 'src/react', 'src/core/**'],
  'src/idle': ['src/core/**'],
  'src/idle/react': ['src/idle', 'src/react', 'src/core/**'],
  'src/account': ['src/core/**'],
  'src/account/react': ['src/account', 'src/react', 'src/core/**'],
  'src/react': ['src/core/**'],
  'src/testing': ['src/core/**'],
  'src/testing/react': ['src/testing', 'src/react', 'src/core/**'],
  // Node only: shares nothing with the browser code (its Logto constants are its own copies).
  'src/dev-idp': [],
};

const importPattern =
  /(?:^|[\s;])(?:import|export)\s+(?:type\s+)?(?:[\w*{}\s,$]+?\s+from\s+)?['"](\.[^'"]+)['"]|import\(\s*['"](\.[^'"]+)['"]\s*\)/g;

/** The source files a file imports, as absolute paths (relative specifiers only). */
function importsOf(file, text) {
  const found = [];
  for (const match of text.matchAll(importPattern)) {
    const target = resolveSpecifier(file, match[1] ?? match[2]);
    if (target) found.push(target);
  }
  return found;
}

function resolveSpecifier(file, specifier) {
  const base = resolve(dirname(file), specifier);
  const stem = base.replace(/\.js$/, '');
  for (const candidate of [`${stem}.ts`, `${stem}.tsx`, base, `${base}/index.ts`]) {
    try {
      if (statSync(candidate).isFile()) return candidate;
    } catch {
      // not this one
    }
  }
  return undefined;
}

function sourceFiles(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(entry.name) && !entry.name.endsWith('.d.ts') ? [path] : [];
  });
}

let cached;
/** The import graph of src/, rebuilt when any file changed since the last call. */
function graph() {
  const files = sourceFiles(srcDir);
  const stamp = files.map((file) => `${file}:${statSync(file).mtimeMs}`).join('|');
  if (cached?.stamp === stamp) return cached;
  const edges = new Map(files.map((file) => [file, importsOf(file, readFileSync(file, 'utf8'))]));
  cached = { stamp, edges, cycles: findCycles(edges) };
  return cached;
}

/** Tarjan's strongly connected components; each component of 2+ files is a circle. */
function findCycles(edges) {
  let counter = 0;
  const index = new Map();
  const low = new Map();
  const stack = [];
  const onStack = new Set();
  const byFile = new Map();
  const visit = (file) => {
    index.set(file, counter);
    low.set(file, counter);
    counter += 1;
    stack.push(file);
    onStack.add(file);
    for (const next of edges.get(file) ?? []) {
      if (!edges.has(next)) continue;
      if (!index.has(next)) {
        visit(next);
        low.set(file, Math.min(low.get(file), low.get(next)));
      } else if (onStack.has(next)) low.set(file, Math.min(low.get(file), index.get(next)));
    }
    if (low.get(file) === index.get(file)) {
      const component = [];
      let member;
      do {
        member = stack.pop();
        onStack.delete(member);
        component.push(member);
      } while (member !== file);
      const selfImport = (edges.get(file) ?? []).includes(file);
      if (component.length > 1 || selfImport)
        for (const member of component) byFile.set(member, component);
    }
  };
  for (const file of edges.keys()) if (!index.has(file)) visit(file);
  return byFile;
}

/** One path around the circle that starts and ends at `file`, for the message. */
function circleThrough(file, component, edges) {
  const members = new Set(component);
  const previous = new Map([[file, undefined]]);
  const queue = [file];
  while (queue.length > 0) {
    const current = queue.shift();
    for (const next of edges.get(current) ?? []) {
      if (!members.has(next)) continue;
      if (next === file) {
        const path = [current];
        for (let step = previous.get(current); step; step = previous.get(step)) path.unshift(step);
        return [...path, file];
      }
      if (!previous.has(next)) {
        previous.set(next, current);
        queue.push(next);
      }
    }
  }
  return [file, file];
}

const rel = (file) => relative(root, file).split(sep).join('/');

/** The layer a file belongs to: its own name when listed, else the longest listed folder. */
function layerOf(file) {
  const path = rel(file);
  if (layers[path]) return path;
  let best;
  for (const folder of Object.keys(layers)) {
    if (path.startsWith(`${folder}/`) && (!best || folder.length > best.length)) best = folder;
  }
  return best;
}

function allowed(fromLayer, target) {
  const targetLayer = layerOf(target);
  if (!targetLayer || targetLayer === fromLayer) return true;
  const folder = rel(dirname(target));
  return layers[fromLayer].some((rule) =>
    rule.endsWith('/**')
      ? folder === rule.slice(0, -3) || folder.startsWith(rule.slice(0, -2))
      : targetLayer === rule,
  );
}

const layersRule = {
  meta: {
    type: 'problem',
    docs: { description: 'Imports follow the layers of docs/ARCHITECTURE.md.' },
    schema: [],
  },
  create(context) {
    const file = context.filename;
    const fromLayer = layerOf(file);
    if (!fromLayer) return {};
    const check = (node, specifier) => {
      if (typeof specifier !== 'string' || !specifier.startsWith('.')) return;
      const target = resolveSpecifier(file, specifier);
      if (!target || !target.startsWith(srcDir) || allowed(fromLayer, target)) return;
      context.report({
        node,
        message: `${fromLayer} may not import ${rel(target)} (${layerOf(target) ?? 'outside the layers'}): see docs/ARCHITECTURE.md.`,
      });
    };
    return {
      ImportDeclaration: (node) => check(node, node.source.value),
      ExportNamedDeclaration: (node) => node.source && check(node, node.source.value),
      ExportAllDeclaration: (node) => check(node, node.source.value),
      ImportExpression: (node) => node.source.type === 'Literal' && check(node, node.source.value),
    };
  },
};

const noCycleRule = {
  meta: {
    type: 'problem',
    docs: { description: 'No import circles in src/ (type-only and dynamic imports count).' },
    schema: [],
  },
  create(context) {
    const file = context.filename;
    if (!file.startsWith(srcDir)) return {};
    return {
      Program(node) {
        const { cycles, edges } = graph();
        const component = cycles.get(file);
        if (!component) return;
        const path = circleThrough(file, component, edges).map(rel);
        context.report({
          node,
          message: `Import circle (${component.length} files): ${path.join(' → ')}. Move what both sides need into a file of the lower layer.`,
        });
      },
    };
  },
};

export default { rules: { layers: layersRule, 'no-cycle': noCycleRule } };
