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

import { Presets, SingleBar } from 'cli-progress';
import { formatBytes } from './format';
import { Output } from './io';

/** Follows an upload of several files, some of them at the same time. */
export interface UploadProgress {
  /** How many bytes of a file were sent so far. */
  sent(file: string, bytes: number): void;
  /** A file is done; `line` says how it went. */
  done(file: string, size: number, line: string): void;
  stop(): void;
}

/** A file larger than this gets a bar even when it is alone. */
export const LARGE_FILE_BYTES = 1024 * 1024;

/**
 * A progress bar (files done, bytes sent) when stdout is a terminal and
 * the upload is worth one; otherwise one plain line per finished file.
 * With `toStderr` (stdout is for `--json`), always the lines, on stderr.
 */
export function createUploadProgress(options: {
  output: Output;
  totalFiles: number;
  totalBytes: number;
  enabled: boolean;
  toStderr?: boolean;
}): UploadProgress {
  const { output, totalFiles, totalBytes, toStderr } = options;
  const worthABar = totalFiles > 1 || totalBytes >= LARGE_FILE_BYTES;
  let filesDone = 0;

  if (toStderr || !options.enabled || !output.stdout.isTTY || !worthABar) {
    return {
      sent() {},
      done(_file, _size, line) {
        filesDone += 1;
        const text = `[${filesDone}/${totalFiles}] ${line}`;
        if (toStderr) {
          output.error(text);
        } else {
          output.line(text);
        }
      },
      stop() {},
    };
  }

  const sentByFile = new Map<string, number>();
  let bytesDone = 0;
  const bar = new SingleBar(
    {
      format:
        'Uploading {bar} {percentage}% | {filesDone}/{totalFiles} files | {bytesSent} of {bytesTotal}',
      stream: output.stdout as NodeJS.WritableStream,
      hideCursor: true,
      clearOnComplete: false,
      barsize: 30,
      etaBuffer: 20,
    },
    Presets.shades_classic,
  );
  const payload = () => {
    let inFlight = 0;
    for (const bytes of sentByFile.values()) {
      inFlight += bytes;
    }
    const value = Math.min(bytesDone + inFlight, totalBytes);
    return {
      value,
      data: {
        filesDone,
        totalFiles,
        bytesSent: formatBytes(value),
        bytesTotal: formatBytes(totalBytes),
      },
    };
  };
  const initial = payload();
  bar.start(Math.max(totalBytes, 1), initial.value, initial.data);

  return {
    sent(file, bytes) {
      sentByFile.set(file, bytes);
      const next = payload();
      bar.update(next.value, next.data);
    },
    done(file, size) {
      sentByFile.delete(file);
      bytesDone += size;
      filesDone += 1;
      const next = payload();
      bar.update(totalBytes === 0 ? 1 : next.value, next.data);
    },
    stop() {
      bar.stop();
    },
  };
}
