import { start, onFileReport } from './harness.js';
start(async (api, editors) => {
  const { createEditor, createToolbar } = window.wangEditor;
  const editor = createEditor({ selector: '#ed', html: '<p><br></p>', mode: 'default' });
  createToolbar({ editor, selector: '#toolbar', mode: 'default' });
  const checker = editors.wangeditor(api, editor, { delay: 50, save: 'block', wangEditor: window.wangEditor, onFileReport });
  return {
    editor, checker,
    root: () => editor.getEditableContainer(),
    pasteTarget: () => editor.getEditableContainer().querySelector('[contenteditable]'),
    saved: () => editor.getHtml(),
    undo: () => editor.undo(),
    // The editor's own API, for when a synthetic paste is ignored.
    insertHtml: (html) => { editor.focus(); editor.dangerouslyInsertHtml(html); },
  };
});
