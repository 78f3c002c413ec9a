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

import { InputFile } from './files';
import { shortSha } from './format';
import { Output } from './io';
import { renderTable } from './table';

export type UploadStatus =
  | 'created'
  | 'already stored'
  | 'refused'
  | 'failed'
  | 'skipped';

/** How the upload of one file went. */
export interface FileResult {
  file: InputFile;
  status: UploadStatus;
  /** The evidence id, when the backend stored the file. */
  id?: string;
  format?: string;
  sha256?: string;
  reason: string;
}

/** What `upload --json` prints. */
export interface UploadReport {
  entityRef: string;
  executionId?: string;
  /**
   * The ids of the files the backend holds (created or already stored),
   * in the order of the files, e.g. for `release record --evidence`.
   */
  evidenceIds: string[];
  files: Array<{
    file: string;
    status: UploadStatus;
    id?: string;
    format?: string;
    sha256?: string;
    reason?: string;
  }>;
}

/** True when every file is created or already stored. */
export function allStored(results: FileResult[]): boolean {
  return results.every(
    r => r.status === 'created' || r.status === 'already stored',
  );
}

/**
 * Prints the outcome of an upload: a table and a count per status, or
 * with `json` the UploadReport alone on stdout.
 */
export function printUploadReport(options: {
  output: Output;
  results: FileResult[];
  entityRef: string;
  executionId?: string;
  json?: boolean;
}): void {
  const { output, results, entityRef, executionId } = options;
  if (options.json) {
    const report: UploadReport = {
      entityRef,
      executionId,
      evidenceIds: results.flatMap(r => (r.id ? [r.id] : [])),
      files: results.map(r => ({
        file: r.file.display,
        status: r.status,
        id: r.id,
        format: r.format,
        sha256: r.sha256,
        reason: r.reason || undefined,
      })),
    };
    output.line(JSON.stringify(report, null, 2));
    return;
  }

  output.line();
  output.line(
    renderTable({
      head: ['File', 'Format', 'Status', 'SHA-256', 'Reason'],
      rows: results.map(result => [
        result.file.display,
        result.format ?? '-',
        result.status,
        shortSha(result.sha256),
        result.reason,
      ]),
      columns: output.columns,
      shrink: 0,
      compact: true,
    }),
  );
  const counts = new Map<UploadStatus, number>();
  for (const result of results) {
    counts.set(result.status, (counts.get(result.status) ?? 0) + 1);
  }
  output.line(
    `${entityRef}: ${[...counts]
      .map(([status, count]) => `${count} ${status}`)
      .join(', ')}`,
  );
}
