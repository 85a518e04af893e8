import { memo } from 'react';
import type { Status } from '../../data/model/schema';
import { STATUS_LABELS, STATUS_ORDER } from '../progress';

interface Props {
  title: string;
  status: Status;
  /** For a resource with parts: the status its parts give it, offered as "Automatic". */
  derived?: Status;
  explicit: boolean;
  disabled: boolean;
  compact?: boolean;
  onChange: (status: Status | null) => void;
}

export const StatusSelect = memo(function StatusSelect({ title, status, derived, explicit, disabled, compact, onChange }: Props) {
  const value = derived !== undefined && !explicit ? 'auto' : status;
  return (
    <select
      className={`status-select status-${status}${compact ? ' status-compact' : ''}`}
      aria-label={`Status of ${title}`}
      value={value}
      disabled={disabled}
      onChange={(event) => onChange(event.target.value === 'auto' ? null : (event.target.value as Status))}
    >
      {derived !== undefined && <option value="auto">{STATUS_LABELS[derived]} (from parts)</option>}
      {STATUS_ORDER.map((s) => (
        <option key={s} value={s}>
          {STATUS_LABELS[s]}
        </option>
      ))}
    </select>
  );
});
