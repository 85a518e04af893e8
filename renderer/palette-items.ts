import { COMMANDS, isWindowCommand, type CommandSpec } from '../electron/api/command-table';
import type { StudyList } from '../data/model/schema';
import type { PaletteItem } from './components/CommandPalette';

/**
 * What the palette offers: the window's commands (those for a resource only when a card was focused,
 * none that change the data when it is read-only), then every list, then every resource by title.
 * Keys say what to do: `command:<id>`, `list:<listId>`, `resource:<listId>/<resourceId>`.
 */
export function paletteItemsFor(lists: readonly StudyList[], context: { readOnly: boolean; hasTarget: boolean }): PaletteItem[] {
  const items: PaletteItem[] = [];
  for (const command of COMMANDS as readonly CommandSpec[]) {
    if (!isWindowCommand(command.id) || command.id === 'palette') continue;
    if ((command.resource && !context.hasTarget) || (command.changes && context.readOnly)) continue;
    items.push({ key: `command:${command.id}`, label: command.label, hint: command.shortcut ?? 'Command' });
  }
  for (const list of lists) items.push({ key: `list:${list.id}`, label: list.title, hint: 'List' });
  for (const list of lists) {
    for (const resource of list.resources) items.push({ key: `resource:${list.id}/${resource.id}`, label: resource.title, hint: `in ${list.title}` });
  }
  return items;
}
