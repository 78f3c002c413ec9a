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

import { stat } from 'node:fs/promises';
import { relative, resolve } from 'node:path';
import { glob, isDynamicPattern } from 'tinyglobby';
import { UsageError } from './errors';

/** One file named on the command line. */
export interface InputFile {
  path: string;
  /** The path relative to the working directory, for output. */
  display: string;
  size: number;
}

/**
 * Expands the files, directories and glob patterns given on the command
 * line, in the order given, each file once. A path that does not exist is
 * a usage error; a glob that matches nothing only warns, but nothing at all
 * to work on is an error.
 */
export async function expandFiles(options: {
  patterns: string[];
  cwd: string;
  warn: (message: string) => void;
}): Promise<InputFile[]> {
  const { patterns, cwd, warn } = options;
  const seen = new Set<string>();
  const files: InputFile[] = [];

  const add = async (path: string) => {
    if (seen.has(path)) {
      return;
    }
    seen.add(path);
    const { size } = await stat(path);
    const display = relative(cwd, path);
    files.push({
      path,
      // Files outside the working directory keep their absolute path.
      display: !display || display.startsWith('..') ? path : display,
      size,
    });
  };

  for (const pattern of patterns) {
    if (!isDynamicPattern(pattern)) {
      const path = resolve(cwd, pattern);
      const info = await stat(path).catch(() => undefined);
      if (!info) {
        throw new UsageError(`No such file: ${pattern}`);
      }
      if (info.isFile()) {
        await add(path);
        continue;
      }
      if (!info.isDirectory()) {
        throw new UsageError(`Not a file: ${pattern}`);
      }
    }
    const matches = await glob(
      isDynamicPattern(pattern)
        ? pattern
        : `${pattern.replace(/\/+$/, '')}/**/*`,
      { cwd, absolute: true, onlyFiles: true, dot: false },
    );
    if (matches.length === 0) {
      warn(`warning: '${pattern}' matches no file`);
    }
    for (const match of matches.map(m => resolve(m)).sort()) {
      await add(match);
    }
  }

  if (files.length === 0) {
    throw new UsageError('No files to work on');
  }
  return files;
}
