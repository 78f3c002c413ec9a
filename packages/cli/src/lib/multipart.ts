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

import { randomBytes } from 'node:crypto';

const CHUNK_BYTES = 64 * 1024;

/** A multipart/form-data body that reports how much of the file was sent. */
export interface MultipartBody {
  body: ReadableStream<Uint8Array>;
  contentType: string;
  length: number;
}

function quote(text: string): string {
  return text.replace(/[\r\n]/g, ' ').replace(/"/g, '%22');
}

function fileDisposition(fileName: string): string {
  // eslint-disable-next-line no-control-regex
  if (/^[\x20-\x7e]*$/.test(fileName)) {
    return `form-data; name="file"; filename="${quote(fileName)}"`;
  }
  // RFC 5987 form for names beyond ASCII, with an ASCII fallback.
  const fallback = quote(fileName.replace(/[^\x20-\x7e]/g, '_'));
  return `form-data; name="file"; filename="${fallback}"; filename*=UTF-8''${encodeURIComponent(
    fileName,
  )}`;
}

/**
 * Builds a multipart body of text fields followed by one `file` part, as a
 * stream of chunks so that `onProgress` can follow the upload of a large
 * file. The length is known up front, so it can be sent as Content-Length.
 */
export function createMultipartBody(options: {
  fields: Record<string, string | undefined>;
  fileName: string;
  bytes: Uint8Array;
  onProgress?: (fileBytesSent: number) => void;
}): MultipartBody {
  const { fields, fileName, bytes, onProgress } = options;
  const boundary = `----assurance-cli-${randomBytes(12).toString('hex')}`;

  let head = '';
  for (const [name, text] of Object.entries(fields)) {
    if (text !== undefined) {
      head += `--${boundary}\r\nContent-Disposition: form-data; name="${quote(
        name,
      )}"\r\n\r\n${text}\r\n`;
    }
  }
  head += `--${boundary}\r\nContent-Disposition: ${fileDisposition(
    fileName,
  )}\r\nContent-Type: application/octet-stream\r\n\r\n`;
  const headBytes = Buffer.from(head, 'utf8');
  const tailBytes = Buffer.from(`\r\n--${boundary}--\r\n`, 'utf8');

  let offset = -1;
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (offset < 0) {
        controller.enqueue(new Uint8Array(headBytes));
        offset = 0;
        return;
      }
      if (offset < bytes.length) {
        const end = Math.min(offset + CHUNK_BYTES, bytes.length);
        controller.enqueue(bytes.slice(offset, end));
        offset = end;
        onProgress?.(offset);
        return;
      }
      controller.enqueue(new Uint8Array(tailBytes));
      controller.close();
    },
  });

  return {
    body,
    contentType: `multipart/form-data; boundary=${boundary}`,
    length: headBytes.length + bytes.length + tailBytes.length,
  };
}
