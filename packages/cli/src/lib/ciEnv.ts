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

/** Links of an upload that CI systems tell in their environment. */
export interface CiDefaults {
  /** The CI system the values came from, for messages. */
  source?: string;
  executionId?: string;
  commit?: string;
  pipelineUrl?: string;
}

type Env = Record<string, string | undefined>;

function value(env: Env, name: string): string | undefined {
  const text = env[name]?.trim();
  return text ? text : undefined;
}

/**
 * The execution id, commit and pipeline URL of the current CI run:
 *
 * - GitHub Actions: `GITHUB_RUN_ID-GITHUB_RUN_ATTEMPT`, `GITHUB_SHA`,
 *   `GITHUB_SERVER_URL/GITHUB_REPOSITORY/actions/runs/GITHUB_RUN_ID`.
 * - GitLab CI: `CI_PIPELINE_ID`, `CI_COMMIT_SHA`, `CI_PIPELINE_URL`.
 * - Azure Pipelines: `BUILD_BUILDID`, `BUILD_SOURCEVERSION`, the build's
 *   results page.
 * - Jenkins, Google Cloud Build and others: `BUILD_ID`, `GIT_COMMIT`
 *   (or `COMMIT_SHA`), `BUILD_URL`.
 */
export function ciDefaults(env: Env): CiDefaults {
  const runId = value(env, 'GITHUB_RUN_ID');
  if (runId) {
    const attempt = value(env, 'GITHUB_RUN_ATTEMPT');
    const server = value(env, 'GITHUB_SERVER_URL') ?? 'https://github.com';
    const repository = value(env, 'GITHUB_REPOSITORY');
    return {
      source: 'GitHub Actions',
      executionId: attempt ? `${runId}-${attempt}` : runId,
      commit: value(env, 'GITHUB_SHA'),
      pipelineUrl: repository
        ? `${server}/${repository}/actions/runs/${runId}${
            attempt ? `/attempts/${attempt}` : ''
          }`
        : undefined,
    };
  }

  const pipelineId = value(env, 'CI_PIPELINE_ID');
  if (pipelineId) {
    return {
      source: 'GitLab CI',
      executionId: pipelineId,
      commit: value(env, 'CI_COMMIT_SHA'),
      pipelineUrl: value(env, 'CI_PIPELINE_URL'),
    };
  }

  const azureBuildId = value(env, 'BUILD_BUILDID');
  if (azureBuildId) {
    const collection =
      value(env, 'SYSTEM_COLLECTIONURI') ??
      value(env, 'SYSTEM_TEAMFOUNDATIONCOLLECTIONURI');
    const project = value(env, 'SYSTEM_TEAMPROJECT');
    return {
      source: 'Azure Pipelines',
      executionId: azureBuildId,
      commit: value(env, 'BUILD_SOURCEVERSION'),
      pipelineUrl:
        collection && project
          ? `${collection.replace(/\/*$/, '/')}${encodeURIComponent(
              project,
            )}/_build/results?buildId=${encodeURIComponent(azureBuildId)}`
          : undefined,
    };
  }

  const buildId = value(env, 'BUILD_ID');
  if (buildId) {
    return {
      source: 'CI',
      executionId: buildId,
      commit: value(env, 'GIT_COMMIT') ?? value(env, 'COMMIT_SHA'),
      pipelineUrl: value(env, 'BUILD_URL'),
    };
  }
  return {};
}
