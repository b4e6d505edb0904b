/**
 * The program behind an npm script (`tsx <file>`), run under tsx's loader in one Node process, as a command and its
 * arguments for execFile or spawn: npx and tsx's launcher would add two processes and about a second to each run.
 */
export function npmScript(file: string, ...args: string[]): [string, string[]] {
  return [process.execPath, ['--import', 'tsx', file, ...args]];
}
