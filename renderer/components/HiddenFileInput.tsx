import { forwardRef } from 'react';

interface Props {
  accept: string;
  label: string;
  onFile: (file: File) => void;
}

/** The page's file chooser behind an "Import…" button: out of sight and of the tab order, cleared after each pick so the same file can be chosen again. */
export const HiddenFileInput = forwardRef<HTMLInputElement, Props>(function HiddenFileInput({ accept, label, onFile }, ref) {
  return (
    <input
      ref={ref}
      type="file"
      accept={accept}
      className="visually-hidden"
      aria-label={label}
      tabIndex={-1}
      onChange={(event) => {
        const file = event.target.files?.[0];
        if (file) onFile(file);
        event.target.value = '';
      }}
    />
  );
});
