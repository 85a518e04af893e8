import type { StudyList } from '../../data/model/schema';
import type { AppNav } from '../hooks/useAppNav';
import type { Dialogs } from '../hooks/useDialogs';
import type { useStudyData } from '../hooks/useStudyData';
import { ListDialog } from './ListDialog';

interface Props {
  data: ReturnType<typeof useStudyData>;
  lists: StudyList[];
  list: StudyList | undefined;
  nav: AppNav;
  dialogs: Pick<Dialogs, 'listDialog' | 'setListDialog'>;
}

/** The dialog that makes a list or edits, moves, resets or deletes the one shown. */
export function AppListDialog({ data, lists, list, nav, dialogs: { listDialog, setListDialog } }: Props) {
  return (
    <ListDialog
      target={listDialog === 'new' ? 'new' : listDialog === 'edit' && list ? list : null}
      position={{ index: list ? lists.indexOf(list) : 0, count: lists.length }}
      onClose={() => setListDialog(null)}
      onSave={async (fields) => {
        if (listDialog === 'edit' && list) return data.lists.update(list.id, fields);
        const listId = await data.lists.create(fields);
        if (!listId) return false;
        data.notify('info', `Created the list “${fields.title.trim()}”.`);
        nav.keepFiltersIn(listId);
        return true;
      }}
      onMove={(to) => list && void data.lists.move(list.id, lists.indexOf(list), to)}
      onReset={() => {
        setListDialog(null);
        if (list) void data.lists.reset(list.id);
      }}
      onDelete={() => {
        setListDialog(null);
        if (list) void data.lists.remove(list.id, list.title);
      }}
    />
  );
}
