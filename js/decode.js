// PLACEHOLDER until the encoding work lands: UTF-8 only.
export function decodeBytes(bytes) {
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'UTF-8' };
  } catch (e) {
    return { error: 'not UTF-8' };
  }
}
export function fileOffsets(decoded, indices) {
  const enc = new TextEncoder();
  return indices.map((i) => enc.encode(decoded.text.slice(0, i)).length);
}
