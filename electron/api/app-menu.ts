import packageJson from '../../package.json';
import { COMMANDS, type CommandSpec, type MainCommandId, type MenuName, type WindowCommandId } from './command-table';

/**
 * The application menu as Electron's Menu.buildFromTemplate takes it, built here without Electron so it
 * is tested as data. Its items are the command table's, in the table's order under each menu, plus
 * Electron's own roles (quit, cut, copy, paste, zoom, full screen, the macOS app menu).
 */
export interface MenuItemTemplate {
  label?: string;
  role?: string;
  type?: 'separator' | 'submenu';
  accelerator?: string;
  /** False: the key is shown, and the window's own keydown handles it (Linux and Windows only). */
  registerAccelerator?: boolean;
  click?: () => void;
  submenu?: MenuItemTemplate[];
}

export interface MenuPlatform {
  platform: NodeJS.Platform;
  appName: string;
  /** A window command chosen: main sends it to the window as the menuCommand event. */
  send: (id: WindowCommandId) => void;
  /** The commands main runs itself. */
  run: Record<MainCommandId, () => void>;
}

/** Where "Help → Report a problem" goes: the project's issue page, written once as package.json's `bugs.url` (the README links it too). */
export const ISSUES_URL: string = packageJson.bugs.url;

const SEPARATOR: MenuItemTemplate = { type: 'separator' };

function hasModifier(accelerator: string): boolean {
  return /(^|\+)(CmdOrCtrl|CommandOrControl|Cmd|Command|Ctrl|Control|Alt|Option)\+/.test(accelerator);
}

/**
 * One command's item. Its key is the window's: on Linux and Windows it is shown and not registered, so
 * a key typed in a text field stays the field's. macOS cannot show a key without registering it, so
 * there a plain key (j, x, ?) is left off the menu — registered, it would be taken from every text field —
 * and a key with ⌘ is registered and reaches the window through the menu (its undo leaves a text field's
 * own undo to the field).
 */
function itemFor(command: CommandSpec, platform: MenuPlatform): MenuItemTemplate {
  const item: MenuItemTemplate = {
    label: command.label,
    click: () => (command.main ? platform.run[command.id as MainCommandId]() : platform.send(command.id as WindowCommandId)),
  };
  const accelerator = command.accelerator;
  if (!accelerator) return item;
  if (platform.platform !== 'darwin') return { ...item, accelerator, registerAccelerator: false };
  return hasModifier(accelerator) ? { ...item, accelerator } : item;
}

/** A menu's commands in the table's order; those with a `submenu` gathered under it, each by the rest of its label. */
function commandsOf(menu: MenuName, platform: MenuPlatform, filter: (c: CommandSpec) => boolean = () => true): MenuItemTemplate[] {
  const items: MenuItemTemplate[] = [];
  for (const command of (COMMANDS as readonly CommandSpec[]).filter((c) => c.menu === menu && filter(c))) {
    const item = itemFor(command, platform);
    if (!command.submenu) {
      items.push(item);
      continue;
    }
    let parent = items.find((i) => i.label === command.submenu && i.submenu);
    if (!parent) items.push((parent = { label: command.submenu, submenu: [] }));
    parent.submenu!.push({ ...item, label: command.label.slice(command.submenu.length + 2) });
  }
  return items;
}

export function appMenuTemplate(platform: MenuPlatform): MenuItemTemplate[] {
  const mac = platform.platform === 'darwin';
  const about = (COMMANDS as readonly CommandSpec[]).find((c) => c.id === 'about')!;
  const appMenu: MenuItemTemplate[] = mac
    ? [
        {
          label: platform.appName,
          submenu: [itemFor(about, platform), SEPARATOR, { role: 'services' }, SEPARATOR, { role: 'hide' }, { role: 'hideOthers' }, { role: 'unhide' }, SEPARATOR, { role: 'quit' }],
        },
      ]
    : [];
  const file = commandsOf('file', platform);
  const undo = commandsOf('edit', platform, (c) => c.id === 'undo' || c.id === 'redo');
  const onResources = commandsOf('edit', platform, (c) => c.id !== 'undo' && c.id !== 'redo');
  return [
    ...appMenu,
    { label: 'File', submenu: [...file.slice(0, 4), SEPARATOR, ...file.slice(4), SEPARATOR, mac ? { role: 'close' } : { role: 'quit', label: 'Quit' }] },
    {
      label: 'Edit',
      submenu: [...undo, SEPARATOR, { role: 'cut' }, { role: 'copy' }, { role: 'paste' }, { role: 'selectAll' }, SEPARATOR, ...onResources],
    },
    { label: 'View', submenu: [...commandsOf('view', platform), SEPARATOR, { role: 'resetZoom' }, { role: 'zoomIn' }, { role: 'zoomOut' }, SEPARATOR, { role: 'togglefullscreen' }] },
    { label: 'Go', submenu: commandsOf('go', platform) },
    { label: 'Help', role: 'help', submenu: commandsOf('help', platform, (c) => !(mac && c.id === 'about')) },
  ];
}
