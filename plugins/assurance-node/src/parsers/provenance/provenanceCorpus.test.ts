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
import { decodeEvidenceText } from '../decodeEvidenceText';
import { parseEvidence } from '../parseEvidence';
import {
  listCorpusFiles,
  readCorpusFile,
  refusalOf,
} from '../__testUtils__/corpus';
import { createProvenanceParser } from './provenanceParser';
import { KEYLESS_REASON, TrustedKey } from './verify';

/**
 * npm's registry key (keyid SHA256:jl3bwswu…), as published at
 * https://registry.npmjs.org/-/npm/v1/keys (base64 DER there, PEM here). It
 * signs the npm publish attestation of the attestations fixture.
 */
const NPM_KEY: TrustedKey = {
  keyId: 'SHA256:jl3bwswu80PjjokCgh0o2w5c2U4LhQAE57gj9cz1kzA',
  name: 'npm registry',
  publicKeyPem: `-----BEGIN PUBLIC KEY-----
MFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAE1Olb3zMAFFxXKHiIkQO5cJ3Yhl5i
6UPp+IhuteBJbuHcA5UogKo0EWtlWwW6KSaKoTNEYL7JlCQiVnkhBktUgg==
-----END PUBLIC KEY-----
`,
};

const files = listCorpusFiles();
const provenanceFiles = files.filter(name => name.startsWith('provenance/'));
const otherFiles = files.filter(name => !name.startsWith('provenance/'));

function parseFixture(options: {
  name: string;
  trustedKeys?: TrustedKey[];
}): ProvenanceSummary {
  const parser = createProvenanceParser({
    trustedKeys: options.trustedKeys ?? [],
  });
  const { summary } = parseEvidence({
    parsers: [parser],
    fileName: options.name,
    bytes: readCorpusFile(options.name),
  });
  if (summary.kind !== 'provenance') {
    throw new Error(`unexpected summary kind ${summary.kind}`);
  }
  return summary;
}

describe('provenance corpus', () => {
  it('holds all 13 shared provenance files', () => {
    expect(provenanceFiles).toHaveLength(13);
  });

  // Every provenance fixture parses: none is refused.
  it.each(provenanceFiles)('%s is detected and parses', name => {
    const text = decodeEvidenceText(readCorpusFile(name));
    const parser = createProvenanceParser({ trustedKeys: [] });
    expect(parser.detect({ fileName: name, text })).toBe(true);
    const summary = parseFixture({ name });
    expect(summary.subjects.length).toBeGreaterThan(0);
    expect(summary.signature.reason).not.toBe('');
  });

  it.each(otherFiles)('%s is not detected, and refused as provenance', name => {
    const parser = createProvenanceParser({ trustedKeys: [] });
    const bytes = readCorpusFile(name);
    const text = decodeEvidenceText(bytes);
    expect(parser.detect({ fileName: name, text })).toBe(false);
    const refusal = refusalOf(() =>
      parseEvidence({ parsers: [parser], fileName: name, bytes }),
    );
    expect(refusal.message).not.toMatch(/could not read the file/);
  });
});

