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

import { RISK_LEVELS } from '@real-app-forever/plugin-assurance-common';
import {
  DIGEST_A,
  DIGEST_B,
  bom,
  provenance,
  record,
  runGate,
} from '../__testUtils__/fixtures';
import { provenanceGate } from './provenance';
import { sbomGate } from './sbom';

describe('sbom', () => {
  it('fails an empty SBOM and passes one with components', () => {
    expect(runGate(sbomGate, [record(bom(0))])).toMatchObject({
      status: 'failed',
      reason: 'The SBOM lists no components.',
    });
    expect(runGate(sbomGate, [record(bom(1))])).toEqual({
      status: 'passed',
      reason: 'The SBOM lists 1 component.',
      remediation: '',
    });
  });

  it("must be uploaded with the evaluated artifact's digest", () => {
    const linked = record(bom(3), { digest: DIGEST_A });
    expect(runGate(sbomGate, [linked], { digest: DIGEST_A }).status).toBe(
      'passed',
    );
    expect(runGate(sbomGate, [linked], { digest: DIGEST_B })).toMatchObject({
      status: 'failed',
      reason: 'No SBOM was uploaded with the digest sha256:bbbbbbbbbbbb….',
    });
  });

  it('is unknown for a link', () => {
    const link = record(
      { kind: 'link', url: 'https://ci.example/bom.json' },
      { format: 'cyclonedx-json' },
    );
    expect(runGate(sbomGate, [link]).status).toBe('unknown');
  });
});

describe('provenance', () => {
  const verified = record(provenance([DIGEST_A], 'verified'));
  const unverified = record(provenance([DIGEST_A], 'unverified'));

  it('passes when a subject is the artifact under evaluation', () => {
    expect(runGate(provenanceGate, [verified], { digest: DIGEST_A })).toEqual({
      status: 'passed',
      reason:
        'The provenance names sha256:aaaaaaaaaaaa… as its subject, built by https://github.com/actions/runner, with a verified signature.',
      remediation: '',
    });
  });

  it('fails when no subject is', () => {
    expect(
      runGate(provenanceGate, [verified], { digest: DIGEST_B }),
    ).toMatchObject({
      status: 'failed',
      reason:
        'No provenance subject has the digest sha256:bbbbbbbbbbbb…; the newest provenance names sha256:aaaaaaaaaaaa….',
    });
  });

  it('uses the newest declared digest for the entity, or says it has none', () => {
    expect(
      runGate(provenanceGate, [verified], { latestDeclaredDigest: DIGEST_A })
        .status,
    ).toBe('passed');
    expect(runGate(provenanceGate, [verified])).toMatchObject({
      status: 'unknown',
      reason:
        'No evidence of this entity declares an artifact digest, so the provenance cannot be matched to a build.',
    });
  });

  it.each(RISK_LEVELS.map(level => [level, level === 'high']))(
    'requires a verified signature by default at %s: %s',
    (riskLevel, required) => {
      const verdict = runGate(provenanceGate, [unverified], {
        digest: DIGEST_A,
        riskLevel,
      });
      expect(verdict.status).toBe(required ? 'failed' : 'passed');
      expect(
        runGate(provenanceGate, [verified], { digest: DIGEST_A, riskLevel })
          .status,
      ).toBe('passed');
    },
  );

  it('says why an unverified signature fails', () => {
    expect(
      runGate(provenanceGate, [unverified], {
        digest: DIGEST_A,
        riskLevel: 'high',
      }).reason,
    ).toBe(
      'The policy requires a verified signature, and the provenance of sha256:aaaaaaaaaaaa… has none: no trusted key is configured.',
    );
  });

  it('follows requireVerifiedSignature over the risk level', () => {
    expect(
      runGate(provenanceGate, [unverified], {
        digest: DIGEST_A,
        riskLevel: 'low',
        settings: { requireVerifiedSignature: true },
      }).status,
    ).toBe('failed');
    expect(
      runGate(provenanceGate, [unverified], {
        digest: DIGEST_A,
        riskLevel: 'high',
        settings: { requireVerifiedSignature: false },
      }).status,
    ).toBe('passed');
  });

  it('always fails a signature that does not verify', () => {
    const tampered = record(provenance([DIGEST_A], 'failed'));
    expect(
      runGate(provenanceGate, [tampered], {
        digest: DIGEST_A,
        riskLevel: 'low',
      }),
    ).toMatchObject({
      status: 'failed',
      reason: expect.stringMatching(
        /^The provenance signature does not verify/,
      ),
    });
  });

  it('is unknown for a link', () => {
    const link = record(
      { kind: 'link', url: 'https://ci.example/prov.json' },
      { format: 'provenance' },
    );
    expect(runGate(provenanceGate, [link], { digest: DIGEST_A }).status).toBe(
      'unknown',
    );
  });
});
