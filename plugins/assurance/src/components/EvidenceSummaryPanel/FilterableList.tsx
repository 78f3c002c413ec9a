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

import { ChangeEvent, useId, useMemo, useState } from 'react';
import Box from '@material-ui/core/Box';
import TextField from '@material-ui/core/TextField';

/**
 * How many rows a long list shows at most; SBOMs list up to 10,000
 * components and coverage reports up to 2,000 files.
 */
export const DISPLAY_LIMIT = 200;

/**
 * Filters a long list by a text query and caps what is shown. `text` must be
 * stable (defined outside the component).
 */
export function useFilteredItems<T>(options: {
  items: T[];
  text: (item: T) => string;
  limit?: number;
}) {
  const { items, text, limit = DISPLAY_LIMIT } = options;
  const [query, setQuery] = useState('');
  const matched = useMemo(() => {
    const needle = query.trim().toLocaleLowerCase('en-US');
    return needle
      ? items.filter(item =>
          text(item).toLocaleLowerCase('en-US').includes(needle),
        )
      : items;
  }, [items, query, text]);

  return {
    query,
    setQuery,
    matched,
    shown: matched.length > limit ? matched.slice(0, limit) : matched,
  };
}

/**
 * The text field that filters a long list.
 */
export const ListFilterField = (props: {
  label: string;
  value: string;
  onChange: (value: string) => void;
}) => {
  const id = useId();
  return (
    <TextField
      id={id}
      label={props.label}
      value={props.value}
      onChange={(event: ChangeEvent<HTMLInputElement>) =>
        props.onChange(event.target.value)
      }
      variant="outlined"
      size="small"
      margin="dense"
    />
  );
};

/**
 * Says how much of a filtered, capped list is shown.
 */
export const DisplayLimitNote = (props: {
  shown: number;
  matched: number;
  filtered: boolean;
  noun: string;
}) => {
  const { shown, matched, filtered, noun } = props;
  if (filtered && matched === 0) {
    return (
      <Box mt={1} fontStyle="italic">
        No {noun} match.
      </Box>
    );
  }
  if (shown >= matched) {
    return null;
  }
  return (
    <Box mt={1} fontStyle="italic">
      Showing the first {shown} of {matched} {filtered ? 'matching ' : ''}
      {noun}.
    </Box>
  );
};
