import { percent } from '../progress';

interface Props {
  done: number;
  total: number;
  label: string;
  size?: 'small' | 'large';
}

export function ProgressBar({ done, total, label, size = 'small' }: Props) {
  const value = percent(done, total);
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
