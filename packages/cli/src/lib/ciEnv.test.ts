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

import { ciDefaults } from './ciEnv';

describe('ciDefaults', () => {
  it('reads GitHub Actions', () => {
    expect(
      ciDefaults({
        GITHUB_RUN_ID: '123',
        GITHUB_RUN_ATTEMPT: '1',
        GITHUB_SHA: 'abc1234',
        GITHUB_REPOSITORY: 'acme/payments',
      }),
    ).toEqual({
      source: 'GitHub Actions',
      executionId: '123-1',
      commit: 'abc1234',
      pipelineUrl:
        'https://github.com/acme/payments/actions/runs/123/attempts/1',
    });
  });

  it('reads GitLab CI', () => {
    expect(
      ciDefaults({
        CI_PIPELINE_ID: '99',
        CI_COMMIT_SHA: 'def5678',
        CI_PIPELINE_URL: 'https://gitlab.com/acme/payments/-/pipelines/99',
      }),
    ).toEqual({
      source: 'GitLab CI',
      executionId: '99',
      commit: 'def5678',
      pipelineUrl: 'https://gitlab.com/acme/payments/-/pipelines/99',
    });
  });

  it('reads Azure Pipelines and generic BUILD_ID', () => {
    expect(
      ciDefaults({
        BUILD_BUILDID: '42',
        BUILD_SOURCEVERSION: 'aaaaaaa',
        SYSTEM_COLLECTIONURI: 'https://dev.azure.com/acme',
        SYSTEM_TEAMPROJECT: 'Pay ments',
      }).pipelineUrl,
    ).toBe('https://dev.azure.com/acme/Pay%20ments/_build/results?buildId=42');
    expect(
      ciDefaults({
        BUILD_ID: '7',
        GIT_COMMIT: 'bbbbbbb',
        BUILD_URL: 'https://ci/7',
      }),
    ).toEqual({
      source: 'CI',
      executionId: '7',
      commit: 'bbbbbbb',
      pipelineUrl: 'https://ci/7',
    });
  });

  it('is empty outside CI', () => {
    expect(ciDefaults({ HOME: '/home/me', GITHUB_RUN_ID: ' ' })).toEqual({});
  });
});
