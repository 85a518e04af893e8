import { useEffect, useState } from 'react';
import { api } from '../api';

interface Props {
  onError: (message: string) => void;
}

/**
 * "Check followed lists every week": this computer's consent to contact each followed list's site in
 * the background (off until ticked, as for link checks). Shown under a followed list's actions.
 */
export function FollowWeekly({ onError }: Props) {
  const [on, setOn] = useState<boolean | null>(null);
  useEffect(() => {
    let live = true;
    void api()
      .getFollowSchedule()
      .then((result) => live && result.ok && setOn(result.value.autoCheck));
    return () => {
      live = false;
    };
  }, []);
  const change = async (enabled: boolean) => {
    setOn(enabled);
    const result = await api().setAutoCheckFollowed(enabled);
    if (!result.ok) {
      setOn(!enabled);
      onError(result.error.message);
    } else setOn(result.value.autoCheck);
  };
  return (
    <label className="check-row follow-weekly">
      <input type="checkbox" checked={on ?? false} disabled={on === null} onChange={(e) => void change(e.target.checked)} />
      <span>Check followed lists for changes every week (contacts each list’s site from this computer)</span>
    </label>
  );
}
