/*
 * Copyright 2026 The Real App Forever Authors
 *
 * Licensed under the Apache License, Version 2.0 (the "License");
 * you may not use this file except in compliance with the License.
 * You may obtain a copy of the License at
 *
 *     http://www.apache.org/licenses/LICENSE-2.0
 *
 * Unless required by applicable law or agreed to in writing, software
 * distributed under the License is distributed on an "AS IS" BASIS,
 * WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
 * See the License for the specific language governing permissions and
 * limitations under the License.
 */

const DEFAULT_COLUMNS = 160;

/** Where the CLI writes: `process.stdout` and `process.stderr`, or fakes. */
export interface OutputStream {
  write(chunk: string): unknown;
  isTTY?: boolean;
  columns?: number;
}

/** Everything the CLI reads from and writes to its surroundings. */
export interface CliIo {
  stdout: OutputStream;
  stderr: OutputStream;
  env: Record<string, string | undefined>;
  cwd: string;
  /** Defaults to the global fetch. */
  fetch?: typeof fetch;
}

/**
 * Writes lines to stdout and stderr with every secret replaced by `***`,
 * so no message, server answer or log line can print the token.
 */
export class Output {
  readonly #io: CliIo;
  readonly #secrets: string[] = [];

  constructor(io: CliIo) {
    this.#io = io;
  }

  /** Never prints `secret` from now on. */
  addSecret(secret: string | undefined): void {
    if (!secret) {
      return;
    }
    for (const form of [secret, encodeURIComponent(secret)]) {
      if (!this.#secrets.includes(form)) {
        this.#secrets.push(form);
      }
    }
    // Longest first, so a secret that contains another is removed whole.
    this.#secrets.sort((a, b) => b.length - a.length);
  }

  redact(text: string): string {
    let result = text;
    for (const secret of this.#secrets) {
      result = result.split(secret).join('***');
    }
    return result;
  }

  /** Writes raw text to stdout, redacted. */
  write(text: string): void {
    this.#io.stdout.write(this.redact(text));
  }

  /** Writes raw text to stderr, redacted. */
  writeError(text: string): void {
    this.#io.stderr.write(this.redact(text));
  }

  line(text = ''): void {
    this.write(`${text}\n`);
  }

  error(text: string): void {
    this.writeError(`${text}\n`);
  }

  get stdout(): OutputStream {
    return this.#io.stdout;
  }

  /**
   * The width to lay tables out in: the terminal's, or `COLUMNS`, or 160
   * for CI logs and pipes.
   */
  get columns(): number {
    if (this.#io.stdout.isTTY && this.#io.stdout.columns) {
      return this.#io.stdout.columns;
    }
    return Number(this.#io.env.COLUMNS) || DEFAULT_COLUMNS;
  }
}
