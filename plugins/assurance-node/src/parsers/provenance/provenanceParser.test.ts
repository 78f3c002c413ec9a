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
import { readCorpusFile, refusalOf } from '../__testUtils__/corpus';
import { MAX_DOCUMENTS } from './documents';
import { createProvenanceParser } from './provenanceParser';
import { splitSourceUri } from './slsa';
import { KEYLESS_REASON } from './verify';

const parser = createProvenanceParser({ trustedKeys: [] });

function parse(text: string): ProvenanceSummary {
  const summary = parser.parse({ fileName: 'upload', text });
  if (summary.kind !== 'provenance') {
    throw new Error(`unexpected summary kind ${summary.kind}`);
  }
  return summary;
}

function refusal(text: string): string {
  return refusalOf(() => parse(text)).message;
}

function statement(options: {
  predicateType?: string;
  predicate?: unknown;
  subject?: unknown;
}) {
  return {
    _type: 'https://in-toto.io/Statement/v0.1',
    subject: options.subject ?? [
      { name: 'app', digest: { sha256: 'AB'.repeat(32) } },
    ],
    predicateType: options.predicateType ?? 'https://example.com/custom/v1',
    predicate: options.predicate ?? {},
  };
}

function dsse(options: { payloadType?: string; payload: string }) {
  return {
    payloadType: options.payloadType ?? 'application/vnd.in-toto+json',
    payload: options.payload,
    signatures: [{ keyid: '', sig: 'AAAA' }],
  };
}

const base64 = (value: unknown) =>
  Buffer.from(JSON.stringify(value)).toString('base64');

const corpusLine = (name: string) =>
  readCorpusFile(`provenance/${name}`).toString('utf8').trim();

describe('provenance refusals', () => {
  it.each([
    ['not JSON', '<xml/>', /^not valid JSON/],
    [
      'no known envelope',
      JSON.stringify({ bomFormat: 'CycloneDX' }),
      /^not provenance: expected an in-toto statement, a DSSE envelope/,
    ],
    [
      'a payloadType other than in-toto',
      JSON.stringify(
        dsse({ payloadType: 'text/plain', payload: base64(statement({})) }),
      ),
      /payloadType 'text\/plain' is not in-toto/,
    ],
    [
      'a payload that is not base64',
      JSON.stringify(dsse({ payload: 'not base64!' })),
      /the DSSE payload is not base64-encoded JSON: it is not base64/,
    ],
    [
      'a base64 payload that is not JSON',
      JSON.stringify(dsse({ payload: Buffer.from('hi').toString('base64') })),
      /the DSSE payload is not base64-encoded JSON: not valid JSON/,
    ],
    [
      'a payload that is not a statement',
      JSON.stringify(dsse({ payload: base64({ hello: 'world' }) })),
      /the DSSE payload is not an in-toto statement/,
    ],
    [
      'a statement without subjects',
      JSON.stringify(statement({ subject: [] })),
      /the statement is an in-toto statement without subjects/,
    ],
    [
      'a statement whose subjects have no digest',
      JSON.stringify(statement({ subject: [{ name: 'app', digest: {} }] })),
      /without a subject digest/,
    ],
    [
      'a bundle of an unknown version',
      JSON.stringify({
        mediaType: 'application/vnd.dev.sigstore.bundle+json;version=1.0',
        verificationMaterial: {},
        dsseEnvelope: dsse({ payload: base64(statement({})) }),
      }),
      /media type .* is not supported/,
    ],
    [
      'a bundle without content',
      JSON.stringify({
        mediaType: 'application/vnd.dev.sigstore.bundle.v0.3+json',
        verificationMaterial: {},
      }),
      /has neither a dsseEnvelope nor a messageSignature/,
    ],
    [
      'an empty attestation list',
      JSON.stringify({ attestations: [] }),
      /the attestation list is empty/,
    ],
    [
      'a DSSE envelope of the wrong shape',
      JSON.stringify({
        payloadType: 'application/vnd.in-toto+json',
        payload: '',
      }),
      /^not a DSSE envelope: signatures/,
    ],
  ])('refuses %s', (_, text, reason) => {
    expect(refusal(text)).toMatch(reason);
  });

  it('names the line of a JSON Lines file that is refused', () => {
    const text = `${JSON.stringify(statement({}))}\n{"oops": true}\n`;
    expect(refusal(text)).toMatch(/^line 2: not provenance/);
  });

  it(`refuses JSON Lines files of more than ${MAX_DOCUMENTS} documents`, () => {
    const line = JSON.stringify(statement({}));
    const text = Array(MAX_DOCUMENTS + 1)
      .fill(line)
      .join('\n');
    expect(refusal(text)).toMatch(/at most 200 documents/);
  });

  it('keeps the JSON error of a file that is not JSON Lines', () => {
    expect(refusal('{\n  "_type": \n}')).toMatch(/^not valid JSON/);
  });
});

