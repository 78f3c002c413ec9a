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

import Button from '@material-ui/core/Button';
import ArchiveIcon from '@material-ui/icons/Archive';
import { useEvidenceExport } from '../../hooks';

/**
 * Downloads every evidence file of the entity and a manifest as one zip.
 */
export const ExportEvidenceButton = (props: { entityRef: string }) => {
  const { exportAll, exporting } = useEvidenceExport(props);
  return (
    <Button
      variant="outlined"
      size="small"
      startIcon={<ArchiveIcon />}
      disabled={exporting}
      onClick={exportAll}
      title="Every evidence file of this entity and a manifest, whatever the filters"
    >
      Export all (zip)
    </Button>
  );
};
