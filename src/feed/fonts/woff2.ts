let decoding: Promise<unknown> = Promise.resolve();

/**
 * The TrueType font in a woff2 file (Google's decoder, in WebAssembly: no native build). One decode at a
 * time, each copied out at once: the decoder answers with a view of its own memory, which its next call
 * reuses, and two decodes awaited together would hand back each other's bytes.
 */
export function decodeWoff2(woff2: Uint8Array): Promise<Uint8Array> {
  const decoded = decoding.then(async () => {
    const { default: decompress } = await import('wawoff2/decompress.js');
    return (await decompress(woff2)).slice();
  });
  decoding = decoded.catch(() => {});
  return decoded;
}
