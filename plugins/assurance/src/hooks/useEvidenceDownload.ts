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
import type { EvidenceRecord } from '@real-app-forever/plugin-assurance-common';
import { assuranceApiRef } from '../api';
import { saveBlob } from '../utils/saveBlob';

/**
 * Downloads the original bytes of an evidence file.
 *
 * NOTE: The content endpoint needs the user's Backstage token, which a plain
 * link does not send. The file is fetched with the FetchApi and handed to the
 * browser as an object URL instead.
 */
export function useEvidenceDownload() {
  const assuranceApi = useApi(assuranceApiRef);
  const fetchApi = useApi(fetchApiRef);
  const errorApi = useApi(errorApiRef);
  const [downloadingId, setDownloadingId] = useState<string>();

  const download = useCallback(
    async (record: Pick<EvidenceRecord, 'id' | 'fileName'>) => {
      setDownloadingId(record.id);
      try {
        const url = await assuranceApi.getEvidenceContentUrl({
          id: record.id,
        });
        const response = await fetchApi.fetch(url);
        if (!response.ok) {
          throw await ResponseError.fromResponse(response);
        }
        saveBlob({ blob: await response.blob(), fileName: record.fileName });
      } catch (error) {
        errorApi.post(error as Error);
      } finally {
        setDownloadingId(undefined);
      }
    },
    [assuranceApi, fetchApi, errorApi],
  );

  return { download, downloadingId };
}
