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

import { CompoundEntityRef, parseEntityRef } from '@backstage/catalog-model';

/**
 * Parses an entity reference and returns it in its one canonical form:
 * `kind:namespace/name`, all lower case, with `default` as the namespace and
 * `component` as the kind when they are left out.
 *
 * Throws a `TypeError` that says what is wrong when the reference cannot be
 * read.
 *
 * @public
 */
export function normalizeEntityRef(
  ref: string | CompoundEntityRef,
  defaults: { defaultKind?: string; defaultNamespace?: string } = {},
): string {
  const parsed =
    typeof ref === 'string'
      ? parseEntityRef(ref.trim(), {
          defaultKind: defaults.defaultKind ?? 'component',
          defaultNamespace: defaults.defaultNamespace ?? 'default',
        })
      : ref;
  const kind = parsed.kind.toLocaleLowerCase('en-US');
  const namespace = parsed.namespace.toLocaleLowerCase('en-US');
  const name = parsed.name.toLocaleLowerCase('en-US');
  return `${kind}:${namespace}/${name}`;
}

/**
 * Splits a canonical entity reference into the three path segments the
 * assurance API uses: `/entities/{kind}/{namespace}/{name}`.
 *
 * @public
 */
export function entityRefToPath(ref: string): string {
  const normalized = normalizeEntityRef(ref);
  const { kind, namespace, name } = parseEntityRef(normalized);
  return [kind, namespace, name].map(encodeURIComponent).join('/');
}

/**
 * Whether two actors (entity refs such as `user:default/ada`, or service
 * subjects such as `ci`) are the same: refs are case-insensitive. Used to
 * keep requesters from approving their own requests.
 *
 * @public
 */
export function sameActor(a: string, b: string): boolean {
  return a.toLocaleLowerCase('en-US') === b.toLocaleLowerCase('en-US');
}
