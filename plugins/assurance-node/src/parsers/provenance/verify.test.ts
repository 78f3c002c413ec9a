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
import { preAuthEncoding } from './dsse';
import { createProvenanceParser } from './provenanceParser';
import { TrustedKey } from './verify';

// Hand-made keys and envelopes: each signature below is made in the test,
// over the DSSE pre-authentication encoding, with node:crypto.
const ecdsa = crypto.generateKeyPairSync('ec', { namedCurve: 'P-256' });
const ed25519 = crypto.generateKeyPairSync('ed25519');
const rsa = crypto.generateKeyPairSync('rsa', { modulusLength: 2048 });
const other = crypto.generateKeyPairSync('ec', { namedCurve: 'P-256' });

type KeyPair = { publicKey: crypto.KeyObject; privateKey: crypto.KeyObject };

const PAYLOAD_TYPE = 'application/vnd.in-toto+json';

const statement = {
  _type: 'https://in-toto.io/Statement/v1',
  subject: [{ name: 'app.tgz', digest: { sha256: 'ab'.repeat(32) } }],
  predicateType: 'https://slsa.dev/provenance/v1',
  predicate: {
    buildDefinition: {
      buildType: 'https://example.com/build/v1',
      externalParameters: {
        source: { uri: 'git+https://git.example.com/team/app@refs/tags/v1' },
      },
      resolvedDependencies: [
        {
          uri: 'git+https://git.example.com/team/app@refs/tags/v1',
          digest: { gitCommit: 'cd'.repeat(20) },
        },
      ],
    },
    runDetails: { builder: { id: 'https://ci.example.com/builder' } },
  },
};

function pem(pair: KeyPair): string {
  return pair.publicKey.export({ type: 'spki', format: 'pem' }).toString();
}

function sign(options: {
  pair: KeyPair;
  payload: Buffer;
  dsaEncoding?: 'der' | 'ieee-p1363';
}): string {
  const { pair, payload, dsaEncoding } = options;
  const type = pair.privateKey.asymmetricKeyType;
  const algorithm = type === 'ed25519' ? null : 'sha256';
  const pae = preAuthEncoding({ payloadType: PAYLOAD_TYPE, payload });
  return crypto
    .sign(algorithm, pae, { key: pair.privateKey, dsaEncoding })
    .toString('base64');
}

/** A DSSE envelope signed by each signer; `tamper` edits it afterwards. */
function envelope(options: {
  signers: Array<{
    pair: KeyPair;
    keyid?: string;
    dsaEncoding?: 'der' | 'ieee-p1363';
  }>;
  tamper?: boolean;
}) {
  const payload = Buffer.from(JSON.stringify(statement));
  const signatures = options.signers.map(({ pair, keyid, dsaEncoding }) => ({
    keyid: keyid ?? '',
    sig: sign({ pair, payload, dsaEncoding }),
  }));
  const signed = options.tamper
    ? Buffer.from(JSON.stringify({ ...statement, predicate: {} }))
    : payload;
  return {
    payloadType: PAYLOAD_TYPE,
    payload: signed.toString('base64'),
    signatures,
  };
}

function signatureOf(options: {
  document: unknown;
  trustedKeys: TrustedKey[];
}): ProvenanceSummary['signature'] {
  const summary = createProvenanceParser({
    trustedKeys: options.trustedKeys,
  }).parse({
    fileName: 'x.intoto.json',
    text: JSON.stringify(options.document),
  });
  if (summary.kind !== 'provenance') {
    throw new Error(`unexpected summary kind ${summary.kind}`);
  }
  return summary.signature;
}

const ecKey: TrustedKey = {
  keyId: 'ec-1',
  name: 'release key',
  publicKeyPem: pem(ecdsa),
};
const edKey: TrustedKey = { keyId: 'ed-1', publicKeyPem: pem(ed25519) };

