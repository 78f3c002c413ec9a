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
import { z } from 'zod';
import { isRecord, ownValue } from '../parserUtils';
import { parseJsonShape } from '../readJson';
import { certificateKey, DsseEnvelope, readDsseEnvelope } from './dsse';
import { readDigestSet, Subject } from './inToto';
import { KEYLESS_REASON, SignatureCheck } from './verify';

/** What every Sigstore bundle media type starts with. */
export const SIGSTORE_BUNDLE_MEDIA_TYPE_PREFIX =
  'application/vnd.dev.sigstore.bundle';

/** `…bundle+json;version=0.1` to `0.3`, and `…bundle.v0.3+json`. */
const MEDIA_TYPE =
  /^application\/vnd\.dev\.sigstore\.bundle(\+json;version=0\.\d+|\.v0\.\d+\+json)$/;

const rawBytesSchema = z.object({ rawBytes: z.string() });

const bundleSchema = z.object({
  mediaType: z.string(),
  verificationMaterial: z.object({
    publicKey: z.object({ hint: z.string().nullish() }).nullish(),
    certificate: rawBytesSchema.nullish(),
    x509CertificateChain: z
      .object({ certificates: z.array(rawBytesSchema).min(1) })
      .nullish(),
  }),
  dsseEnvelope: z.unknown().optional(),
  messageSignature: z
    .object({
      messageDigest: z
        .object({ algorithm: z.string(), digest: z.string() })
        .nullish(),
      signature: z.string(),
    })
    .nullish(),
});

/** Sigstore hash algorithm names, as in-toto digest set names. */
const HASH_ALGORITHMS: Record<string, string> = {
  SHA2_256: 'sha256',
  SHA2_384: 'sha384',
  SHA2_512: 'sha512',
  SHA3_256: 'sha3-256',
  SHA3_384: 'sha3-384',
};

/** A Sigstore bundle, read. */
export type SigstoreBundle =
  | { kind: 'dsse'; envelope: DsseEnvelope }
  | {
      kind: 'message-signature';
      subjects: Subject[];
      /** A message signature cannot be checked: it signs the artifact. */
      signature: SignatureCheck;
    };

/** Whether a parsed JSON value says it is a Sigstore bundle. */
export function isSigstoreBundle(value: unknown): boolean {
  return (
    isRecord(value) &&
    typeof value.mediaType === 'string' &&
    value.mediaType.startsWith(SIGSTORE_BUNDLE_MEDIA_TYPE_PREFIX)
  );
}

/**
 * Reads a Sigstore bundle (v0.1 to v0.3). The signing certificate's key or
 * the public key hint is attached to the DSSE signatures. Transparency log
 * entries and timestamps are not checked: that needs the Sigstore trust
 * root.
 */
export function readSigstoreBundle(options: {
  value: unknown;
  fileName: string;
}): SigstoreBundle {
  const bundle = parseJsonShape({
    value: options.value,
    schema: bundleSchema,
    expected: 'a Sigstore bundle',
  });
  if (!MEDIA_TYPE.test(bundle.mediaType)) {
    throw new EvidenceRefusedError(
      `the Sigstore bundle media type '${bundle.mediaType}' is not supported; expected version 0.1 to 0.3`,
    );
  }
  const material = bundle.verificationMaterial;
  const certificate =
    material.certificate?.rawBytes ??
    material.x509CertificateChain?.certificates[0].rawBytes;
  const hint = material.publicKey?.hint ?? undefined;

  if (bundle.dsseEnvelope !== undefined) {
    const envelope = readDsseEnvelope({
      value: bundle.dsseEnvelope,
      fileName: options.fileName,
    });
    const key = certificate
      ? certificateKey(Buffer.from(certificate, 'base64'))
      : undefined;
    return {
      kind: 'dsse',
      envelope: {
        ...envelope,
        signatures: envelope.signatures.map(signature => ({
          ...signature,
          keyId: signature.keyId || hint,
          certificateKey: signature.certificateKey ?? key,
        })),
      },
    };
  }

  if (bundle.messageSignature) {
    const messageDigest = bundle.messageSignature.messageDigest;
    if (!messageDigest) {
      throw new EvidenceRefusedError(
        'the Sigstore message signature bundle has no messageDigest, so it names no artifact',
      );
    }
    const algorithm =
      ownValue({ record: HASH_ALGORITHMS, key: messageDigest.algorithm }) ??
      messageDigest.algorithm.toLowerCase();
    const digest = readDigestSet({
      [algorithm]: Buffer.from(messageDigest.digest, 'base64').toString('hex'),
    });
    if (Object.keys(digest).length === 0) {
      throw new EvidenceRefusedError(
        `the Sigstore message digest '${messageDigest.algorithm}' is not readable`,
      );
    }
    return {
      kind: 'message-signature',
      // NOTE: a message signature signs a blob, not a statement: the
      // subject is the blob's digest, and its name is unknown (empty).
      subjects: [{ name: '', digest }],
      signature: {
        status: 'unverified',
        reason: certificate
          ? KEYLESS_REASON
          : 'a message signature signs the artifact itself, which is not part of the upload',
        ...(hint ? { keyId: hint } : {}),
      },
    };
  }

  throw new EvidenceRefusedError(
    'the Sigstore bundle has neither a dsseEnvelope nor a messageSignature',
  );
}
