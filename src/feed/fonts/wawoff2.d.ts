// wawoff2 ships no types: its decompressor (Google's woff2 in WebAssembly) takes a woff2 file and resolves
// to the TrueType font in it. The bytes are a view of the decoder's memory, which its next call reuses.
declare module 'wawoff2/decompress.js' {
  export default function decompress(woff2: Uint8Array): Promise<Uint8Array>;
}
