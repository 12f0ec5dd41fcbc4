// js-md4 ships no types; the one call the simulator makes.
declare module 'js-md4' {
  interface Md4 {
    arrayBuffer(message: Uint8Array | ArrayBuffer | string): ArrayBuffer;
  }
  const md4: Md4;
  export default md4;
}
