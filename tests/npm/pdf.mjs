// PDFs made for the tests (a page drawn just so, a scan, an encrypted or damaged file): the
// objects written out with their cross-reference table.

/** A PDF of these objects (1 is the catalog), with its cross-reference table: its bytes, as an array. */
export function pdf(objects, trailer = '') {
  let out = '%PDF-1.7\n%\xe2\xe3\xcf\xd3\n';
  const offsets = [];
  objects.forEach((body, i) => {
    offsets.push(out.length);
    out += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = out.length;
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n` + offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('');
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R ${trailer} >>\nstartxref\n${xref}\n%%EOF\n`;
  return [...Buffer.from(out, 'latin1')];
}

/** A stream object of `data` (latin1 text) with the entries of `dict`. */
export const stream = (dict, data) => `<< ${dict} /Length ${data.length} >>\nstream\n${data}\nendstream`;
