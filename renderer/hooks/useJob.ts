import type { JobProgress } from '../../data/model/reports';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { api } from '../api';

/** How long work may take before its progress is shown: quick imports never flash a dialog. */
const SHOW_AFTER_MS = 300;
let jobCount = 0;

/**
 * Runs one long API call as a job: main reports its stages, shown after a moment, and `cancel` asks
 * main to stop it before it changes anything.
 */
export function useJob() {
  const [progress, setProgress] = useState<JobProgress | null>(null);
  const current = useRef<{ id: string; shown: boolean; last: JobProgress | null } | null>(null);

  useEffect(
    () =>
      api().on('jobProgress', (update) => {
        const job = current.current;
        if (!job || update.job !== job.id) return;
        job.last = update;
        if (job.shown) setProgress(update);
      }),
    [],
  );

  const run = useCallback(async <T,>(call: (id: string) => Promise<T>): Promise<T> => {
    const id = `job-${Date.now().toString(36)}-${++jobCount}`;
    const job = { id, shown: false, last: null as JobProgress | null };
    current.current = job;
    const timer = setTimeout(() => {
      job.shown = true;
      if (job.last) setProgress(job.last);
    }, SHOW_AFTER_MS);
    try {
      return await call(id);
    } finally {
      clearTimeout(timer);
      if (current.current === job) current.current = null;
      setProgress(null);
    }
  }, []);

  const cancel = useCallback(() => {
    const job = current.current;
    if (job) void api().cancelJob(job.id);
  }, []);

  return useMemo(() => ({ progress, run, cancel }), [progress, run, cancel]);
}
