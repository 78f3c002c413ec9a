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

import { ProvenanceSummary } from '@real-app-forever/plugin-assurance-common';
import crypto from 'crypto';
import { errorMessage } from '../parserUtils';

/**
 * A public key that provenance signatures are checked against.
 *
 * @public
 */
export interface TrustedKey {
  /**
   * The key id signatures name (DSSE `keyid`, Sigstore `publicKey.hint`).
   * When absent, the key is tried on every signature whose keyid matches
   * no configured key, or that names none.
   */
  keyId?: string;
  /** The public key (SPKI) or a certificate, PEM-encoded. */
  publicKeyPem: string;
  /** Shown in verification reasons. */
  name?: string;
}

/** The outcome of checking signatures: the summary's `signature` field. */
export type SignatureCheck = ProvenanceSummary['signature'];

/** One signature of a signed document, with what can check it. */
export interface SignatureToCheck {
  /** The key id the signature names; empty strings count as none. */
  keyId?: string;
  /** Base64 signature bytes. */
  sig: string;
  /** The key of the certificate the signature came with (keyless). */
  certificateKey?: crypto.KeyObject;
}

/** Checks signatures of signed provenance against the trusted keys. */
export interface SignatureVerifier {
  check(options: {
    /** The bytes that were signed (for DSSE, the PAE). */
    signedBytes: Buffer;
    signatures: SignatureToCheck[];
  }): SignatureCheck;
}

/** Why a keyless (certificate) signature that matches its certificate is unverified. */
export const KEYLESS_REASON =
  'keyless signature: verifying needs the Sigstore trust root, which is not configured';

interface PreparedKey {
  keyId?: string;
  label: string;
  key: crypto.KeyObject;
}

/**
 * Turns a PEM public key into a key object. Throws an error naming the key
 * when the PEM is not a public key or certificate (private keys included).
 */
export function importTrustedKey(options: {
  key: TrustedKey;
  /** How to name the key in errors, e.g. `trustedKeys[0]`. */
  where: string;
}): crypto.KeyObject {
  const { key, where } = options;
  if (/-----BEGIN [A-Z ]*PRIVATE KEY-----/.test(key.publicKeyPem)) {
    throw new Error(
      `${where} is a private key; configure its public key instead`,
    );
  }
  try {
    const imported = crypto.createPublicKey(key.publicKeyPem);
    if (imported.type !== 'public') {
      throw new Error(`expected a public key, got a ${imported.type} key`);
    }
    return imported;
  } catch (error) {
    throw new Error(
      `${where} is not a PEM public key or certificate: ${errorMessage(error)}`,
      { cause: error },
    );
  }
}

/** The signature verifier of a list of trusted keys. */
export function createSignatureVerifier(options: {
  trustedKeys: TrustedKey[];
}): SignatureVerifier {
  const keys: PreparedKey[] = options.trustedKeys.map((key, index) => {
    const label = key.name ?? key.keyId ?? `trusted key ${index + 1}`;
    return {
      keyId: key.keyId || undefined,
      label,
      key: importTrustedKey({ key, where: `trusted key "${label}"` }),
    };
  });

  return {
    check: ({ signedBytes, signatures }) => {
      if (signatures.length === 0) {
        return {
          status: 'unverified',
          reason: 'the envelope has no signature',
        };
      }
      // NOTE: one failing signature fails the envelope even when another
      // verifies: a trusted key that names itself and does not verify means
      // the payload is not what that key signed.
      const checks = signatures.map(signature =>
        checkSignature({ signedBytes, signature, keys }),
      );
      return (
        checks.find(c => c.status === 'failed') ??
        checks.find(c => c.status === 'verified') ??
        checks[0]
      );
    },
  };
}

/**
 * Checks one signature:
 * 1. When trusted keys have the keyId the signature names, only they are
 *    tried: one verifying makes it `verified`, none `failed`.
 * 2. Otherwise trusted keys without a keyId are tried (all keys when the
 *    signature names no keyid); one verifying makes it `verified`.
 * 3. A keyless signature is then checked against its own certificate: not
 *    matching it is `failed`, matching it is `unverified` (no trust root).
 * 4. Anything else is `unverified`: the signer's key is not trusted, and a
 *    changed payload cannot be told apart from another signer.
 */
function checkSignature(options: {
  signedBytes: Buffer;
  signature: SignatureToCheck;
  keys: PreparedKey[];
}): SignatureCheck {
  const { signedBytes, signature, keys } = options;
  const keyId = signature.keyId || undefined;
  const withKeyId = keyId ? { keyId } : {};
  const verifiesWith = (key: crypto.KeyObject) =>
    verifySignature({ signedBytes, sig: signature.sig, key });

  const named = keyId ? keys.filter(k => k.keyId === keyId) : [];
  const unnamed = keyId ? keys.filter(k => !k.keyId) : keys;
  const verifying = (named.length > 0 ? named : unnamed).find(k =>
    verifiesWith(k.key),
  );
  if (verifying) {
    return {
      status: 'verified',
      reason: `signature verified with trusted key "${verifying.label}"`,
      keyId: verifying.keyId ?? keyId,
    };
  }
  if (named.length > 0) {
    return {
      status: 'failed',
      reason: `the signature does not verify with trusted key ${named
        .map(k => `"${k.label}"`)
        .join(
          ', ',
        )}, whose keyid it names: the content was changed after signing or the signature is forged`,
      keyId,
    };
  }
  if (signature.certificateKey) {
    return verifiesWith(signature.certificateKey)
      ? { status: 'unverified', reason: KEYLESS_REASON, ...withKeyId }
      : {
          status: 'failed',
          reason:
            'the signature does not match the certificate it carries: the content was changed after signing',
          ...withKeyId,
        };
  }
  const tried = unnamed.length;
  let reason: string;
  if (keyId) {
    reason = `no trusted key configured for keyid ${keyId}`;
    if (tried > 0) {
      reason += `, and none of the ${tried} trusted keys without a keyid verifies it`;
    }
  } else {
    reason =
      tried > 0
        ? `none of the ${tried} trusted keys verifies the signature, which names no keyid`
        : 'no trusted key is configured';
  }
  return { status: 'unverified', reason, ...withKeyId };
}

/**
 * Verifies a signature with node:crypto. ECDSA signatures are DER (as DSSE
 * and Sigstore write them) or, failing that, raw r||s; Ed25519 signs the
 * message itself; RSA uses PKCS#1 v1.5 (or PSS for RSA-PSS keys).
 */
function verifySignature(options: {
  signedBytes: Buffer;
  sig: string;
  key: crypto.KeyObject;
}): boolean {
  const { signedBytes, key } = options;
  const sig = Buffer.from(options.sig, 'base64');
  const algorithm = hashOf(key);
  const attempt = (dsaEncoding: 'der' | 'ieee-p1363') => {
    try {
      return crypto.verify(algorithm, signedBytes, { key, dsaEncoding }, sig);
    } catch {
      return false;
    }
  };
  return (
    attempt('der') || (key.asymmetricKeyType === 'ec' && attempt('ieee-p1363'))
  );
}

function hashOf(key: crypto.KeyObject): string | null {
  switch (key.asymmetricKeyType) {
    case 'ed25519':
    case 'ed448':
      return null;
    case 'ec':
      switch (key.asymmetricKeyDetails?.namedCurve) {
        case 'secp384r1':
          return 'sha384';
        case 'secp521r1':
          return 'sha512';
        default:
          return 'sha256';
      }
    default:
      return 'sha256';
  }
}
