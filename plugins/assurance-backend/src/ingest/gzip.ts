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

import { gunzipSync } from 'node:zlib';
import { EvidenceRefusedError } from '@real-app-forever/plugin-assurance-node';
import { PayloadTooLargeError } from '../service/errors';

/**
 * Unpacks a gzip upload, refusing to unpack past `maxBytes` so that a small
 * archive cannot expand into a huge one. Other uploads pass unchanged.
 */
export function maybeGunzip(options: {
  bytes: Buffer;
  fileName: string;
  maxBytes: number;
}): { bytes: Buffer; fileName: string } {
  const { bytes, fileName, maxBytes } = options;
  const isGzip = bytes.length >= 2 && bytes[0] === 0x1f && bytes[1] === 0x8b;
  if (!isGzip) {
    return { bytes, fileName };
  }
  try {
    return {
      bytes: gunzipSync(bytes, { maxOutputLength: maxBytes }),
      fileName: fileName.replace(/\.(gz|gzip)$/i, '') || fileName,
    };
  } catch (error) {
    if ((error as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE') {
      throw new PayloadTooLargeError(
        `The gzip file unpacks to more than the limit of ${maxBytes} bytes (assurance.maxUploadBytes)`,
      );
    }
    throw new EvidenceRefusedError(
      `the gzip file is damaged: ${(error as Error).message}`,
    );
  }
}
