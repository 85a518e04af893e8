import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import { CHANNELS, type StudyHandlers } from './api/contract';
import { dispatch } from './api/dispatch';

/**
 * Registers every contract method on its channel. Each call's sender frame must be our own renderer;
 * the arguments are parsed and the handler run by the same dispatch the test harness uses.
 */
export function registerIpc(
  ipcMain: Pick<IpcMain, 'handle'>,
  handlers: StudyHandlers,
  isTrustedSender: (event: IpcMainInvokeEvent) => boolean,
): void {
  for (const [method, channel] of CHANNELS) {
    ipcMain.handle(channel, (event, ...args: unknown[]) => {
      if (!isTrustedSender(event)) {
        return { ok: false, error: { code: 'forbidden', message: 'This window may not use the Studyshelf API.' } };
      }
      return dispatch(handlers, method, args);
    });
  }
}