// The facts below were read by hand: `jq -r .payload FILE | base64 -d | jq`
// (or `.dsseEnvelope.payload`) for the statements, and `base64 -d | xxd -p`
// for the message digest; the signature statuses were checked apart with a
// node:crypto script verifying the PAE against each bundle's certificate.
describe('provenance corpus facts, checked by hand', () => {
  it('reads the slsa-github-generator v0.2 envelope, whose edited payload fails its certificate', () => {
    expect(
      parseFixture({
        name: 'provenance/dsse-envelope-slsa-v0.2-go-builder-sanitized.intoto.jsonl',
      }),
    ).toEqual({
      kind: 'provenance',
      envelope: 'dsse',
      predicateType: 'https://slsa.dev/provenance/v0.2',
      subjects: [
        {
          name: 'binary-linux-amd64',
          digest: {
            sha256:
              '3e74797065520c7d1129d91f5322917be3f0ab92e5b01c52b5cc2459fb73cb70',
          },
        },
      ],
      builderId:
        'https://github.com/slsa-framework/slsa-github-generator/.github/workflows/builder_go_slsa3.yml@refs/tags/v1.2.2',
      buildType:
        'https://github.com/slsa-framework/slsa-github-generator/go@v1',
      sourceRepository: 'https://github.com/slsa-framework/example-package',
      sourceRef: 'refs/heads/main',
      sourceDigest: 'sha1:fd3ab12c1618b53d037c769a960d342d56b95fbf',
      signature: {
        status: 'failed',
        reason:
          'the signature does not match the certificate it carries: the content was changed after signing',
      },
    });
  });

  it('reads the decoded v0.2 statement as a bare, unsigned statement', () => {
    const summary = parseFixture({
      name: 'provenance/slsa-v0.2-statement-decoded-sanitized.json',
    });
    expect(summary.envelope).toBe('statement');
    expect(summary.sourceRepository).toBe(
      'https://github.com/slsa-framework/example-package',
    );
    expect(summary.signature).toEqual({
      status: 'unverified',
      reason: 'a bare statement carries no signature',
    });
  });

  it('reads the bazel-contrib bundle v0.3 with SLSA v1', () => {
    expect(
      parseFixture({
        name: 'provenance/sigstore-bundle-v0.3-slsa-v1-bazel-bcr.intoto.jsonl',
      }),
    ).toEqual({
      kind: 'provenance',
      envelope: 'sigstore-bundle',
      predicateType: 'https://slsa.dev/provenance/v1',
      subjects: [
        {
          name: 'MODULE.bazel',
          digest: {
            sha256:
              '06ce330900a7d6403bc8d88e5dfad6aeeb8ae40179f66bb89e69c8bf6f6b1a0b',
          },
        },
      ],
      builderId:
        'https://github.com/bazel-contrib/publish-to-bcr/.github/workflows/publish.yaml@refs/tags/v0.0.1',
      buildType: 'https://actions.github.io/buildtypes/workflow/v1',
      sourceRepository: 'https://github.com/aspect-build/rules_lint',
      sourceRef: 'refs/heads/publish-to-bcr',
      sourceDigest: 'gitCommit:8f70009fde0c94ade6ce2a054b94718c819126ec',
      signature: { status: 'unverified', reason: KEYLESS_REASON },
    });
  });

  it('reads the npm attestation list: SLSA facts, one merged subject', () => {
    const name =
      'provenance/npm-registry-attestations-slsa-v1-and-publish.json';
    const summary = parseFixture({ name });
    expect(summary).toMatchObject({
      envelope: 'sigstore-bundle',
      predicateType: 'https://slsa.dev/provenance/v1',
      builderId: 'https://github.com/actions/runner/github-hosted',
      sourceRepository: 'https://github.com/sigstore/sigstore-js',
      sourceRef: 'refs/heads/main',
      sourceDigest: 'gitCommit:46e7056ff9912ebfee5298d94024895a9fea76c0',
      subjects: [{ name: 'pkg:npm/sigstore@2.3.1' }],
    });
    expect(summary.subjects[0].digest.sha512).toMatch(/^f06fbf5c353cc0db/);
    expect(summary.signature.status).toBe('unverified');
    expect(summary.signature.reason).toBe(
      `0 of 2 attestations verified; attestation 1: no trusted key configured for keyid ${NPM_KEY.keyId}`,
    );
  });

  it("verifies the npm publish attestation with npm's key, not the keyless one", () => {
    const name =
      'provenance/npm-registry-attestations-slsa-v1-and-publish.json';
    expect(parseFixture({ name, trustedKeys: [NPM_KEY] }).signature).toEqual({
      status: 'unverified',
      reason: `1 of 2 attestations verified; attestation 2: ${KEYLESS_REASON}`,
    });
    // A publish attestation whose statement was changed fails with the key
    // its keyid names.
    const document = JSON.parse(readCorpusFile(name).toString('utf8'));
    const envelope = document.attestations[0].bundle.dsseEnvelope;
    const statement = Buffer.from(envelope.payload, 'base64')
      .toString('utf8')
      .replace('sigstore@2.3.1', 'sigstore@2.3.9');
    envelope.payload = Buffer.from(statement).toString('base64');
    const summary = createProvenanceParser({ trustedKeys: [NPM_KEY] }).parse({
      fileName: name,
      text: JSON.stringify(document),
    });
    expect(summary.kind === 'provenance' && summary.signature).toMatchObject({
      status: 'failed',
      reason: expect.stringMatching(/^attestation 1: the signature does not/),
    });
  });

  it('reads the message-signature bundle: the blob digest, no statement', () => {
    expect(
      parseFixture({
        name: 'provenance/sigstore-bundle-v0.3-message-signature.sigstore.json',
      }),
    ).toEqual({
      kind: 'provenance',
      envelope: 'sigstore-bundle',
      subjects: [
        {
          name: '',
          digest: {
            sha256:
              'a0cfc71271d6e278e57cd332ff957c3f7043fdda354c4cbb190a30d56efa01bf',
          },
        },
      ],
      signature: { status: 'unverified', reason: KEYLESS_REASON },
    });
  });

  it('reads the cosign CycloneDX attestation: subjects, no builder', () => {
    expect(
      parseFixture({
        name: 'provenance/cosign-attest-dsse-cyclonedx-predicate.intoto.jsonl',
      }),
    ).toEqual({
      kind: 'provenance',
      envelope: 'dsse',
      predicateType: 'https://cyclonedx.org/bom',
      subjects: [
        {
          name: 'index.docker.io/library/centos',
          digest: {
            sha256:
              'be65f488b7764ad3638f236b7b515b3678369a5124c47b8d32916d6487418ea4',
          },
        },
      ],
      signature: {
        status: 'unverified',
        reason: 'no trusted key is configured',
      },
    });
  });

  it('reads the GitHub attestation JSONL with its workflow source', () => {
    expect(
      parseFixture({
        name: 'provenance/github-attestation-bundle-v0.3-slsa-v1.jsonl',
      }),
    ).toMatchObject({
      subjects: [
        {
          name: 'github_provenance_demo-0.0.12-py3-none-any.whl',
          digest: {
            sha256:
              'ae57936def59bc4c75edd3a837d89bcefc6d3a5e31d55a6fa7a71624f92c3c3b',
          },
        },
      ],
      sourceRepository: 'https://github.com/actions/attest-demo',
      sourceRef: 'refs/heads/main',
      signature: { status: 'unverified', reason: KEYLESS_REASON },
    });
  });
});
