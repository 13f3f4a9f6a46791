import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

import ts from 'typescript';

/** The previous program: handing it to the next one reuses the parsed lib and React files. */
let previous: ts.Program | undefined;

/** A source file to compile, by its file name (`.ts` or `.tsx`). */
export interface SourceFile {
  name: string;
  text: string;
}

/**
 * Type-checks `files` as code in a user's app would be: `logto-spa`, `logto-spa/react`... resolve
 * through package.json `exports` to the BUILT files in dist/ and their declarations (the files sit
 * inside this package, so Node's self-reference applies), never to the sources. React and the
 * other packages come from this repository's node_modules. Compiler options are the strictest a
 * user may set (the repository's own), without its `paths` to the sources, without Node types,
 * and with `skipLibCheck` as Vite's templates set it (@logto/client's own declarations do not
 * compile under `exactOptionalPropertyTypes`).
 *
 * @returns one line per error, `<file>:<line>: <message>`; empty when everything compiles
 */
export function typeCheck(files: readonly SourceFile[], scratchName: string): string[] {
  const dir = resolve('test-results/typecheck', scratchName);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const rootNames = files.map((file) => {
    const path = join(dir, file.name);
    writeFileSync(path, file.text);
    return path;
  });
  try {
    const program = ts.createProgram({
      rootNames,
      ...(previous ? { oldProgram: previous } : {}),
      options: {
        target: ts.ScriptTarget.ES2022,
        module: ts.ModuleKind.ESNext,
        moduleResolution: ts.ModuleResolutionKind.Bundler,
        lib: ['lib.es2023.d.ts', 'lib.dom.d.ts', 'lib.dom.iterable.d.ts'],
        jsx: ts.JsxEmit.ReactJSX,
        strict: true,
        noUncheckedIndexedAccess: true,
        exactOptionalPropertyTypes: true,
        verbatimModuleSyntax: true,
        isolatedModules: true,
        skipLibCheck: true,
        types: [],
        noEmit: true,
      },
    });
    previous = program;
    return ts.getPreEmitDiagnostics(program).map((diagnostic) => {
      const message = ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n');
      if (!diagnostic.file || diagnostic.start === undefined) return message;
      const { line } = diagnostic.file.getLineAndCharacterOfPosition(diagnostic.start);
      return `${diagnostic.file.fileName.replace(`${dir}/`, '')}:${line + 1}: ${message}`;
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