describe('DSSE signature verification', () => {
  it('verifies an ECDSA P-256 signature with the key its keyid names', () => {
    const document = envelope({ signers: [{ pair: ecdsa, keyid: 'ec-1' }] });
    expect(signatureOf({ document, trustedKeys: [edKey, ecKey] })).toEqual({
      status: 'verified',
      reason: 'signature verified with trusted key "release key"',
      keyId: 'ec-1',
    });
  });

  it('verifies an Ed25519 signature', () => {
    const document = envelope({ signers: [{ pair: ed25519, keyid: 'ed-1' }] });
    expect(signatureOf({ document, trustedKeys: [edKey] })).toEqual({
      status: 'verified',
      reason: 'signature verified with trusted key "ed-1"',
      keyId: 'ed-1',
    });
  });

  it('verifies RSA and raw (IEEE P1363) ECDSA signatures', () => {
    const rsaKey = { publicKeyPem: pem(rsa) };
    expect(
      signatureOf({
        document: envelope({ signers: [{ pair: rsa }] }),
        trustedKeys: [rsaKey],
      }).status,
    ).toBe('verified');
    expect(
      signatureOf({
        document: envelope({
          signers: [{ pair: ecdsa, keyid: 'ec-1', dsaEncoding: 'ieee-p1363' }],
        }),
        trustedKeys: [ecKey],
      }).status,
    ).toBe('verified');
  });

  it('tries every key without a keyId on a signature that names none', () => {
    const document = envelope({ signers: [{ pair: ed25519 }] });
    const trustedKeys = [
      { publicKeyPem: pem(other) },
      { publicKeyPem: pem(ed25519), name: 'cosign key' },
    ];
    expect(signatureOf({ document, trustedKeys })).toEqual({
      status: 'verified',
      reason: 'signature verified with trusted key "cosign key"',
    });
  });

  it.each([
    ['ECDSA P-256', ecdsa, ecKey],
    ['Ed25519', ed25519, edKey],
  ])('fails a %s signature over a tampered payload', (_, pair, key) => {
    const document = envelope({
      signers: [{ pair, keyid: key.keyId }],
      tamper: true,
    });
    const signature = signatureOf({ document, trustedKeys: [key] });
    expect(signature.status).toBe('failed');
    expect(signature.reason).toMatch(/does not verify with trusted key/);
    expect(signature.keyId).toBe(key.keyId);
  });

  it('fails a signature by another key that names a trusted keyid', () => {
    const document = envelope({ signers: [{ pair: other, keyid: 'ec-1' }] });
    expect(signatureOf({ document, trustedKeys: [ecKey] }).status).toBe(
      'failed',
    );
  });

  it('fails when every key with the named keyid was tried (rotation)', () => {
    const document = envelope({ signers: [{ pair: other, keyid: 'ec-1' }] });
    const rotated = { keyId: 'ec-1', publicKeyPem: pem(ed25519) };
    const signature = signatureOf({ document, trustedKeys: [ecKey, rotated] });
    expect(signature.status).toBe('failed');
    expect(signature.reason).toMatch(/"release key", "ec-1"/);
  });

  it('fails an envelope when one of its signatures fails', () => {
    const document = envelope({
      signers: [
        { pair: ed25519, keyid: 'ed-1' },
        { pair: other, keyid: 'ec-1' },
      ],
    });
    const signature = signatureOf({ document, trustedKeys: [edKey, ecKey] });
    expect(signature.status).toBe('failed');
  });

  it('leaves a signature unverified when no trusted key is configured', () => {
    const document = envelope({ signers: [{ pair: ecdsa, keyid: 'ec-1' }] });
    expect(signatureOf({ document, trustedKeys: [] })).toEqual({
      status: 'unverified',
      reason: 'no trusted key configured for keyid ec-1',
      keyId: 'ec-1',
    });
    const unnamed = envelope({ signers: [{ pair: ecdsa }] });
    expect(signatureOf({ document: unnamed, trustedKeys: [] })).toEqual({
      status: 'unverified',
      reason: 'no trusted key is configured',
    });
  });

  it("leaves a signature naming another key's keyid unverified", () => {
    const document = envelope({ signers: [{ pair: other, keyid: 'ci-9' }] });
    expect(signatureOf({ document, trustedKeys: [ecKey, edKey] })).toEqual({
      status: 'unverified',
      reason: 'no trusted key configured for keyid ci-9',
      keyId: 'ci-9',
    });
  });

  it('leaves a keyid-less signature no key verifies unverified, tampered or not', () => {
    // Without a keyid nothing says which key should have signed: another
    // signer and a changed payload look the same.
    const document = envelope({ signers: [{ pair: ecdsa }], tamper: true });
    expect(
      signatureOf({ document, trustedKeys: [{ publicKeyPem: pem(ecdsa) }] }),
    ).toEqual({
      status: 'unverified',
      reason:
        'none of the 1 trusted keys verifies the signature, which names no keyid',
    });
  });

  it('leaves an envelope without signatures unverified', () => {
    const document = { ...envelope({ signers: [] }) };
    expect(signatureOf({ document, trustedKeys: [ecKey] })).toEqual({
      status: 'unverified',
      reason: 'the envelope has no signature',
    });
  });

  it('takes the keyid of a Sigstore bundle from its public key hint', () => {
    const { payloadType, payload, signatures } = envelope({
      signers: [{ pair: ecdsa }],
    });
    const bundle = {
      mediaType: 'application/vnd.dev.sigstore.bundle.v0.3+json',
      verificationMaterial: { publicKey: { hint: 'ec-1' } },
      dsseEnvelope: {
        payloadType,
        payload,
        signatures: [{ sig: signatures[0].sig }],
      },
    };
    expect(signatureOf({ document: bundle, trustedKeys: [ecKey] })).toEqual({
      status: 'verified',
      reason: 'signature verified with trusted key "release key"',
      keyId: 'ec-1',
    });
  });

  it('refuses to create a parser with a key that is not a public key', () => {
    expect(() =>
      createProvenanceParser({
        trustedKeys: [{ name: 'broken', publicKeyPem: 'not a key' }],
      }),
    ).toThrow(/trusted key "broken" is not a PEM public key/);
    const privateKeyPem = ecdsa.privateKey
      .export({ type: 'pkcs8', format: 'pem' })
      .toString();
    expect(() =>
      createProvenanceParser({
        trustedKeys: [{ publicKeyPem: privateKeyPem }],
      }),
    ).toThrow(/trusted key "trusted key 1" is a private key/);
  });
});
