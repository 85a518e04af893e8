/**
 * Brings the "Add a resource" form into view and puts the focus in its first field: what the list's
 * "+ Add resource" button and the `a` key do (the form itself stays at the end of the list).
 */
export function focusAddForm(): boolean {
  const field = document.querySelector<HTMLInputElement>('.add-resource form input');
  if (!field) return false;
  field.scrollIntoView({ block: 'center' });
  field.focus();
  return true;
}
