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
import Button from '@material-ui/core/Button';
import Checkbox from '@material-ui/core/Checkbox';
import Dialog from '@material-ui/core/Dialog';
import DialogActions from '@material-ui/core/DialogActions';
import DialogContent from '@material-ui/core/DialogContent';
import DialogContentText from '@material-ui/core/DialogContentText';
import DialogTitle from '@material-ui/core/DialogTitle';
import FormControlLabel from '@material-ui/core/FormControlLabel';
import TextField from '@material-ui/core/TextField';
import { formatDigest } from '../../utils/format';

/** The shortest reason the dialog accepts. */
export const MIN_REASON_LENGTH = 10;

const DEFAULT_EXPIRY_DAYS = 7;

/**
 * Asks for a time-bounded override of one gate: a reason, an expiry of
 * 1..maxDays days, and, when an artifact is selected, whether the override
 * is for that artifact only. The server checks all of it again.
 */
export const RequestOverrideDialog = (props: {
  /** The gate to override; the dialog is open while it is set. */
  gate?: { id: string; title: string };
  /** The artifact in view, if any. */
  digest?: string;
  /** The policy's longest override, in days. */
  maxDays: number;
  busy?: boolean;
  onSubmit: (input: {
    gateId: string;
    reason: string;
    expiresInDays: number;
    digest?: string;
  }) => Promise<boolean>;
  onClose: () => void;
}) => {
  const { gate, digest, maxDays, busy, onSubmit, onClose } = props;
  const [reason, setReason] = useState('');
  const [days, setDays] = useState('');
  const [onlyArtifact, setOnlyArtifact] = useState(true);
  // Keeps the title while the dialog fades out after `gate` is cleared.
  const lastTitle = useRef(gate?.title);
  if (gate) {
    lastTitle.current = gate.title;
  }

  useEffect(() => {
    if (gate) {
      setReason('');
      setDays(String(Math.min(DEFAULT_EXPIRY_DAYS, maxDays)));
      setOnlyArtifact(true);
    }
  }, [gate, maxDays]);

  const reasonValid = reason.trim().length >= MIN_REASON_LENGTH;
  const expiresInDays = Number(days);
  const daysValid =
    Number.isInteger(expiresInDays) &&
    expiresInDays >= 1 &&
    expiresInDays <= maxDays;

  const submit = async () => {
    if (!gate || !reasonValid || !daysValid) {
      return;
    }
    const done = await onSubmit({
      gateId: gate.id,
      reason: reason.trim(),
      expiresInDays,
      ...(digest && onlyArtifact ? { digest } : {}),
    });
    if (done) {
      onClose();
    }
  };

  return (
    <Dialog open={Boolean(gate)} onClose={onClose} fullWidth maxWidth="sm">
      <DialogTitle>{`Request override for ${
        lastTitle.current ?? ''
      }`}</DialogTitle>
      <DialogContent>
        <DialogContentText>
          An approver other than you decides. Until then, and after the override
          expires, the gate keeps its real status.
        </DialogContentText>
        <TextField
          id="assurance-override-reason"
          label="Reason"
          required
          multiline
          minRows={3}
          fullWidth
          margin="normal"
          variant="outlined"
          value={reason}
          onChange={event => setReason(event.target.value)}
          error={reason.length > 0 && !reasonValid}
          helperText={`Why the gate can wait; at least ${MIN_REASON_LENGTH} characters`}
        />
        <TextField
          id="assurance-override-days"
          label="Expires in (days)"
          type="number"
          required
          margin="normal"
          variant="outlined"
          style={{ minWidth: 220 }}
          InputLabelProps={{ shrink: true, style: { whiteSpace: 'nowrap' } }}
          value={days}
          onChange={event => setDays(event.target.value)}
          error={!daysValid}
          helperText={`1 to ${maxDays} days`}
          inputProps={{ min: 1, max: maxDays, step: 1 }}
        />
        {digest && (
          <FormControlLabel
            control={
              <Checkbox
                checked={onlyArtifact}
                onChange={event => setOnlyArtifact(event.target.checked)}
              />
            }
            label={`Only this artifact (${formatDigest(digest)})`}
          />
        )}
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>Cancel</Button>
        <Button
          color="primary"
          variant="contained"
          style={{ whiteSpace: 'nowrap' }}
          data-testid="assurance-request-override-submit"
          disabled={busy || !reasonValid || !daysValid}
          onClick={submit}
        >
          Request override
        </Button>
      </DialogActions>
    </Dialog>
  );
};
