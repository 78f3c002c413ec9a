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

import type { EvidenceRecord } from '@real-app-forever/plugin-assurance-common';
import Box from '@material-ui/core/Box';
import IconButton from '@material-ui/core/IconButton';
import Tooltip from '@material-ui/core/Tooltip';
import GetAppIcon from '@material-ui/icons/GetApp';
import OpenInNewIcon from '@material-ui/icons/OpenInNew';
import VerifiedUserIcon from '@material-ui/icons/VerifiedUser';
import { safeHttpUrl } from '../../utils/format';
import { useEvidenceActions } from './EvidenceActionsContext';

/**
 * Download (or open, for linked evidence) and "verify hash" of one row.
 */
export const EvidenceRowActions = (props: { record: EvidenceRecord }) => {
  const { record } = props;
  const { download, downloadingId, verify, verifyingIds } =
    useEvidenceActions();
  const isLink = record.storage === 'link';

  return (
    <Box display="inline-flex" alignItems="center">
      {isLink ? (
        <OpenLinkButton record={record} />
      ) : (
        <IconButton
          size="small"
          aria-label={`Download ${record.fileName}`}
          title={`Download ${record.fileName}`}
          disabled={downloadingId === record.id}
          onClick={() => download(record)}
        >
          <GetAppIcon fontSize="small" />
        </IconButton>
      )}
      <Tooltip
        title={
          isLink
            ? 'Kept elsewhere: the backend has no bytes to hash'
            : 'Re-hash the stored bytes and compare with the recorded sha256'
        }
      >
        {/* A disabled button fires no events; the span keeps the tooltip. */}
        <span>
          <IconButton
            size="small"
            aria-label={`Verify hash of ${record.fileName}`}
            disabled={isLink || Boolean(verifyingIds[record.id])}
            onClick={() => verify(record.id)}
          >
            <VerifiedUserIcon fontSize="small" />
          </IconButton>
        </span>
      </Tooltip>
    </Box>
  );
};

function OpenLinkButton(props: { record: EvidenceRecord }) {
  const { record } = props;
  const url = safeHttpUrl(
    record.url ??
      (record.summary?.kind === 'link' ? record.summary.url : undefined),
  );
  if (!url) {
    return (
      <IconButton
        size="small"
        aria-label={`Open ${record.fileName}`}
        title="The link is not an http(s) URL"
        disabled
      >
        <OpenInNewIcon fontSize="small" />
      </IconButton>
    );
  }
  return (
    <IconButton
      size="small"
      component="a"
      href={url}
      target="_blank"
      rel="noopener noreferrer"
      aria-label={`Open ${record.fileName}`}
      title={`Open ${url}`}
    >
      <OpenInNewIcon fontSize="small" />
    </IconButton>
  );
}
