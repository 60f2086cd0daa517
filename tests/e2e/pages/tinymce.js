import { start, onFileReport } from './harness.js';
start(async (api, editors) => {
  const [editor] = await tinymce.init({ selector: '#ed', license_key: 'gpl', plugins: 'table', height: 600, promotion: false });
  const checker = editors.tinymce(api, editor, { delay: 50, save: 'block', onFileReport });
  return {
    editor, checker,
    root: () => editor.getBody(),
    pasteTarget: () => editor.getBody(),
    saved: () => editor.getContent(),
    undo: () => editor.undoManager.undo(),
    publish: () => { editor.formElement.requestSubmit(); },
  };
});
