// Shared by the editor pages: load xxgk-lint (the built package, /pkg/), start the editor,
// attach the adapter, and expose `window.harness` for the test:
//   { api, checker, root(), pasteTarget(), saved(), undo(), paste? (html), fileReports }.
import * as api from '/pkg/web/index.js';
import * as editors from '/pkg/web/editors.js';

/** What the adapter's `onFileReport` was called with: [report, checker] each time. */
export const fileReports = [];
export const onFileReport = (report, checker) => { fileReports.push([report, checker]); };

export async function start(setup) {
  try {
    await api.init();
    const h = await setup(api, editors);
    window.harness = Object.assign({ api, fileReports }, h);
    window.ready = true;
  } catch (e) {
    window.failed = String((e && e.stack) || e);
    throw e;
  }
}
