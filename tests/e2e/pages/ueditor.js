// UEditor 1.4.3 as a CMS page runs it: UE.getEditor on the form's textarea, the server config
// from `serverUrl` (a static stand-in, ueditor-server.json), the adapter from the classic
// script (`xxgkLint.editors.ueditor`), and a custom save button guarded by `canPublish()`.
import { start, onFileReport } from './harness.js';
start(async (api) => {
  const plain = new URLSearchParams(location.search).has('pasteplain');
  await window.xxgkLint.init();
  const editor = UE.getEditor('ed', {
    serverUrl: '/ueditor-server.json',
    initialFrameWidth: 1000,
    initialFrameHeight: 600,
    autoHeightEnabled: false,
    enableAutoSave: false,
    pasteplain: plain,
  });
  await new Promise((ok) => editor.ready(ok));
  // Each report's `pending` ('text' while the second module loads), and each of UEditor's pastes.
  const reports = [];
  const pastes = [];
  editor.addListener('afterpaste', (type, html) => pastes.push(html.html.length));
  const checker = window.xxgkLint.editors.ueditor(editor, {
    delay: 50, save: 'block', onFileReport, onReport: (r) => reports.push(r.pending || null),
  });
  // The CMS's own save button (an AJAX save, no form): it asks the checker first.
  const savedByButton = [];
  document.getElementById('save').addEventListener('click', () => {
    if (checker.canPublish()) savedByButton.push(editor.getContent());
  });
  return {
    editor, checker, plain, savedByButton, reports, pastes,
    root: () => editor.body,
    pasteTarget: () => editor.body,
    saved: () => editor.getContent(),
    undo: () => editor.execCommand('undo'),
    publish: () => { document.getElementById('form').requestSubmit(); },
    // Where the test presses Ctrl+V and Ctrl+Z: the editor's iframe body, caret at the end.
    focusEnd: () => { editor.focus(true); },
  };
});
