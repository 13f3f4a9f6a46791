import { readFile } from 'node:fs/promises';
import { format, resolveConfig } from 'prettier';
import { describe, expect, it } from 'vitest';

const examplePath = 'test/unit/testing/readmeExample.test.tsx';
const readmePath = 'README.md';

/** What the example imports here, and what an app imports: the package's entries. */
const packageSpecifiers: [string, string][] = [
  ["'../../../src/core/index.js'", "'logto-spa'"],
  ["'../../../src/react/index.js'", "'logto-spa/react'"],
  ["'../../../src/testing/react/index.js'", "'logto-spa/testing/react'"],
];

/** The code block that follows the example marker in the README section. */
function exampleBlock(markdown: string): string {
  const marker = markdown.indexOf(`<!-- example: ${examplePath}`);
  expect(marker, 'the README section marks its example').toBeGreaterThan(-1);
  const block = /```tsx\n([\s\S]*?)```/.exec(markdown.slice(marker));
  if (!block?.[1]) throw new Error('no tsx code block after the example marker');
  return block[1];
}

describe('the README test kit section', () => {
  it('shows exactly the example that this suite runs, with package imports', async () => {
    const [example, markdown] = await Promise.all([
      readFile(examplePath, 'utf8'),
      readFile(readmePath, 'utf8'),
    ]);
    let asAnAppWritesIt = example;
    for (const [relative, published] of packageSpecifiers) {
      expect(example).toContain(relative);
      asAnAppWritesIt = asAnAppWritesIt.replaceAll(relative, published);
    }
    // Shorter specifiers can join import lines; Prettier formats code blocks in Markdown too.
    const options = { ...(await resolveConfig(readmePath)), parser: 'typescript' };
    expect(exampleBlock(markdown)).toBe(await format(asAnAppWritesIt, options));
  });
});
