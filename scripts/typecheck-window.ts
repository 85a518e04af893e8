/**
 * Type-checks the window (tsconfig.web.json: DOM, no Node types) and fails when its program reaches
 * Node's types at all. `types: []` keeps Node's globals out, but a type imported from a module that
 * does Node work (`node:http`, `node:fs`) quietly loads @types/node again — and with it `process` and
 * `Buffer` for the whole window. The window names main's types through data/model/ (Node-free) only.
 */
import ts from 'typescript';

const configFile = ts.readConfigFile('tsconfig.web.json', (path) => ts.sys.readFile(path));
const config = ts.parseJsonConfigFileContent(configFile.config, ts.sys, process.cwd());
const program = ts.createProgram({ rootNames: config.fileNames, options: config.options });
const diagnostics = ts.getPreEmitDiagnostics(program);
if (diagnostics.length > 0) {
  console.error(ts.formatDiagnosticsWithColorAndContext(diagnostics, { getCanonicalFileName: (f) => f, getCurrentDirectory: () => process.cwd(), getNewLine: () => '\n' }));
  process.exit(1);
}
const own = program.getSourceFiles().filter((file) => !file.fileName.includes('/node_modules/'));
const nodeUsers = own.filter((file) =>
  file.statements.some((statement) => {
    const spec = (ts.isImportDeclaration(statement) || ts.isExportDeclaration(statement)) && statement.moduleSpecifier && ts.isStringLiteral(statement.moduleSpecifier) ? statement.moduleSpecifier.text : null;
    return spec !== null && (spec.startsWith('node:') || ['fs', 'fs/promises', 'path', 'os', 'child_process', 'crypto', 'http', 'https', 'net', 'lowdb', 'lowdb/node'].includes(spec));
  }),
);
if (nodeUsers.length > 0) {
  console.error('The window\'s TypeScript project reaches modules that use Node (import their types from data/model/ instead):');
  for (const file of nodeUsers) console.error(`  ${file.fileName.replace(`${process.cwd()}/`, '')}`);
  process.exit(1);
}
console.log(`The window type-checks without Node (${own.length} files of ours).`);
