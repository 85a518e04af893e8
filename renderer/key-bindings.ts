import { COMMANDS, type CommandSpec, type WindowCommandId } from '../electron/api/command-table';

/** The key a keydown is, as the command table writes keys: 'j', '?', 'ArrowDown', 'Mod+k', 'Mod+Shift+z'. Alt: none. */
export function keyName(event: Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'shiftKey' | 'altKey'>): string | null {
  if (event.altKey) return null;
  if (!event.ctrlKey && !event.metaKey) return event.key;
  return `Mod+${event.shiftKey ? 'Shift+' : ''}${event.key.toLowerCase()}`;
}

/** Every key of the command table, to the command it runs: the one place the window's keys come from. */
export const KEY_BINDINGS: ReadonlyMap<string, WindowCommandId> = (() => {
  const bindings = new Map<string, WindowCommandId>();
  for (const command of COMMANDS as readonly CommandSpec[]) {
    for (const key of command.keys ?? []) {
      if (bindings.has(key)) throw new Error(`The key ${key} is bound twice in the command table.`);
      bindings.set(key, command.id as WindowCommandId);
    }
  }
  return bindings;
})();

/** How the sheet writes a key of the table: 'Mod+Shift+z' is 'Ctrl+Shift+Z', 'ArrowDown' is '↓'. */
export function shownAs(key: string): string {
  if (key === 'ArrowDown') return '↓';
  if (key === 'ArrowUp') return '↑';
  if (!key.startsWith('Mod+')) return key;
  return `Ctrl+${key.slice(4).replace(/[a-z]$/, (letter) => letter.toUpperCase())}`;
}