describe('provenance files of several attestations', () => {
  // Two corpus bundles, one a line, as `gh attestation download` writes.
  const jsonl = [
    corpusLine('github-attestation-bundle-v0.3-slsa-v1.jsonl'),
    corpusLine('sigstore-bundle-v0.3-slsa-v1-bazel-bcr.intoto.jsonl'),
    corpusLine('github-attestation-bundle-v0.3-slsa-v1.jsonl'),
  ].join('\n');

  it('is detected by its first line', () => {
    expect(parser.detect({ fileName: 'x.jsonl', text: jsonl })).toBe(true);
  });

  it('merges subjects and takes facts from the first SLSA statement', () => {
    const summary = parse(jsonl);
    expect(summary.subjects.map(s => s.name)).toEqual([
      'github_provenance_demo-0.0.12-py3-none-any.whl',
      'MODULE.bazel',
    ]);
    expect(summary.sourceRepository).toBe(
      'https://github.com/actions/attest-demo',
    );
    expect(summary.signature).toEqual({
      status: 'unverified',
      reason: `0 of 3 attestations verified; line 1: ${KEYLESS_REASON}`,
    });
  });

  it('takes facts from a later SLSA statement when the first is not SLSA', () => {
    const custom = JSON.stringify(statement({}));
    const summary = parse(`${custom}\n${jsonl}`);
    expect(summary.predicateType).toBe('https://slsa.dev/provenance/v1');
    expect(summary.envelope).toBe('sigstore-bundle');
    expect(summary.subjects).toHaveLength(3);
  });

  it('fails a file when one of its attestations fails', () => {
    const edited = corpusLine(
      'dsse-envelope-slsa-v0.2-go-builder-sanitized.intoto.jsonl',
    );
    const summary = parse(`${jsonl}\n${edited}`);
    expect(summary.signature.status).toBe('failed');
    expect(summary.signature.reason).toMatch(/^line 4: the signature does not/);
  });
});

describe('provenance facts', () => {
  it('lower-cases hex digests and drops odd digest names', () => {
    const summary = parse(
      JSON.stringify(
        statement({
          subject: [
            { name: 'a', digest: { sha256: 'AB'.repeat(32), 'bad key': 'x' } },
            { uri: 'pkg:npm/b@1', digest: { sha512: 'cd' } },
            { name: 'a', digest: { sha256: 'ab'.repeat(32) } },
            { name: 'no digest' },
          ],
        }),
      ),
    );
    expect(summary.subjects).toEqual([
      { name: 'a', digest: { sha256: 'ab'.repeat(32) } },
      { name: 'pkg:npm/b@1', digest: { sha512: 'cd' } },
    ]);
    expect(summary.builderId).toBeUndefined();
  });

  it('reads a SLSA v1 source from externalParameters.source', () => {
    const summary = parse(
      JSON.stringify({
        ...statement({ predicateType: 'https://slsa.dev/provenance/v1' }),
        predicate: {
          buildDefinition: {
            buildType: 'https://example.com/build/v1',
            externalParameters: {
              source: 'git+https://git.example.com/team/app@refs/tags/v2',
            },
            resolvedDependencies: [
              { uri: 'https://example.com/tool', digest: { sha256: '11' } },
              {
                uri: 'git+https://git.example.com/team/app@refs/tags/v2',
                digest: { sha1: 'ef'.repeat(20) },
              },
            ],
          },
          runDetails: { builder: { id: 'https://ci.example.com' } },
        },
      }),
    );
    expect(summary).toMatchObject({
      builderId: 'https://ci.example.com',
      buildType: 'https://example.com/build/v1',
      sourceRepository: 'https://git.example.com/team/app',
      sourceRef: 'refs/tags/v2',
      sourceDigest: `sha1:${'ef'.repeat(20)}`,
    });
  });

  it('reads a SLSA v0.2 source from materials when configSource is absent', () => {
    const summary = parse(
      JSON.stringify(
        statement({
          predicateType: 'https://slsa.dev/provenance/v0.2',
          predicate: {
            builder: { id: 'https://ci.example.com' },
            materials: [
              { uri: 'git+https://git.example.com/app.git@main', digest: {} },
            ],
          },
        }),
      ),
    );
    expect(summary).toMatchObject({
      builderId: 'https://ci.example.com',
      sourceRepository: 'https://git.example.com/app.git',
      sourceRef: 'main',
    });
    expect(summary.sourceDigest).toBeUndefined();
  });

  it('splits source URIs, leaving a user in the authority alone', () => {
    expect(
      splitSourceUri('git+https://github.com/o/r@refs/heads/main'),
    ).toEqual({ repository: 'https://github.com/o/r', ref: 'refs/heads/main' });
    expect(splitSourceUri('ssh://git@example.com/o/r')).toEqual({
      repository: 'ssh://git@example.com/o/r',
    });
  });
});

describe('provenance detection', () => {
  it.each([
    ['a SARIF log', JSON.stringify({ version: '2.1.0', runs: [] })],
    ['a JSON array', '[]'],
    ['text', 'hello\nworld'],
    ['a statement of another framework', JSON.stringify({ _type: 'x' })],
  ])('does not detect %s', (_, text) => {
    expect(parser.detect({ fileName: 'upload', text })).toBe(false);
  });
});
