/**
 * The public API of one entry as text: every exported name with its kind and its type, members
 * of classes and interfaces expanded, read with the TypeScript checker from the built `.d.ts`.
 * Where a declaration lives (which file, which folder) does not show, so moving code leaves the
 * report unchanged while any change to a name or a type shows as a diff. JSDoc is not part of it.
 */
import ts from 'typescript';

// Bitwise or of members is a plain number to TypeScript: typed back to the enum once.
const flags = (ts.TypeFormatFlags.NoTruncation |
  ts.TypeFormatFlags.UseFullyQualifiedType |
  ts.TypeFormatFlags.WriteArrowStyleSignature) as ts.TypeFormatFlags;
const aliasFlags = (flags | ts.TypeFormatFlags.InTypeAlias) as ts.TypeFormatFlags;

/** The members of an object type, one line each, sorted by name. */
function members(checker: ts.TypeChecker, type: ts.Type, at: ts.Node): string[] {
  const lines = checker.getPropertiesOfType(type).map((property) => {
    const optional = property.flags & ts.SymbolFlags.Optional ? '?' : '';
    const declaration = property.valueDeclaration ?? property.declarations?.[0];
    const readonly =
      declaration && ts.getCombinedModifierFlags(declaration) & ts.ModifierFlags.Readonly
        ? 'readonly '
        : '';
    const memberType = checker.typeToString(
      checker.getTypeOfSymbolAtLocation(property, at),
      at,
      flags,
    );
    return `  ${readonly}${property.name}${optional}: ${memberType}`;
  });
  for (const signature of type.getCallSignatures())
    lines.push(`  (call) ${checker.signatureToString(signature, at, flags)}`);
  for (const signature of type.getConstructSignatures())
    lines.push(`  (new) ${checker.signatureToString(signature, at, flags)}`);
  const index = checker.getIndexInfosOfType(type);
  for (const info of index)
    lines.push(
      `  [key: ${checker.typeToString(info.keyType, at, flags)}]: ${checker.typeToString(info.type, at, flags)}`,
    );
  return lines.sort();
}

/** One exported symbol, as a block of lines. */
function describeExport(checker: ts.TypeChecker, symbol: ts.Symbol, at: ts.Node): string[] {
  const target = symbol.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(symbol) : symbol;
  const name = symbol.name;
  const out: string[] = [];
  if (target.flags & ts.SymbolFlags.Class) {
    const instance = checker.getDeclaredTypeOfSymbol(target);
    const staticSide = checker.getTypeOfSymbolAtLocation(target, at);
    const bases = instance.isClassOrInterface()
      ? checker.getBaseTypes(instance).map((base) => checker.typeToString(base, at, flags))
      : [];
    out.push(`class ${name}${bases.length ? ` extends ${bases.join(', ')}` : ''}`);
    out.push(...members(checker, instance, at));
    out.push(
      ...members(checker, staticSide, at)
        .filter((line) => !line.startsWith('  prototype:'))
        .map((line) => `  static${line.slice(1)}`),
    );
    return out;
  }
  if (target.flags & ts.SymbolFlags.Interface) {
    const type = checker.getDeclaredTypeOfSymbol(target);
    out.push(`interface ${name}`, ...members(checker, type, at));
  }
  if (target.flags & ts.SymbolFlags.TypeAlias) {
    const type = checker.getDeclaredTypeOfSymbol(target);
    out.push(`type ${name} = ${checker.typeToString(type, at, aliasFlags)}`);
    // An alias such as Pick<X, ...> shows its resolved members too.
    if (type.flags & ts.TypeFlags.Object) out.push(...members(checker, type, at));
  }
  if (target.flags & (ts.SymbolFlags.Function | ts.SymbolFlags.Variable)) {
    const type = checker.getTypeOfSymbolAtLocation(target, at);
    const kind = target.flags & ts.SymbolFlags.Function ? 'function' : 'const';
    out.push(`${kind} ${name}: ${checker.typeToString(type, at, flags)}`);
    if (
      kind === 'const' &&
      type.getCallSignatures().length === 0 &&
      type.flags & ts.TypeFlags.Object
    )
      out.push(...members(checker, type, at));
  }
  if (out.length === 0) out.push(`symbol(${String(target.flags)}) ${name}`);
  return out;
}

/**
 * The API report of the entries' declaration files, keyed by file.
 *
 * @param files paths of built `index.d.ts` files
 */
export function apiReports(files: string[]): Map<string, string> {
  const program = ts.createProgram(files, {
    strict: true,
    exactOptionalPropertyTypes: true,
    skipLibCheck: true,
    noEmit: true,
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    target: ts.ScriptTarget.ES2022,
    lib: ['lib.es2023.d.ts', 'lib.dom.d.ts', 'lib.dom.iterable.d.ts'],
    jsx: ts.JsxEmit.ReactJSX,
    types: [],
  });
  const checker = program.getTypeChecker();
  const reports = new Map<string, string>();
  for (const file of files) {
    const source = program.getSourceFile(file);
    if (!source) throw new Error(`${file} is not part of the program`);
    const moduleSymbol = checker.getSymbolAtLocation(source);
    const exports = moduleSymbol ? checker.getExportsOfModule(moduleSymbol) : [];
    const blocks = exports
      .sort((a, b) => a.name.localeCompare(b.name))
      .map((symbol) => describeExport(checker, symbol, source).join('\n'));
    // `import("./errors.js").LogtoError` names a file: keep the name, drop where it lives.
    const text = blocks.join('\n\n').replace(/import\("[^"]+"\)\./g, '');
    reports.set(file, `${text}\n`);
  }
  return reports;
}
