/**
 * Every command of Studyshelf, written once. The application menu (app-menu.ts, in main), the command
 * palette, the `?` shortcut sheet and the right-click menu on a resource all read this table, so a
 * command has one label and one key wherever it shows. Plain data, no Electron and no React: main and
 * the window both import it.
 *
 * `keys` are the keys the window handles (useShortcuts.ts); `shortcut` is how the sheet shows them;
 * `accelerator` is the same key in Electron's accelerator syntax, shown next to the menu item. The menu
 * never registers these (the window's keydown does), so a key typed in a text field stays the field's.
 */
export type MenuName = 'file' | 'edit' | 'view' | 'go' | 'help';

export interface CommandSpec {
  readonly id: string;
  readonly label: string;
  readonly menu: MenuName;
  readonly shortcut?: string;
  /**
   * The keys the window's keydown runs this command on (useShortcuts.ts reads them from here): `event.key`
   * as it comes ('j', '?', 'ArrowDown', 'Enter'), or 'Mod+' (Ctrl, or ⌘ on macOS) and 'Shift+' before a
   * lower-case letter. `shortcut` is how the sheet and the palette show the same keys.
   */
  readonly keys?: readonly string[];
  readonly accelerator?: string;
  /** Acts on one resource: the focused card (menu, palette, key) or the card right-clicked. */
  readonly resource?: boolean;
  /** One of the items of the right-click menu on a resource. */
  readonly context?: boolean;
  /** Run in main (About, Report a problem), not sent to the window. */
  readonly main?: boolean;
  /** Changes the data: not offered while the data is read-only. */
  readonly changes?: boolean;
  /**
   * Shown in the menu inside a submenu of this name (View → Theme), under the rest of its label: the
   * label starts with `${submenu}: ` so the palette, which lists every command flat, says the whole.
   */
  readonly submenu?: string;
}

export const COMMANDS = [
  { id: 'newList', label: 'New list…', menu: 'file', changes: true },
  { id: 'importList', label: 'Import…', menu: 'file', changes: true },
  { id: 'exportList', label: 'Export…', menu: 'file' },
  { id: 'addResource', label: 'Add link…', menu: 'file', shortcut: 'a', keys: ['a'], accelerator: 'A', changes: true },
  { id: 'showBackups', label: 'Backups…', menu: 'file' },
  { id: 'showSync', label: 'Sync and data folder…', menu: 'file' },
  { id: 'undo', label: 'Undo', menu: 'edit', shortcut: 'Ctrl+Z / ⌘Z', keys: ['Mod+z'], accelerator: 'CmdOrCtrl+Z' },
  { id: 'redo', label: 'Redo', menu: 'edit', shortcut: 'Ctrl+Shift+Z / Ctrl+Y', keys: ['Mod+Shift+z', 'Mod+y'], accelerator: 'CmdOrCtrl+Shift+Z' },
  { id: 'toggleDone', label: 'Mark done / not done', menu: 'edit', shortcut: 'x', keys: ['x'], accelerator: 'X', resource: true, changes: true },
  { id: 'editNote', label: 'Edit the note', menu: 'edit', shortcut: 'n', keys: ['n'], accelerator: 'N', resource: true },
  { id: 'startTimer', label: 'Start a focus timer', menu: 'edit', shortcut: 't', keys: ['t'], accelerator: 'T', resource: true, changes: true },
  { id: 'openLink', label: 'Open link', menu: 'edit', shortcut: 'o / Enter', keys: ['o', 'Enter'], accelerator: 'O', resource: true, context: true },
  { id: 'copyLink', label: 'Copy link', menu: 'edit', resource: true, context: true },
  { id: 'editResource', label: 'Edit resource', menu: 'edit', resource: true, context: true, changes: true },
  { id: 'moveResource', label: 'Move to list…', menu: 'edit', resource: true, context: true, changes: true },
  { id: 'deleteResource', label: 'Delete resource', menu: 'edit', resource: true, context: true, changes: true },
  { id: 'toggleProgress', label: 'Progress view / back to the list', menu: 'view', shortcut: 'g', keys: ['g'], accelerator: 'G' },
  { id: 'themeSystem', label: 'Theme: Follow the system', menu: 'view', submenu: 'Theme' },
  { id: 'themeLight', label: 'Theme: Light', menu: 'view', submenu: 'Theme' },
  { id: 'themeDark', label: 'Theme: Dark', menu: 'view', submenu: 'Theme' },
  { id: 'showReview', label: 'Review what is due', menu: 'view' },
  { id: 'nextResource', label: 'Next resource', menu: 'go', shortcut: 'j / ↓', keys: ['j', 'ArrowDown'], accelerator: 'J' },
  { id: 'previousResource', label: 'Previous resource', menu: 'go', shortcut: 'k / ↑', keys: ['k', 'ArrowUp'], accelerator: 'K' },
  { id: 'search', label: 'Search', menu: 'go', shortcut: '/', keys: ['/'], accelerator: '/' },
  { id: 'palette', label: 'Command palette', menu: 'go', shortcut: 'Ctrl+K / ⌘K', keys: ['Mod+k'], accelerator: 'CmdOrCtrl+K' },
  { id: 'showShortcuts', label: 'Keyboard shortcuts', menu: 'help', shortcut: '?', keys: ['?'], accelerator: '?' },
  { id: 'about', label: 'About Studyshelf', menu: 'help', main: true },
  { id: 'reportProblem', label: 'Report a problem', menu: 'help', main: true },
] as const satisfies readonly CommandSpec[];

export type CommandId = (typeof COMMANDS)[number]['id'];
type MainCommand = Extract<(typeof COMMANDS)[number], { main: true }>;
export type MainCommandId = MainCommand['id'];
/** The commands the window runs: what a menu click sends it (the menuCommand event). */
export type WindowCommandId = Exclude<CommandId, MainCommandId>;

export const WINDOW_COMMAND_IDS = COMMANDS.filter((c): c is Exclude<(typeof COMMANDS)[number], MainCommand> => !('main' in c)).map((c) => c.id);

export function isWindowCommand(id: unknown): id is WindowCommandId {
  return typeof id === 'string' && (WINDOW_COMMAND_IDS as readonly string[]).includes(id);
}

export function commandById(id: CommandId): CommandSpec {
  return COMMANDS.find((c) => c.id === id)!;
}

/** Keys the sheet lists that are not commands of their own. */
export const OTHER_KEYS: ReadonlyArray<readonly [string, string]> = [
  ['j / k, x on a resource with its parts shown', 'Into its parts and out again; x ticks the part reached'],
  ['1 2 3 4', 'Status: to do, in progress, done, skipped'],
  ['Esc', 'Leave a note for its card, clear the search, close a dialog or menu'],
  ['Shift+F10', 'The menu of the focused resource (also a right-click on it)'],
];

/** The `?` sheet: every command that has a key, in the table's order, then the other keys. */
export function shortcutRows(): Array<readonly [string, string]> {
  const rows: Array<readonly [string, string]> = [];
  for (const command of COMMANDS as readonly CommandSpec[]) if (command.shortcut) rows.push([command.shortcut, command.label]);
  return [...rows, ...OTHER_KEYS];
}
