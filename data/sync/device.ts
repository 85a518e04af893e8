import { randomBytes } from 'node:crypto';
import { mkdir, readFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { z } from 'zod';
import { DurableJsonFile } from '../storage/durable-json-file';
import { IdSchema } from '../model/schema';
import type { DeviceInfo } from './merge';

export const DEVICE_FILE_NAME = 'device.json';
export const SETTINGS_FILE_NAME = 'settings.json';

const DeviceSchema = z.object({ id: IdSchema, name: z.string().min(1).max(200) });
const SettingsSchema = z.object({
  /** The folder the user chose for the data (e.g. inside a Syncthing or Dropbox folder); null: the app's own. */
  dataFolder: z.string().min(1).max(4096).nullable(),
});
export type Settings = z.infer<typeof SettingsSchema>;

async function readJson(file: string): Promise<unknown> {
  try {
    return JSON.parse(await readFile(file, 'utf8'));
  } catch {
    return null;
  }
}

/**
 * This installation's identity, made once and kept in the app's own folder (never in the synced one,
 * where a copy would make two computers the same device): a random id and the computer's name.
 */
export async function loadDevice(appDir: string, name = hostname()): Promise<DeviceInfo> {
  const file = join(appDir, DEVICE_FILE_NAME);
  const parsed = DeviceSchema.safeParse(await readJson(file));
  if (parsed.success) return parsed.data;
  const device = { id: `dev-${randomBytes(6).toString('hex')}`, name: name.trim().slice(0, 200) || 'This computer' };
  // The first start: the app's folder may not exist yet.
  await mkdir(appDir, { recursive: true });
  await new DurableJsonFile<DeviceInfo>(file).write(device);
  return device;
}

export async function loadSettings(appDir: string): Promise<Settings> {
  const parsed = SettingsSchema.safeParse(await readJson(join(appDir, SETTINGS_FILE_NAME)));
  return parsed.success ? parsed.data : { dataFolder: null };
}

export async function saveSettings(appDir: string, settings: Settings): Promise<void> {
  await mkdir(appDir, { recursive: true });
  await new DurableJsonFile<Settings>(join(appDir, SETTINGS_FILE_NAME)).write(settings);
}

/** Where a device keeps its own files inside a synced data folder: only it writes there. */
export function deviceDir(dataFolder: string, deviceId: string): string {
  return join(dataFolder, 'devices', deviceId);
}

/** Gives this computer another name (conflict markers and the other computers' Sync view show it). */
export async function renameDevice(appDir: string, device: DeviceInfo, name: string): Promise<DeviceInfo> {
  const renamed = DeviceSchema.parse({ id: device.id, name: name.trim() });
  await mkdir(appDir, { recursive: true });
  await new DurableJsonFile<DeviceInfo>(join(appDir, DEVICE_FILE_NAME)).write(renamed);
  return renamed;
}
