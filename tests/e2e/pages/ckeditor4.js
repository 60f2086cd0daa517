import { start, onFileReport } from './harness.js';
start(async (api, editors) => {
  const editor = CKEDITOR.replace('ed', { versionCheck: false, extraPlugins: 'pastefromword,save', height: 600 });
  await new Promise((ok) => editor.on('instanceReady', ok));
  const checker = editors.ckeditor4(api, editor, { delay: 50, save: 'block', onFileReport });
  return {
    editor, checker,
    root: () => editor.editable().$,
    pasteTarget: () => editor.editable().$,
    saved: () => editor.getData(),
    undo: () => editor.execCommand('undo'),
    publish: () => editor.execCommand('save'),
  };
});
