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

import { EvidenceRefusedError } from '../../types';
import crypto from 'crypto';
import { z } from 'zod';
import { errorMessage } from '../parserUtils';
import { parseJsonShape, readJson } from '../readJson';
import { InTotoStatement, readStatement } from './inToto';
import { SignatureToCheck } from './verify';

/** The payload type of DSSE envelopes that carry in-toto statements. */
export const IN_TOTO_PAYLOAD_TYPE = 'application/vnd.in-toto+json';

const dsseEnvelopeSchema = z.object({
  payloadType: z.string(),
  payload: z.string(),
  signatures: z.array(
    z.object({
      keyid: z.string().optional(),
      sig: z.string(),
      /** A PEM certificate, as the slsa-github-generator writes it. */
      cert: z.string().optional(),
    }),
  ),
});

/** A DSSE envelope, read and decoded. */
export interface DsseEnvelope {
  statement: InTotoStatement;
  /** The bytes the signatures sign: the pre-authentication encoding. */
  signedBytes: Buffer;
  signatures: SignatureToCheck[];
}

/**
 * Reads a DSSE envelope carrying an in-toto statement. Refuses other
 * payload types and payloads that are not base64-encoded JSON.
 */
export function readDsseEnvelope(options: {
  value: unknown;
  fileName: string;
}): DsseEnvelope {
  const envelope = parseJsonShape({
    value: options.value,
    schema: dsseEnvelopeSchema,
    expected: 'a DSSE envelope',
  });
  if (envelope.payloadType !== IN_TOTO_PAYLOAD_TYPE) {
    throw new EvidenceRefusedError(
      `the DSSE payloadType '${envelope.payloadType}' is not in-toto; expected '${IN_TOTO_PAYLOAD_TYPE}'`,
    );
  }

  const payload = decodeBase64(envelope.payload);
  const statement = readStatement({
    value: readPayloadJson({ payload, fileName: options.fileName }),
    where: 'the DSSE payload',
  });
  return {
    statement,
    signedBytes: preAuthEncoding({
      payloadType: envelope.payloadType,
      payload,
    }),
    signatures: envelope.signatures.map(signature => ({
      keyId: signature.keyid,
      sig: signature.sig,
      certificateKey: signature.cert
        ? certificateKey(signature.cert)
        : undefined,
    })),
  };
}

/**
 * The DSSE pre-authentication encoding:
 * `"DSSEv1" SP LEN(type) SP type SP LEN(body) SP body`, lengths in bytes.
 */
export function preAuthEncoding(options: {
  payloadType: string;
  payload: Buffer;
}): Buffer {
  const type = Buffer.from(options.payloadType, 'utf8');
  return Buffer.concat([
    Buffer.from(`DSSEv1 ${type.length} `, 'utf8'),
    type,
    Buffer.from(` ${options.payload.length} `, 'utf8'),
    options.payload,
  ]);
}

/**
 * The public key of a certificate (PEM or base64 DER), or undefined when it
 * cannot be read: the signature is then checked as a keyed one.
 */
export function certificateKey(
  certificate: string | Buffer,
): crypto.KeyObject | undefined {
  try {
    return new crypto.X509Certificate(certificate).publicKey;
  } catch {
    return undefined;
  }
}

/** Decodes standard or URL-safe base64, refusing anything else. */
function decodeBase64(text: string): Buffer {
  if (
    text === '' ||
    !/^[A-Za-z0-9+/_-]*={0,2}$/.test(text) ||
    (text.endsWith('=') && text.length % 4 !== 0)
  ) {
    throw new EvidenceRefusedError(
      'the DSSE payload is not base64-encoded JSON: it is not base64',
    );
  }
  return Buffer.from(text, 'base64');
}

function readPayloadJson(options: {
  payload: Buffer;
  fileName: string;
}): unknown {
  try {
    return readJson({
      fileName: options.fileName,
      text: options.payload.toString('utf8'),
    });
  } catch (error) {
    throw new EvidenceRefusedError(
      `the DSSE payload is not base64-encoded JSON: ${errorMessage(error)}`,
      error,
    );
  }
}
