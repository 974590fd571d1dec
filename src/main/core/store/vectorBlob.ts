/** A vector as SQLite stores it: its float32 bytes, shared, not copied. */
export const toBlob = (v: Float32Array) => Buffer.from(v.buffer, v.byteOffset, v.byteLength)

/** A stored vector as floats: an aligned copy (a Buffer's offset need not be a multiple of 4). */
export function asFloats(blob: Buffer): Float32Array {
  return new Float32Array(blob.buffer.slice(blob.byteOffset, blob.byteOffset + blob.byteLength))
}
