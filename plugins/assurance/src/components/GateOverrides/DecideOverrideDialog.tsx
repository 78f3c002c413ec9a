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

import { useEffect, useRef, useState } from 'react';
import type { GateOverride } from '@real-app-forever/plugin-assurance-common';
import Button from '@material-ui/core/Button';
import Dialog from '@material-ui/core/Dialog';
import DialogActions from '@material-ui/core/DialogActions';
import DialogContent from '@material-ui/core/DialogContent';
import DialogContentText from '@material-ui/core/DialogContentText';
import DialogTitle from '@material-ui/core/DialogTitle';
import TextField from '@material-ui/core/TextField';

/** What an approver decides about a pending override. */
export type OverrideDecision = 'approve' | 'reject';

/**
 * Approves or rejects a pending override with a comment; a rejection needs
 * one. The server decides whether the user may.
 */
export const DecideOverrideDialog = (props: {
  /** The override and the decision; the dialog is open while it is set. */
  deciding?: { override: GateOverride; decision: OverrideDecision };
  gateTitle?: string;
  busy?: boolean;
  onSubmit: (input: {
    id: string;
    decision: OverrideDecision;
    comment: string;
  }) => Promise<boolean>;
  onClose: () => void;
}) => {
  const { gateTitle, busy, onSubmit, onClose } = props;
  const [comment, setComment] = useState('');
  // Keeps the content while the dialog fades out after `deciding` is cleared.
  const last = useRef(props.deciding);
  if (props.deciding) {
    last.current = props.deciding;
  }
  const deciding = last.current;

  useEffect(() => {
    setComment('');
  }, [props.deciding]);

  const reject = deciding?.decision === 'reject';
  const valid = !reject || comment.trim().length > 0;

  const submit = async () => {
    if (!props.deciding || !deciding || !valid) {
      return;
    }
    const done = await onSubmit({
      id: deciding.override.id,
      decision: deciding.decision,
      comment: comment.trim(),
    });
    if (done) {
      onClose();
    }
  };

  return (
    <Dialog
      open={Boolean(props.deciding)}
      onClose={onClose}
      fullWidth
      maxWidth="sm"
    >
      <DialogTitle>
        {reject ? 'Reject override' : 'Approve override'}
      </DialogTitle>
      {deciding && (
        <DialogContent>
          <DialogContentText>
            {`${gateTitle ?? deciding.override.gateId}, requested by ${
              deciding.override.requestedBy
            }: “${deciding.override.reason}”`}
          </DialogContentText>
          <TextField
            id="assurance-override-comment"
            label={reject ? 'Why it is rejected' : 'Comment (optional)'}
            required={reject}
            multiline
            minRows={2}
            fullWidth
            margin="normal"
            variant="outlined"
            value={comment}
            onChange={event => setComment(event.target.value)}
          />
        </DialogContent>
      )}
      <DialogActions>
        <Button onClick={onClose}>Cancel</Button>
        <Button
          color={reject ? 'secondary' : 'primary'}
          variant="contained"
          style={{ whiteSpace: 'nowrap' }}
          data-testid={
            reject
              ? 'assurance-reject-override-submit'
              : 'assurance-approve-override-submit'
          }
          disabled={busy || !valid}
          onClick={submit}
        >
          {reject ? 'Reject' : 'Approve'}
        </Button>
      </DialogActions>
    </Dialog>
  );
};
