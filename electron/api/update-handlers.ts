import { StudyError } from '../../data/model/errors';
import type { StudyHandlers } from './contract';
import type { UpdateService } from './updates';

type UpdateMethod = 'getUpdates' | 'setCheckUpdatesAtStart' | 'restartToUpdate';

/** The window's three update calls (updates.ts); absent where a test does not need updates. */
export function updateHandlers(updates: UpdateService | undefined): Pick<StudyHandlers, UpdateMethod> {
  const service = () => {
    if (!updates) throw new StudyError('invalid-argument', 'Updates are not available in this window.');
    return updates;
  };
  return {
    getUpdates: async () => service().state,
    setCheckUpdatesAtStart: (enabled) => service().setCheckAtStart(enabled),
    async restartToUpdate() {
      if (!(await service().restart())) throw new StudyError('invalid-argument', 'No new version is ready to install yet.');
      return null;
    },
  };
}
