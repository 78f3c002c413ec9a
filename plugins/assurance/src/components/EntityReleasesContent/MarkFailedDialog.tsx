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

import type { Release } from '@real-app-forever/plugin-assurance-common';
import DialogContentText from '@material-ui/core/DialogContentText';
import { ConfirmReleaseDialog } from './ConfirmReleaseDialog';
import { describeRelease, releaseVersion } from './releaseLabels';

/**
 * Confirms that a deploying release failed: the environment goes back to
 * the release that ran there before. The server decides whether the user
 * may; its message is shown.
 */
export const MarkFailedDialog = (props: {
  /** The deploying release; the dialog is open while it is set. */
  release?: Release;
  onMarkFailed: (input: { id: string; status: 'failed' }) => Promise<unknown>;
  onClose: () => void;
}) => {
  const { onMarkFailed, onClose } = props;
  return (
    <ConfirmReleaseDialog
      release={props.release}
      titleId="assurance-mark-failed-title"
      title={release =>
        `Mark ${releaseVersion(release)} in ${release.environment} failed`
      }
      confirmLabel="Mark failed"
      confirmColor="secondary"
      onConfirm={release => onMarkFailed({ id: release.id, status: 'failed' })}
      onClose={onClose}
    >
      {release => (
        <DialogContentText>
          {`The deploy of ${describeRelease(release)} to ${
            release.environment
          } is recorded as failed, and ${
            release.environment
          } goes back to the release that ran there before it. Mark it failed only if the deploy did not complete.`}
        </DialogContentText>
      )}
    </ConfirmReleaseDialog>
  );
};
