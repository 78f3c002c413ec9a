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

import { InputError } from '@backstage/errors';
import { Request, RequestHandler, Response } from 'express';
import multer from 'multer';
import { PayloadTooLargeError } from './errors';

/**
 * Reads a multipart/form-data upload with one `file` part into memory,
 * stopping as soon as the file passes `maxBytes`.
 */
export function createUploadReader(options: {
  maxBytes: number;
}): (req: Request, res: Response) => Promise<void> {
  const { maxBytes } = options;
  // NOTE: @types/multer brings its own @types/express; the handler is the
  // same function either way.
  const handler = multer({
    storage: multer.memoryStorage(),
    limits: {
      fileSize: maxBytes,
      files: 1,
      fields: 20,
      fieldSize: 4096,
      parts: 21,
    },
  }).single('file') as unknown as RequestHandler;

  return async (req, res) => {
    const declared = Number(req.headers['content-length']);
    // Refuse at once what is sure to be too large, before reading a byte.
    if (Number.isFinite(declared) && declared > maxBytes + 64 * 1024) {
      throw tooLarge(maxBytes);
    }
    if (!req.is('multipart/form-data')) {
      throw new InputError(
        'Send the evidence as multipart/form-data with a "file" part',
      );
    }

    await new Promise<void>((resolve, reject) => {
      handler(req, res, error => {
        if (!error) {
          resolve();
        } else if (error instanceof multer.MulterError) {
          reject(
            error.code === 'LIMIT_FILE_SIZE'
              ? tooLarge(maxBytes)
              : new InputError(describeMulterError(error), error),
          );
        } else {
          reject(new InputError(`Could not read the upload: ${error}`, error));
        }
      });
    });
  };
}

function tooLarge(maxBytes: number): PayloadTooLargeError {
  return new PayloadTooLargeError(
    `The file is larger than the limit of ${maxBytes} bytes (assurance.maxUploadBytes)`,
  );
}

function describeMulterError(error: multer.MulterError): string {
  switch (error.code) {
    case 'LIMIT_UNEXPECTED_FILE':
      return `Unexpected file part "${error.field}": send exactly one file, in the part named "file"`;
    case 'LIMIT_FILE_COUNT':
      return 'Send exactly one file per upload';
    case 'LIMIT_FIELD_VALUE':
      return `The field "${error.field}" is too long`;
    default:
      return `Could not read the upload: ${error.message}`;
  }
}
