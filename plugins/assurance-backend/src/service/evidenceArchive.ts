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

import { EvidenceRecord } from '@real-app-forever/plugin-assurance-common';
import archiver from 'archiver';
import { Response } from 'express';

/**
 * Streams all evidence of an entity as a zip: every stored file under
 * `files/<id>/<name>`, and `manifest.json` listing each record with its
 * sha256, so that the archive can be checked without the portal.
 */
export async function writeEvidenceArchive(options: {
  entityRef: string;
  records: AsyncIterable<{ record: EvidenceRecord; content?: Buffer }>;
  res: Response;
  now: Date;
}): Promise<void> {
  const { entityRef, records, res, now } = options;
  const archive = archiver('zip', { zlib: { level: 6 } });
  const safeName = entityRef.replace(/[^a-z0-9-]+/gi, '_');
  res.setHeader('Content-Type', 'application/zip');
  res.setHeader(
    'Content-Disposition',
    `attachment; filename="evidence-${safeName}.zip"`,
  );
  res.setHeader('Cache-Control', 'private, no-store');

  const finished = new Promise<void>((resolve, reject) => {
    archive.on('error', reject);
    res.on('close', resolve);
    res.on('error', reject);
  });
  archive.pipe(res);

  const manifest: Array<EvidenceRecord & { path?: string }> = [];
  for await (const { record, content } of records) {
    if (content) {
      const path = `files/${record.id}/${record.fileName}`;
      archive.append(content, {
        name: path,
        date: new Date(record.uploadedAt),
      });
      manifest.push({ ...record, path });
    } else {
      manifest.push(record);
    }
  }
  archive.append(
    JSON.stringify(
      { entityRef, exportedAt: now.toISOString(), evidence: manifest },
      null,
      2,
    ),
    { name: 'manifest.json', date: now },
  );
  await archive.finalize();
  await finished;
}
