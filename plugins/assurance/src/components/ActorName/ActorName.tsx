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

import { parseEntityRef, stringifyEntityRef } from '@backstage/catalog-model';
import { EntityRefLink } from '@backstage/plugin-catalog-react';

/**
 * Who did something: a user entity ref ("user:default/lukas.weber") as a
 * link with the user's display name; anything else, such as a service
 * principal ("plugin:assurance", "ci"), as it is.
 */
export const ActorName = (props: { actor: string }) => {
  const { actor } = props;
  const userRef = parseUserRef(actor);
  if (!userRef) {
    return <>{actor}</>;
  }
  return <EntityRefLink entityRef={userRef} defaultKind="user" hideIcon />;
};

/** The normalised ref when `actor` names a user entity. */
export function parseUserRef(actor: string): string | undefined {
  try {
    const ref = parseEntityRef(actor.trim());
    return ref.kind.toLocaleLowerCase('en-US') === 'user'
      ? stringifyEntityRef(ref).toLocaleLowerCase('en-US')
      : undefined;
  } catch {
    // No kind ("ci") or not a ref at all.
    return undefined;
  }
}
