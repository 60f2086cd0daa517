// ES module entry for Node: the CommonJS build's exports.
import api from './index.cjs';
export const { init, initSync, loadTextReaders, lint, lintElement, lintFile, tableHtml, rules, ruleDoc, version, findCell, highlight, clearHighlight, stripHighlight } = api;
export default api;
