/** One record of a CSV file: its fields and the line (1-based) it starts on. */
export interface CsvRecord {
  line: number;
  fields: string[];
}

export class CsvError extends Error {
  constructor(
    readonly line: number,
    message: string,
  ) {
    super(`line ${line}: ${message}`);
  }
}

/** A record longer than this is refused: an unclosed quote would otherwise buffer the rest of the file. */
export const MAX_RECORD_CHARS = 1_000_000;

const QUOTE = 34;
const CR = 13;
const LF = 10;

type Scan = { fields: string[]; next: number; lines: number } | 'more';

/**
 * A streaming RFC 4180 parser: feed it text in chunks of any size, it returns the records that are
 * complete. Handles quoted fields with doubled quotes, commas and line breaks inside quotes, CRLF,
 * LF or CR line ends, and a byte order mark. Memory stays bounded by the longest record, whatever
 * the size of the file. Blank lines are skipped.
 */
export class CsvParser {
  private buf = '';
  private line = 1;
  private started = false;
  private readonly sep: number;

  constructor(delimiter = ',') {
    if (delimiter.length !== 1 || delimiter === '"' || delimiter === '\n' || delimiter === '\r')
      throw new Error(
        `the delimiter must be one character other than a quote or a line break (got ${JSON.stringify(delimiter)})`,
      );
    this.sep = delimiter.charCodeAt(0);
  }

  /** Adds text and returns the records completed by it. */
  push(chunk: string): CsvRecord[] {
    if (!this.started && chunk.length > 0) {
      this.started = true;
      if (chunk.charCodeAt(0) === 0xfeff) chunk = chunk.slice(1);
    }
    this.buf = this.buf.length === 0 ? chunk : this.buf + chunk;
    return this.drain(false);
  }

  /** Signals the end of the input and returns the last record, if any. */
  end(): CsvRecord[] {
    return this.drain(true);
  }

  private drain(final: boolean): CsvRecord[] {
    const out: CsvRecord[] = [];
    let pos = 0;
    const buf = this.buf;
    while (pos < buf.length) {
      const scan = this.scan(buf, pos, final);
      if (scan === 'more') break;
      // A blank line, not a record holding one empty quoted field ("").
      const blank = scan.fields.length === 1 && scan.fields[0] === '' && buf.charCodeAt(pos) !== QUOTE;
      if (!blank) out.push({ line: this.line, fields: scan.fields });
      this.line += scan.lines;
      pos = scan.next;
    }
    this.buf = pos === 0 ? buf : buf.slice(pos);
    if (this.buf.length > MAX_RECORD_CHARS)
      throw new CsvError(this.line, `record longer than ${MAX_RECORD_CHARS} characters (is a quote left open?)`);
    return out;
  }

  /** Reads one record from `start`; 'more' when the buffer ends inside it and more input may come. */
  private scan(buf: string, start: number, final: boolean): Scan {
    const fields: string[] = [];
    const len = buf.length;
    let i = start;
    let lines = 0;
    for (;;) {
      if (i < len && buf.charCodeAt(i) === QUOTE) {
        let value = '';
        let j = i + 1;
        for (;;) {
          const k = buf.indexOf('"', j);
          if (k < 0) {
            if (final) throw new CsvError(this.line + lines, 'a quoted field is not closed before the end of the file');
            return 'more';
          }
          const part = buf.slice(j, k);
          lines += countBreaks(part);
          value += part;
          if (k + 1 < len && buf.charCodeAt(k + 1) === QUOTE) {
            value += '"';
            j = k + 2;
            continue;
          }
          if (k + 1 >= len && !final) return 'more';
          i = k + 1;
          break;
        }
        fields.push(value);
        if (i < len) {
          const c = buf.charCodeAt(i);
          if (c !== this.sep && c !== CR && c !== LF)
            throw new CsvError(
              this.line + lines,
              `unexpected character ${JSON.stringify(buf[i])} after a closing quote (field ${fields.length})`,
            );
        }
      } else {
        let j = i;
        while (j < len) {
          const c = buf.charCodeAt(j);
          if (c === this.sep || c === CR || c === LF) break;
          j++;
        }
        if (j >= len && !final) return 'more';
        fields.push(buf.slice(i, j));
        i = j;
      }
      if (i >= len) return { fields, next: i, lines: lines + 1 };
      const c = buf.charCodeAt(i);
      if (c === this.sep) {
        i++;
        continue;
      }
      if (c === CR) {
        if (i + 1 >= len && !final) return 'more';
        const next = i + 1 < len && buf.charCodeAt(i + 1) === LF ? i + 2 : i + 1;
        return { fields, next, lines: lines + 1 };
      }
      return { fields, next: i + 1, lines: lines + 1 };
    }
  }
}

function countBreaks(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === LF) n++;
    else if (c === CR && s.charCodeAt(i + 1) !== LF) n++;
  }
  return n;
}

/**
 * Parses a stream of bytes or text (UTF-8) into records, holding one chunk and one record at a time.
 */
export async function* parseCsv(
  source: AsyncIterable<Uint8Array | string>,
  delimiter = ',',
): AsyncGenerator<CsvRecord> {
  const parser = new CsvParser(delimiter);
  const decoder = new TextDecoder('utf-8');
  for await (const chunk of source) {
    const text = typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream: true });
    yield* parser.push(text);
  }
  const rest = decoder.decode();
  if (rest) yield* parser.push(rest);
  yield* parser.end();
}

/** One CSV line (without line end), quoting the fields that need it. */
export function formatCsvRow(fields: readonly string[]): string {
  return fields.map((f) => (/[",\r\n;]/.test(f) || /^\s|\s$/.test(f) ? `"${f.replaceAll('"', '""')}"` : f)).join(',');
}
