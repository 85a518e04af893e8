import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { CHANNELS, EVENT_CHANNELS } from './api/channels';
import { buildApi } from './api/invoker';

// The renderer gets exactly the contract's methods (each an ipcRenderer.invoke on its channel) and
// `on` for the contract's events; no ipcRenderer, no Node, nothing else crosses the bridge.
contextBridge.exposeInMainWorld(
  'api',
  buildApi(
    CHANNELS,
    (channel, ...args) => ipcRenderer.invoke(channel, ...args),
    EVENT_CHANNELS,
    (channel, listener) => {
      const handler = (_event: IpcRendererEvent, payload: unknown) => listener(payload);
      ipcRenderer.on(channel, handler);
      return () => void ipcRenderer.removeListener(channel, handler);
    },
  ),
);
