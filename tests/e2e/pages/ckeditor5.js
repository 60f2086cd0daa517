import { start, onFileReport } from './harness.js';
import { ClassicEditor, Essentials, Paragraph, Bold, Italic, Table, TableToolbar, PasteFromOffice } from '/node_modules/ckeditor5/dist/browser/ckeditor5.js';
start(async (api, editors) => {
  const editor = await ClassicEditor.create(document.getElementById('ed'), {
    licenseKey: 'GPL',
    plugins: [Essentials, Paragraph, Bold, Italic, Table, TableToolbar, PasteFromOffice],
    toolbar: ['undo', 'redo', 'bold', 'italic', 'insertTable'],
  });
  const checker = editors.ckeditor5(api, editor, { delay: 50, save: 'block', onFileReport });
  return {
    editor, checker,
    root: () => editor.editing.view.getDomRoot(),
    pasteTarget: () => editor.editing.view.getDomRoot(),
    saved: () => editor.getData(),
    undo: () => editor.execute('undo'),
  };
});
