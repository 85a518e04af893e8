import { contextBridge, ipcRenderer } from 'electron';
import { CHANNELS } from './api/channels';
import { buildApi } from './api/invoker';

// The renderer gets exactly the contract's methods, each one an ipcRenderer.invoke on its channel;
// no ipcRenderer, no Node, nothing else crosses the bridge.
contextBridge.exposeInMainWorld(
  'api',
  buildApi(CHANNELS, (channel, ...args) => ipcRenderer.invoke(channel, ...args)),
);
