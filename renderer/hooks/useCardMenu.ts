import { useEffect, useRef, useState, type Dispatch, type RefObject, type SetStateAction } from 'react';
import type { Resource, Status } from '../../data/model/schema';
import { commandById } from '../../electron/api/command-table';
import { useActions } from '../actions';
import { registerCard, type CardCommandId } from '../card-commands';
import type { MenuEntry } from '../components/ContextMenu';
import { isWebUrl } from '../format';

/**
 * A card's commands (the menu bar, the palette and keys reach them through registerCard) and its
 * right-click menu: the entries it shows, and moving to another list as its second step.
 */
export function useCardMenu(listId: string, resource: Resource, index: number, status: Status, card: RefObject<HTMLLIElement | null>, setEditing: Dispatch<SetStateAction<boolean>>) {
  const actions = useActions();
  const resourceRef = `${listId}/${resource.id}`;
  const [menu, setMenu] = useState<{ at: { x: number; y: number }; moving: boolean } | null>(null);
  const webLink = isWebUrl(resource.url) ? resource.url : null;
  const run = (id: CardCommandId) => {
    if (actions.readOnly && commandById(id).changes) return;
    switch (id) {
      case 'copyLink':
        if (webLink) void navigator.clipboard.writeText(webLink).catch(() => undefined);
        break;
      case 'editResource':
        setEditing(true);
        break;
      case 'moveResource': {
        const box = card.current?.getBoundingClientRect();
        setMenu({ at: { x: (box?.left ?? 0) + 24, y: (box?.top ?? 0) + 24 }, moving: true });
        break;
      }
      case 'deleteResource':
        void actions.resources.remove(resourceRef, resource.title);
        break;
      case 'toggleDone':
        actions.setDone(resourceRef, status !== 'done', resource.title);
        break;
    }
  };
  // Registered once per card; what it runs is the latest render's.
  const latest = useRef(run);
  useEffect(() => {
    latest.current = run;
  });
  useEffect(() => registerCard(resourceRef, (id) => latest.current(id)), [resourceRef]);
  const closeMenu = (refocus: boolean) => {
    setMenu(null);
    if (refocus) card.current?.focus({ preventScroll: true });
  };
  const entries: MenuEntry[] = !menu
    ? []
    : menu.moving
      ? actions.lists
          .filter((l) => l.id !== listId)
          .map((l) => ({
            key: l.id,
            label: l.title,
            run: () => {
              closeMenu(true);
              void actions.resources.move(resourceRef, { listId, index }, l.id, 100_000);
            },
          }))
      : (['openLink', 'copyLink', 'editResource', 'moveResource', 'deleteResource'] as const).map((id) => ({
          key: id,
          label: commandById(id).label,
          disabled: ((id === 'openLink' || id === 'copyLink') && !webLink) || (actions.readOnly && commandById(id).changes === true) || (id === 'moveResource' && actions.lists.length < 2),
          run: () => {
            if (id === 'moveResource') return setMenu((m) => m && { ...m, moving: true });
            closeMenu(id !== 'editResource' && id !== 'deleteResource');
            if (id === 'openLink') actions.openLink(resourceRef);
            else run(id);
          },
        }));
  return { menu, setMenu, entries, closeMenu };
}
