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

import { useCallback, useState } from 'react';
import { errorApiRef, fetchApiRef, useApi } from '@backstage/core-plugin-api';
import { ResponseError } from '@backstage/errors';
import { parseEntityRef } from '@backstage/catalog-model';
import { assuranceApiRef } from '../api';
import { saveBlob } from '../utils/saveBlob';

/**
 * Downloads a zip of all the evidence of an entity and its manifest.
 *
 * NOTE: Like a single file, the archive needs the user's Backstage token, so
 * it is fetched with the FetchApi rather than opened as a plain link.
 */
export function useEvidenceExport(options: { entityRef: string }) {
  const { entityRef } = options;
  const assuranceApi = useApi(assuranceApiRef);
  const fetchApi = useApi(fetchApiRef);
  const errorApi = useApi(errorApiRef);
  const [exporting, setExporting] = useState(false);

  const exportAll = useCallback(async () => {
    setExporting(true);
    try {
      const url = await assuranceApi.getEvidenceExportUrl({ entityRef });
      const response = await fetchApi.fetch(url);
      if (!response.ok) {
        throw await ResponseError.fromResponse(response);
      }
      saveBlob({
        blob: await response.blob(),
        fileName: exportFileName(entityRef),
      });
    } catch (error) {
      errorApi.post(error as Error);
    } finally {
      setExporting(false);
    }
  }, [assuranceApi, fetchApi, errorApi, entityRef]);

  return { exportAll, exporting };
}

function exportFileName(entityRef: string): string {
  const { kind, namespace, name } = parseEntityRef(entityRef);
  const base = [kind, namespace, name]
    .join('-')
    .toLocaleLowerCase('en-US')
    .replace(/[^a-z0-9._-]+/g, '_');
  return `${base}-evidence.zip`;
}
