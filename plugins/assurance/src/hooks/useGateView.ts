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

import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router-dom';

/**
 * The view of the Gates tab kept in the query string, so that it can be
 * linked: `?digest=<algorithm:hex>` picks one artifact and
 * `?environment=<name>` one environment's policy layer. Other parameters
 * are kept.
 */
export function useGateView() {
  const [searchParams, setSearchParams] = useSearchParams();
  const digest = searchParams.get('digest')?.trim() || undefined;
  const environment = searchParams.get('environment')?.trim() || undefined;

  const setView = useCallback(
    (changes: { digest?: string; environment?: string }) => {
      setSearchParams(
        previous => {
          const next = new URLSearchParams(previous);
          for (const key of ['digest', 'environment'] as const) {
            if (key in changes) {
              const value = changes[key]?.trim();
              if (value) {
                next.set(key, value);
              } else {
                next.delete(key);
              }
            }
          }
          return next;
        },
        { replace: true },
      );
    },
    [setSearchParams],
  );

  return useMemo(
    () => ({ digest, environment, setView }),
    [digest, environment, setView],
  );
}
