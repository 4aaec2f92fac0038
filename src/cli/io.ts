/** Where the CLI writes: results on stdout, messages and progress on stderr. */
export interface Io {
  out(line: string): void;
  err(line: string): void;
  /** Rewrites the current stderr line (progress); only called when stderr is a terminal. */
  status(line: string): void;
  readonly interactive: boolean;
  setExitCode(code: number): void;
}

export function processIo(): Io {
  return {
    out: (line) => process.stdout.write(`${line}\n`),
    err: (line) => process.stderr.write(`${line}\n`),
    status: (line) => process.stderr.write(`\r\x1b[2K${line}`),
    interactive: process.stderr.isTTY,
    setExitCode: (code) => {
      process.exitCode = code;
    },
  };
}
