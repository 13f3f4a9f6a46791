import { readFileSync } from 'node:fs';

import { describe, expect, it } from 'vitest';

import { validateSeed } from '../../src/dev-idp/validateSeed.js';
import { typeCheck, type SourceFile } from './typeCheck.js';

/** A fenced code block of the README, with the line its fence opens on. */
interface CodeBlock {
  language: string;
  code: string;
  line: number;
  /** The HTML comment right above the fence, if any (`<!-- readme-check: fragment -->`). */
  marker: string | undefined;
}

const readme = readFileSync('README.md', 'utf8');

function codeBlocks(markdown: string): CodeBlock[] {
  const blocks: CodeBlock[] = [];
  const lines = markdown.split('\n');
  for (let index = 0; index < lines.length; index++) {
    const open = /^(\s*)```(\w+)\s*$/.exec(lines[index] ?? '');
    if (!open) continue;
    const indent = open[1] ?? '';
    const body: string[] = [];
    let end = index + 1;
    for (; end < lines.length && (lines[end] ?? '').trimEnd() !== `${indent}\`\`\``; end++) {
      body.push((lines[end] ?? '').slice(indent.length));
    }
    let above = index - 1;
    while (above >= 0 && (lines[above] ?? '').trim() === '') above--;
    const marker = /^\s*<!--\s*(readme-check:[^>]*?)\s*-->\s*$/.exec(lines[above] ?? '')?.[1];
    blocks.push({ language: open[2] ?? '', code: body.join('\n'), line: index + 1, marker });
    index = end;
  }
  return blocks;
}

const blocks = codeBlocks(readme);
const typescript = blocks.filter((block) => block.language === 'ts' || block.language === 'tsx');
const checked = typescript.filter((block) => block.marker !== 'readme-check: fragment');

/**
 * The file a block becomes: the name in its first-line comment (`// App.tsx`), so that blocks
 * import one another as the files of an app do, else one named after its line.
 */
function asFile(block: CodeBlock): SourceFile {
  const named = /^\/\/ (\w+\.tsx?)\s*$/m.exec(block.code.split('\n')[0] ?? '')?.[1];
  const name = named ?? `readme-line-${block.line}.${block.language}`;
  // Node's types only where the block is Node code (the dev IdP); the rest is browser code.
  const node = block.code.includes("'logto-spa/dev-idp'") ? '/// <reference types="node" />\n' : '';
  // `export {}` keeps a block without imports a module (top-level await, no global clashes).
  return { name, text: `${node}${block.code}\nexport {};\n` };
}

describe('the README', () => {
  it('reads in a newcomer’s order: install and the React quick start first, the clone’s commands in a section of their own, measurements after', () => {
    const headings = readme.split('\n').filter((line) => line.startsWith('## '));
    const at = (prefix: string) => headings.findIndex((heading) => heading.startsWith(prefix));
    expect(at('## Install')).toBe(0);
    expect(at('## React quick start')).toBe(1);
    for (const later of ['## Why', '## Measured', '## Browser support'])
      expect(at(later)).toBeGreaterThan(at('## React quick start'));
    // `npm run demo` and `npm test` only work in a clone: the section that gives them says so.
    const sections = readme.split(/^(?=## )/m);
    const withDemo = sections.filter((section) => section.includes('npm ci && npm run demo'));
    expect(withDemo[0]).toMatch(/^## .*clone/);
    expect(withDemo[0]).toContain('npm test');
    for (const section of withDemo) expect(section).toContain('clone');
  });

  it('has TypeScript blocks, few of them marked as fragments', () => {
    expect(typescript.length).toBeGreaterThanOrEqual(8);
    const fragments = typescript.filter((block) => block.marker === 'readme-check: fragment');
    expect(fragments.length).toBeLessThanOrEqual(2);
    for (const block of typescript) {
      if (block.marker !== undefined) expect(block.marker).toBe('readme-check: fragment');
    }
  });

  it('type-checks every TypeScript block against the built package', () => {
    const files = checked.map(asFile);
    expect(new Set(files.map((file) => file.name)).size).toBe(files.length);

    const errors = typeCheck(files, 'readme');

    expect(errors).toEqual([]);
  });

  it('would catch a block that drifted from the API', () => {
    const files = checked.map(asFile);
    const drifted = files.map((file) => ({
      ...file,
      text: file.text.replace('useHandleSignInCallback(', 'useHandleSigninCallback('),
    }));
    expect(drifted.some((file, index) => file.text !== files[index]?.text)).toBe(true);

    expect(typeCheck(drifted, 'readme-drifted').join('\n')).toContain('useHandleSigninCallback');
  });

  it('shows seeds the dev IdP loads', () => {
    const seeds = blocks.filter(
      (block) => block.language === 'json' && block.code.includes('"app"'),
    );
    expect(seeds.length).toBeGreaterThan(0);
    for (const seed of seeds) {
      expect(() => validateSeed(JSON.parse(seed.code)), `README line ${seed.line}`).not.toThrow();
    }
  });
});
