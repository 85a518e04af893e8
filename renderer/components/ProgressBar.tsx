import { percent } from '../progress';

interface Props {
  done: number;
  total: number;
  /** How much is done, counting parts of resources not done yet (listProgress); `done` when absent. */
  share?: number;
  label: string;
  size?: 'small' | 'large';
}

export function ProgressBar({ done, total, share, label, size = 'small' }: Props) {
  const value = percent(share ?? done, total);
  return (
    <div
      className={`progress progress-${size}`}
      role="progressbar"
      aria-label={label}
      aria-valuemin={0}
      aria-valuemax={100}
      aria-valuenow={value}
      aria-valuetext={`${done} of ${total} done`}
    >
      <div className="progress-fill" style={{ width: `${value}%` }} />
    </div>
  );
}
