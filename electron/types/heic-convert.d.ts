// heic-convert ships no types; this is the part of its API the receipts use.
declare module 'heic-convert' {
  function convert(opts: { buffer: Uint8Array; format: 'JPEG' | 'PNG'; quality?: number }): Promise<ArrayBuffer>;
  export default convert;
}
