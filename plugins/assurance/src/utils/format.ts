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

/**
 * Shortens a digest for display: `sha256:0123456789ab…`. Accepts a bare hex
 * sha256 as well.
 */
export function formatDigest(digest: string, length = 12): string {
  const separator = digest.indexOf(':');
  const algorithm = separator >= 0 ? digest.slice(0, separator + 1) : '';
  const hex = digest.slice(separator + 1);
  return hex.length > length
    ? `${algorithm}${hex.slice(0, length)}…`
    : `${algorithm}${hex}`;
}

/**
 * Names an artifact for a select: `payments 1.2.3 (sha256:0123456789ab…)`,
 * or just the short digest when it has no name.
 */
export function describeArtifact(artifact: {
  digest: string;
  name?: string;
  version?: string;
}): string {
  const name = [artifact.name, artifact.version].filter(Boolean).join(' ');
  const digest = formatDigest(artifact.digest);
  return name ? `${name} (${digest})` : digest;
}

/**
 * Shortens a version hash for display: its first 8 hex characters, without
 * an `algorithm:` prefix.
 */
export function formatVersion(version: string): string {
  return version.slice(version.indexOf(':') + 1).slice(0, 8);
}

/**
 * Formats a rate of 0..1 as a percentage, e.g. `85.3%`; `n/a` for null.
 */
export function formatPercent(rate: number | null | undefined): string {
  if (rate === null || rate === undefined || !Number.isFinite(rate)) {
    return 'n/a';
  }
  return `${(rate * 100).toFixed(1)}%`;
}

/**
 * Returns the URL when it is an absolute http(s) URL, so that it is safe to
 * put in an `href`; undefined otherwise.
 */
export function safeHttpUrl(url: string | undefined): string | undefined {
  if (!url) {
    return undefined;
  }
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' || parsed.protocol === 'http:'
      ? url
      : undefined;
  } catch {
    return undefined;
  }
}
