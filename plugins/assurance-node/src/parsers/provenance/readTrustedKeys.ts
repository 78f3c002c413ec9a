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

import { Config } from '@backstage/config';
import { describeZodError } from '@real-app-forever/plugin-assurance-common';
import { z } from 'zod';
import { errorMessage, isRecord } from '../parserUtils';
import { importTrustedKey, TrustedKey } from './verify';

const CONFIG_KEY = 'assurance.provenance.trustedKeys';

const trustedKeySchema = z
  .object({
    keyId: z.string().trim().min(1).optional(),
    name: z.string().trim().min(1).optional(),
    publicKey: z.string().trim().min(1),
  })
  .strict();

/**
 * Reads `assurance.provenance.trustedKeys`: the public keys provenance
 * signatures are checked against. Throws an error naming the key at fault
 * (its index, and its name or keyId when it has one), so that a bad key
 * stops the backend at startup instead of failing every verification.
 *
 * @public
 */
export function readTrustedKeys(config: Config): TrustedKey[] {
  const raw = config.getOptional(CONFIG_KEY) ?? [];
  if (!Array.isArray(raw)) {
    throw new Error(`Invalid ${CONFIG_KEY} in app-config: expected a list`);
  }

  return raw.map((entry, index) => {
    const where = `${CONFIG_KEY}[${index}]${describeEntry(entry)}`;
    const parsed = trustedKeySchema.safeParse(entry);
    if (!parsed.success) {
      throw new Error(
        `Invalid ${where} in app-config: ${describeZodError(parsed.error)}`,
      );
    }
    const { keyId, name, publicKey } = parsed.data;
    const key: TrustedKey = {
      publicKeyPem: publicKey,
      ...(keyId ? { keyId } : {}),
      ...(name ? { name } : {}),
    };
    try {
      importTrustedKey({ key, where: 'publicKey' });
    } catch (error) {
      throw new Error(
        `Invalid ${where} in app-config: ${errorMessage(error)}`,
        { cause: error },
      );
    }
    return key;
  });
}

/** ` ("name")` or ` (keyId "id")`, for naming an entry in errors. */
function describeEntry(entry: unknown): string {
  if (!isRecord(entry)) {
    return '';
  }
  const { name, keyId } = entry;
  if (typeof name === 'string' && name.trim() !== '') {
    return ` ("${name.trim()}")`;
  }
  if (typeof keyId === 'string' && keyId.trim() !== '') {
    return ` (keyId "${keyId.trim()}")`;
  }
  return '';
}
