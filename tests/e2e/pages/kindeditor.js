import { start, onFileReport } from './harness.js';
start(async (api, editors) => {
  const editor = await new Promise((ok) => {
    const ed = KindEditor.create('#ed', { basePath: '/node_modules/kindeditor/', afterCreate() { ok(this); } });
    if (ed && ed.isCreated) ok(ed);
  });
  const checker = editors.kindeditor(api, editor, { delay: 50, save: 'block', onFileReport });
  return {
    editor, checker,
    root: () => editor.edit.doc.body,
    pasteTarget: () => editor.edit.doc.body,
    saved: () => editor.html(),
    undo: () => editor.undo(),
    publish: () => { document.getElementById('form').requestSubmit(); },
  };
});
